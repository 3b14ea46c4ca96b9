// The trained polarity model: a linear model over feature keys (see features.ts).
// Loaded lazily from disk with fs, not imported: the Next.js server bundles code, and
// import.meta.url does not point at the source tree there.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const MODEL_ENV = "HYPELINE_SENTIMENT_MODEL";
export const DEFAULT_MODEL_PATH = "lib/analysis/sentiment-model.json";

export const modelFileSchema = z.object({
  format: z.literal("hypeline-sentiment-linear"),
  version: z.literal(1),
  /** Log-odds of "positive" for a document with no known feature. */
  bias: z.number(),
  /** Feature key → weight in log-odds. */
  weights: z.record(z.string(), z.number()),
  /** How the model was trained (data size, seed, dev accuracy); informative only. */
  meta: z.record(z.string(), z.unknown()).default({}),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

export interface PolarityModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
  meta: Readonly<Record<string, unknown>>;
}

export function modelFromFile(file: ModelFile): PolarityModel {
  return { bias: file.bias, weights: new Map(Object.entries(file.weights)), meta: file.meta };
}

export function resolveModelPath(): string {
  const configured = process.env[MODEL_ENV];
  return configured && configured.trim() !== ""
    ? path.resolve(configured)
    : path.join(process.cwd(), DEFAULT_MODEL_PATH);
}

export function readModelFile(file: string): PolarityModel {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(
      `Cannot read the sentiment model at ${file} (${(error as Error).message}). ` +
        `Run from the repository root, or set ${MODEL_ENV} to a model made by "npm run train:sentiment".`,
    );
  }
  const parsed = modelFileSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(
      `${file} is not a Hypeline sentiment model (${parsed.error.issues[0]?.message}). ` +
        `Retrain it with "npm run train:sentiment -- --data <labeled.jsonl> --out ${file}".`,
    );
  }
  return modelFromFile(parsed.data);
}

let loaded: { file: string; model: PolarityModel } | undefined;

/** The configured model, read once per process (re-read if the env path changes). */
export function getModel(): PolarityModel {
  const file = resolveModelPath();
  if (!loaded || loaded.file !== file) loaded = { file, model: readModelFile(file) };
  return loaded.model;
}

export function featureWeight(model: PolarityModel, key: string): number {
  return model.weights.get(key) ?? 0;
}
