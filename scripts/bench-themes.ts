// How much the theme extractors (aspects, people, claims, MinHash) add to analyzeDocument, the
// per-document cost on the ingest hot path. Usage: npm run bench:themes [-- ROUNDS]
// Reports the fastest round of each (the machine is shared: the minimum is the least disturbed).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { analyzeDocument } from "../lib/analysis/analyze";
import { readDoc } from "../lib/analysis/nlp";
import { analyzeThemes } from "../lib/analysis/themes";

const rounds = Number(process.argv[2] ?? 20);
const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).map((f) => readFileSync(path.join(seedsDir, f), "utf8")) : [];
const demo = readFileSync(path.join(process.cwd(), "demo/corpus.jsonl"), "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { text: string }).text);

function measure(label: string, texts: string[]): void {
  if (texts.length === 0) return;
  const analyzed = texts.map((rawText) => analyzeDocument({ rawText, releaseDate: "2025-06-06" }));
  const docs = analyzed.map((a) => readDoc(a.text));
  for (let i = 0; i < 3; i++) texts.forEach((rawText) => analyzeDocument({ rawText, releaseDate: "2025-06-06" }));
  const fastest = (run: () => void) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      run();
      best = Math.min(best, (performance.now() - start) / texts.length);
    }
    return best;
  };
  const total = fastest(() => texts.forEach((rawText) => analyzeDocument({ rawText, releaseDate: "2025-06-06" })));
  const themes = fastest(() =>
    analyzed.forEach((a, i) => analyzeThemes({ doc: docs[i], text: a.text, sentences: a.sentences, headline: a.headline, publishedAt: a.publishedAt, english: true })),
  );
  console.log(
    `${label}: ${texts.length} documents, analyzeDocument ${total.toFixed(2)} ms/doc, of which themes ${themes.toFixed(2)} ms (${((100 * themes) / total).toFixed(0)}%); without themes ≈ ${(total - themes).toFixed(2)} ms/doc`,
  );
}

measure("seeds", seeds);
measure("demo corpus", demo);
