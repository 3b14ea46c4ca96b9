// npm run eval:sentiment -- --data <labeled.jsonl[.gz]> [--limit N] [--json]
// Scores labeled texts with the Hypeline scorer and, in the same run, wink-nlp's built-in
// sentiment, AFINN (`sentiment`) and VADER (`vader-sentiment`), and prints the figures side by
// side. Records with a "split" field (tune/holdout) are also reported per split.
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { defineCommand, runMain } from "citty";
import Sentiment from "sentiment";
import winkNLP from "wink-nlp";
import winkModel from "wink-eng-lite-web-model";
import { scoreText } from "../lib/analysis/sentiment";
import { readLabeledJsonl, type LabeledText } from "../lib/analysis/sentiment/dataset";
import { evaluationFigures, type EvaluationFigures, type Prediction } from "../lib/analysis/sentiment/evaluate";
import { seededRandom, shuffled } from "../lib/analysis/sentiment/train";
import { POLARITY_THRESHOLD } from "../lib/metrics";

interface ScorerOutput {
  score: number;
  positive: boolean;
  label: string;
  /** Hypeline only: does any sentence judge the work? */
  evaluative?: boolean;
}

interface Scorer {
  name: string;
  /** How the binary call is made, for the report. */
  threshold: string;
  prepare?: () => void;
  score: (text: string) => ScorerOutput;
}

const require = createRequire(import.meta.url);

function signLabel(score: number, band = 0): string {
  return score > band ? "pos" : score < -band ? "neg" : "neutral";
}

const STANCE_TO_LABEL: Record<string, string> = { positive: "pos", negative: "neg", neutral: "neutral", mixed: "mixed" };

export function makeScorers(): Scorer[] {
  const wink = winkNLP(winkModel);
  const afinn = new Sentiment();
  const vader = require("vader-sentiment") as {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
  };
  return [
    {
      name: "hypeline",
      threshold: `stance score > ${POLARITY_THRESHOLD}`,
      prepare: () => void scoreText("Warm up the model."),
      score: (text) => {
        const scored = scoreText(text);
        return {
          score: scored.stance.score,
          positive: scored.stance.score > POLARITY_THRESHOLD,
          label: STANCE_TO_LABEL[scored.stance.label],
          evaluative: scored.sentences.some((sentence) => sentence.evaluative),
        };
      },
    },
    {
      name: "wink-nlp",
      threshold: "its.sentiment > 0",
      score: (text) => {
        const score = wink.readDoc(text).out(wink.its.sentiment) as number;
        return { score, positive: score > 0, label: signLabel(score) };
      },
    },
    {
      name: "afinn",
      threshold: "comparative > 0",
      score: (text) => {
        const score = afinn.analyze(text).comparative;
        return { score, positive: score > 0, label: signLabel(score) };
      },
    },
    {
      name: "vader",
      threshold: "compound ≥ 0.05",
      score: (text) => {
        const score = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
        return { score, positive: score >= 0.05, label: signLabel(score, 0.05 - 1e-9) };
      },
    },
  ];
}

export interface ScorerReport {
  scorer: string;
  threshold: string;
  docsPerSecond: number;
  groups: Record<string, EvaluationFigures & { evaluativeAccuracy: number | null }>;
}

export interface EvalOptions {
  data: string;
  limit?: number;
  seed: number;
  textField: string;
  labelField: string;
  threshold?: number;
  scorers?: string[];
}

/** Read, sample (seeded, so --limit is a fair and repeatable sample), score and measure. */
export async function evaluateFile(options: EvalOptions): Promise<{ count: number; reports: ScorerReport[] }> {
  const records: LabeledText[] = [];
  for await (const record of readLabeledJsonl(options.data, options)) records.push(record);
  const sample =
    options.limit !== undefined && options.limit < records.length
      ? shuffled(records, seededRandom(options.seed)).slice(0, options.limit)
      : records;
  if (sample.length === 0) throw new Error(`${options.data} has no records`);
  const groups = groupBySplit(sample);
  const scorers = makeScorers().filter((scorer) => !options.scorers || options.scorers.includes(scorer.name));
  if (scorers.length === 0) throw new Error("--scorers matched none of: hypeline, wink-nlp, afinn, vader");

  const reports: ScorerReport[] = [];
  for (const scorer of scorers) {
    scorer.prepare?.();
    const outputs: ScorerOutput[] = new Array(sample.length);
    const started = performance.now();
    for (let i = 0; i < sample.length; i += 1) outputs[i] = scorer.score(sample[i].text);
    const elapsed = (performance.now() - started) / 1000;
    const report: ScorerReport = {
      scorer: scorer.name,
      threshold: scorer.threshold,
      docsPerSecond: sample.length / elapsed,
      groups: {},
    };
    for (const [group, indices] of groups) {
      const predictions: Prediction[] = indices.map((i) => ({
        gold: sample[i].label,
        goldLabel: sample[i].rawLabel,
        rating: sample[i].rating,
        score: outputs[i].score,
        positive: outputs[i].positive,
        label: outputs[i].label,
      }));
      report.groups[group] = { ...evaluationFigures(predictions), evaluativeAccuracy: evaluativeAccuracy(sample, outputs, indices) };
    }
    reports.push(report);
  }
  return { count: sample.length, reports };
}

