// Labeled JSONL for training and evaluation: plain or gzip, one JSON object per line, with a
// text field and a label that may be "pos"/"neg", 1/0, true/false, or a numeric rating.
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";

export interface DatasetOptions {
  textField: string;
  labelField: string;
  /** For numeric ratings other than 0/1: rating ≥ threshold is positive. */
  threshold?: number;
}

export interface LabeledText {
  id: string;
  text: string;
  /** 1 positive, 0 negative; null for a label the binary task does not use ("neutral"). */
  label: 0 | 1 | null;
  /** The label as written in the file ("pos", "mixed", 7, ...). */
  rawLabel: string;
  /** A graded rating when the data has one (IMDB ids end in _<rating>), else null. */
  rating: number | null;
  /** Every other field of the record, for grouping (e.g. "split", "category"). */
  fields: Record<string, unknown>;
}

const POSITIVE = new Set(["pos", "positive", "1", "true", "yes", "fresh", "good"]);
const NEGATIVE = new Set(["neg", "negative", "0", "false", "no", "rotten", "bad"]);

const labelValue = z.union([z.string(), z.number(), z.boolean()]);

export class DatasetError extends Error {}

export function parseLabel(value: z.infer<typeof labelValue>, threshold?: number): 0 | 1 | null {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") {
    if (threshold !== undefined) return value >= threshold ? 1 : 0;
    if (value === 1 || value === 0) return value;
    throw new DatasetError(
      `label ${value} is a rating: pass --threshold N (ratings ≥ N are positive), e.g. --threshold 7`,
    );
  }
  const normal = value.trim().toLowerCase();
  if (POSITIVE.has(normal)) return 1;
  if (NEGATIVE.has(normal)) return 0;
  const numeric = Number(normal);
  if (normal !== "" && Number.isFinite(numeric)) return parseLabel(numeric, threshold);
  // "neutral", "mixed": real labels that a binary score cannot be right or wrong about.
  return null;
}

/** IMDB-style ids carry the star rating as a suffix: "test/pos/0_9" → 9. */
export function ratingFromId(id: string): number | null {
  const match = /_(\d+(?:\.\d+)?)$/.exec(id);
  return match ? Number(match[1]) : null;
}

/**
 * Undo scraping artefacts of review dumps before analysis: HTML line breaks and cp1252
 * punctuation stored as C1 control characters (both present in the IMDB corpus).
 */
export function cleanReviewText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\u0096/g, "–")
    .replace(/\u0097/g, "—")
    .replace(/\u0085/g, "…")
    .replace(/[\u0091\u0092]/g, "'")
    .replace(/[\u0093\u0094]/g, '"')
    .replace(/[\u0080-\u009f]/g, " ");
}

export function parseRecord(line: string, lineNumber: number, options: DatasetOptions): LabeledText {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new DatasetError(`line ${lineNumber}: not valid JSON; each line must be one JSON object`);
  }
  const schema = z.looseObject({
    [options.textField]: z.string().min(1),
    [options.labelField]: labelValue,
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = json && typeof json === "object" ? Object.keys(json).join(", ") : typeof json;
    throw new DatasetError(
      `line ${lineNumber}: needs a non-empty string "${options.textField}" and a label "${options.labelField}" ` +
        `(found: ${fields}); choose the fields with --text-field and --label-field`,
    );
  }
  const record = parsed.data as Record<string, unknown>;
  const rawLabel = record[options.labelField] as string | number | boolean;
  const id = typeof record.id === "string" || typeof record.id === "number" ? String(record.id) : String(lineNumber);
  return {
    id,
    text: cleanReviewText(record[options.textField] as string),
    label: parseLabel(rawLabel, options.threshold),
    rawLabel: String(rawLabel),
    rating: typeof rawLabel === "number" && rawLabel !== 0 && rawLabel !== 1 ? rawLabel : ratingFromId(id),
    fields: record,
  };
}

/** Stream records from a .jsonl or .jsonl.gz file; blank lines are skipped. */
export async function* readLabeledJsonl(
  file: string,
  options: DatasetOptions,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<LabeledText> {
  if (!fs.existsSync(file)) throw new DatasetError(`no such file: ${file}; pass --data <labeled.jsonl[.gz]>`);
  const raw = fs.createReadStream(file);
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let count = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      if (count >= limit) break;
      yield parseRecord(line, lineNumber, options);
      count += 1;
    }
  } finally {
    lines.close();
    raw.destroy();
  }
}
