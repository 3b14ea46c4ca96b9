// Runs the analysis steps on `workerData.text` in turn and posts back, per step, the scores to
// check or the error.
import { parentPort, workerData } from "node:worker_threads";
import { AnalysisError, analyzeDocument } from "../../lib/analysis/analyze";
import { cleanText } from "../../lib/analysis/clean";
import { scoreText } from "../../lib/analysis/sentiment";

export type ThreadStep = "clean" | "score" | "analyze";

export type ThreadResult =
  | { step: ThreadStep; ok: true; chars: number; scores: number[]; stance: number | null }
  | { step: ThreadStep; ok: false; analysisError: boolean; message: string };

const { steps, text } = workerData as { steps: ThreadStep[]; text: string };

function run(step: ThreadStep): ThreadResult {
  try {
    if (step === "clean") return { step, ok: true, chars: cleanText(text).text.length, scores: [], stance: null };
    const scored = step === "score" ? scoreText(text) : analyzeDocument({ rawText: text, releaseDate: "2025-06-06" });
    return { step, ok: true, chars: text.length, scores: scored.sentences.map((s) => s.score), stance: scored.stance.score };
  } catch (error) {
    return { step, ok: false, analysisError: error instanceof AnalysisError, message: (error as Error).message };
  }
}

parentPort!.postMessage(steps.map(run));