function groupBySplit(records: readonly LabeledText[]): Map<string, number[]> {
  const groups = new Map<string, number[]>([["all", records.map((_, i) => i)]]);
  records.forEach((record, i) => {
    const split = record.fields.split;
    if (typeof split !== "string") return;
    const list = groups.get(split) ?? [];
    list.push(i);
    groups.set(split, list);
  });
  return groups;
}

function evaluativeAccuracy(records: readonly LabeledText[], outputs: readonly ScorerOutput[], indices: readonly number[]): number | null {
  let n = 0;
  let agree = 0;
  for (const i of indices) {
    const gold = records[i].fields.evaluative;
    if (typeof gold !== "boolean" || outputs[i].evaluative === undefined) continue;
    n += 1;
    if (gold === outputs[i].evaluative) agree += 1;
  }
  return n === 0 ? null : agree / n;
}

function percent(value: number | null): string {
  return value === null || Number.isNaN(value) ? "-" : `${(value * 100).toFixed(1)}%`;
}

export function renderReport(data: string, count: number, reports: readonly ScorerReport[]): string {
  const lines = [`${data}: ${count} records`];
  const groupNames = Object.keys(reports[0]?.groups ?? {});
  for (const group of groupNames) {
    const first = reports[0].groups[group];
    lines.push("", `[${group}] n=${first.labelN}, binary n=${first.binary.n}`);
    const header = ["scorer", "accuracy", "pos recall", "neg recall", "macro-F1", "label acc", "pearson r", "evaluative", "docs/s"];
    const rows = reports.map((report) => {
      const figures = report.groups[group];
      return [
        report.scorer,
        percent(figures.binary.accuracy),
        percent(figures.binary.positiveRecall),
        percent(figures.binary.negativeRecall),
        percent(figures.binary.macroF1),
        percent(figures.labelAccuracy),
        figures.pearson === null ? "-" : figures.pearson.toFixed(3),
        percent(figures.evaluativeAccuracy),
        group === "all" ? Math.round(report.docsPerSecond).toString() : "",
      ];
    });
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const format = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column])).join("  ");
    lines.push(format(header), ...rows.map(format));
  }
  lines.push("", "thresholds: " + reports.map((report) => `${report.scorer}: ${report.threshold}`).join("; "));
  return lines.join("\n");
}

export const evalCommand = defineCommand({
  meta: {
    name: "eval:sentiment",
    description: "Measure the Hypeline scorer next to wink-nlp, AFINN and VADER on labeled JSONL.",
  },
  args: {
    data: { type: "string", required: true, description: "Labeled JSONL, plain or .gz" },
    limit: { type: "string", description: "Score a seeded random sample of N records" },
    seed: { type: "string", default: "7", description: "Seed of the --limit sample" },
    json: { type: "boolean", default: false, description: "Print machine-readable JSON" },
    "text-field": { type: "string", default: "text" },
    "label-field": { type: "string", default: "label" },
    threshold: { type: "string", description: "Numeric ratings ≥ this are positive" },
    scorers: { type: "string", description: "Comma-separated subset: hypeline,wink-nlp,afinn,vader" },
  },
  async run({ args }) {
    const toNumber = (value: string | undefined, name: string): number | undefined => {
      if (value === undefined) return undefined;
      const parsed = Number(value);
      if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number, got "${value}"`);
      return parsed;
    };
    const { count, reports } = await evaluateFile({
      data: args.data,
      limit: toNumber(args.limit, "limit"),
      seed: toNumber(args.seed, "seed") ?? 7,
      textField: args["text-field"],
      labelField: args["label-field"],
      threshold: toNumber(args.threshold, "threshold"),
      scorers: args.scorers?.split(",").map((name) => name.trim()),
    });
    console.log(args.json ? JSON.stringify({ data: args.data, count, reports }, null, 2) : renderReport(args.data, count, reports));
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void runMain(evalCommand);
}
