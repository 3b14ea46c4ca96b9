// npm run train:sentiment -- --data <labeled.jsonl[.gz]> --out <model.json>
// Learns the polarity model from any labeled JSONL. Never point it at an evaluation split:
// the dev accuracy it prints comes from a slice of --data held out here.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineCommand, runMain } from "citty";
import { readDoc } from "../lib/analysis/nlp";
import { readLabeledJsonl, type DatasetOptions } from "../lib/analysis/sentiment/dataset";
import { featureSet, sentenceFeatureLists } from "../lib/analysis/sentiment/features";
import { readTokens, sentenceTokenRanges } from "../lib/analysis/sentiment/tokens";
import {
  DEFAULT_TRAIN_OPTIONS,
  trainPolarityModel,
  type LabeledFeatures,
  type TrainOptions,
  type TrainResult,
} from "../lib/analysis/sentiment/train";

export interface TrainFileOptions extends DatasetOptions, TrainOptions {
  data: string;
  out: string;
  limit?: number;
  log?: (line: string) => void;
}

export async function trainFromFile(options: TrainFileOptions): Promise<TrainResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const examples: LabeledFeatures[] = [];
  let skipped = 0;
  for await (const record of readLabeledJsonl(options.data, options, options.limit)) {
    if (record.label === null) {
      skipped += 1;
      continue;
    }
    const doc = readDoc(record.text);
    const stream = readTokens(doc);
    examples.push({
      features: featureSet(stream),
      label: record.label,
      sentences: options.sentenceWeight > 0 ? sentenceFeatureLists(stream, sentenceTokenRanges(doc)) : undefined,
    });
    if (examples.length % 5000 === 0) {
      log(`  tokenized ${examples.length} texts (${rate(examples.length, started)}/s)`);
    }
  }
  if (examples.length === 0) {
    throw new Error(`${options.data} has no positive/negative examples; check --label-field and --threshold`);
  }
  const positives = examples.filter((example) => example.label === 1).length;
  log(
    `read ${examples.length} texts (${positives} positive, ${examples.length - positives} negative` +
      `${skipped ? `, ${skipped} without a binary label skipped` : ""}) in ${seconds(started)}`,
  );
  const result = trainPolarityModel(examples, options, (report) =>
    log(
      `  epoch ${report.epoch}/${options.epochs}: loss ${report.loss.toFixed(4)}, ` +
        `dev accuracy ${(report.devAccuracy * 100).toFixed(2)}%`,
    ),
  );
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify(result.model) + "\n");
  const bytes = fs.statSync(options.out).size;
  log(
    `trained on ${result.trainCount}, held out ${result.devCount}: dev accuracy ` +
      `${(result.devAccuracy * 100).toFixed(2)}% with ${result.featureCount} features`,
  );
  log(`wrote ${options.out} (${(bytes / 1024 / 1024).toFixed(2)} MB) in ${seconds(started)}`);
  return result;
}

function rate(count: number, started: number): string {
  return Math.round(count / ((performance.now() - started) / 1000)).toString();
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

function numberArg(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number, got "${value}"`);
  return parsed;
}

export const trainCommand = defineCommand({
  meta: {
    name: "train:sentiment",
    description: "Train the Hypeline polarity model (NB-weighted logistic regression) from labeled JSONL.",
  },
  args: {
    data: { type: "string", required: true, description: "Labeled JSONL, plain or .gz" },
    out: { type: "string", required: true, description: "Where to write the model JSON" },
    "text-field": { type: "string", default: "text", description: "Field holding the text" },
    "label-field": { type: "string", default: "label", description: "Field holding the label" },
    threshold: { type: "string", description: "Numeric ratings ≥ this are positive" },
    limit: { type: "string", description: "Read at most N records" },
    seed: { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.seed) },
    "dev-share": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.devShare) },
    "min-df": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.minDocFreq) },
    "max-features": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.maxFeatures) },
    epochs: { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.epochs) },
    "learning-rate": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.learningRate) },
    l2: { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.l2) },
    nb: { type: "boolean", default: true, description: "Naive Bayes feature scaling (--no-nb for plain LR)" },
    "sentence-weight": {
      type: "string",
      default: String(DEFAULT_TRAIN_OPTIONS.sentenceWeight),
      description: "Weight of each sentence as an extra example with its text's label (0 = off)",
    },
  },
  async run({ args }) {
    const threshold = args.threshold === undefined ? undefined : numberArg(args.threshold, "threshold", 0);
    await trainFromFile({
      data: args.data,
      out: args.out,
      textField: args["text-field"],
      labelField: args["label-field"],
      threshold,
      limit: args.limit === undefined ? undefined : numberArg(args.limit, "limit", 0),
      seed: numberArg(args.seed, "seed", DEFAULT_TRAIN_OPTIONS.seed),
      devShare: numberArg(args["dev-share"], "dev-share", DEFAULT_TRAIN_OPTIONS.devShare),
      minDocFreq: numberArg(args["min-df"], "min-df", DEFAULT_TRAIN_OPTIONS.minDocFreq),
      maxFeatures: numberArg(args["max-features"], "max-features", DEFAULT_TRAIN_OPTIONS.maxFeatures),
      epochs: numberArg(args.epochs, "epochs", DEFAULT_TRAIN_OPTIONS.epochs),
      learningRate: numberArg(args["learning-rate"], "learning-rate", DEFAULT_TRAIN_OPTIONS.learningRate),
      l2: numberArg(args.l2, "l2", DEFAULT_TRAIN_OPTIONS.l2),
      naiveBayes: args.nb,
      smoothing: DEFAULT_TRAIN_OPTIONS.smoothing,
      sentenceWeight: numberArg(args["sentence-weight"], "sentence-weight", DEFAULT_TRAIN_OPTIONS.sentenceWeight),
      log: (line) => console.log(line),
    });
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void runMain(trainCommand);
}
