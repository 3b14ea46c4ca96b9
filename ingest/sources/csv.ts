// CSV exports from other tools (social-listening suites, spreadsheets), and the column mapping
// that also applies to JSON and JSONL records: `--map text=body,date=published,title=film` says
// which column holds each field Hypeline reads. csv-parse does the RFC 4180 work (quoted commas,
// newlines inside cells, doubled quotes, BOM); the file is streamed, so size is not a limit, but
// one record is.
import { parse } from "csv-parse";
import { createReadStream } from "node:fs";

/** The fields a record can give, as named in JSON/JSONL records and `--map`. */
export const RECORD_FIELDS = ["text", "title", "date", "url", "source", "kind", "headline"] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
/** Record field → the column (CSV header, JSON key or dotted path) that holds it. */
export type FieldMap = Partial<Record<RecordField, string>>;

/** Parses "text=body,date=published"; the error names the allowed fields and the expected form. */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    const field = (eq < 0 ? part : part.slice(0, eq)).trim();
    const column = eq < 0 ? "" : part.slice(eq + 1).trim();
    if (!column) throw new Error(`"${part}" is not FIELD=COLUMN (e.g. text=body,date=published)`);
    if (!RECORD_FIELDS.includes(field as RecordField)) throw new Error(`unknown field "${field}": map one of ${RECORD_FIELDS.join(", ")}`);
    if (map[field as RecordField]) throw new Error(`field "${field}" is mapped twice`);
    map[field as RecordField] = column;
  }
  if (!Object.keys(map).length) throw new Error("empty mapping: write FIELD=COLUMN pairs, e.g. text=body,date=published");
  return map;
}

function lookup(record: Record<string, unknown>, column: string): { found: boolean; value: unknown } {
  if (Object.hasOwn(record, column)) return { found: true, value: record[column] };
  // "content.body" reaches into nested JSON objects; a CSV header with a dot was matched above.
  let value: unknown = record;
  for (const key of column.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return { found: false, value: undefined };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true, value };
}

/**
 * The record with mapped fields taken from their columns. Unmapped fields keep their own name.
 * A mapped column the record lacks is an error, so a typo in `--map` is not read as "no date".
 */
export function applyFieldMap(record: unknown, map: FieldMap | undefined): unknown {
  if (!map || record === null || typeof record !== "object" || Array.isArray(record)) return record;
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = { ...source };
  for (const field of RECORD_FIELDS) {
    const column = map[field];
    if (!column) continue;
    const { found, value } = lookup(source, column);
    if (!found) {
      const columns = Object.keys(source).slice(0, 12).join(", ");
      throw new Error(`column "${column}" (mapped to ${field} by --map) is missing; this record has: ${columns || "no columns"}`);
    }
    out[field] = value;
  }
  return out;
}

/** Where a mapped field's value came from, for the run report ("column published"). */
export function describeField(field: RecordField, map: FieldMap | undefined): string {
  const column = map?.[field];
  return column ? `column "${column}"` : `field "${field}"`;
}

function sizeLabel(chars: number): string {
  return chars >= 1024 * 1024 ? `${Math.round(chars / 1024 / 1024)} MB` : `${Math.round(chars / 1024)} KB`;
}

export interface CsvRecord {
  /** 1-based line where the record ends (a quoted cell may span lines). */
  line: number;
  record?: Record<string, string | undefined>;
  error?: string;
}

/** Rows of a CSV file with a header line, each as a record keyed by header, or a per-row error. */
export async function* readCsvRecords(file: string, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  const skipped: CsvRecord[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: maxRecordChars,
      // A row with too many or too few cells is reported and skipped, the rest still read.
      on_skip: (error) => {
        const e = error as (Error & { lines?: number; code?: string }) | undefined;
        const message = e?.code === "CSV_MAX_RECORD_SIZE" ? `row is larger than ${sizeLabel(maxRecordChars)} (one document may be at most that); the parser stops here, so later rows were not read: split the export` : `malformed CSV row (${e?.message ?? "unreadable"})`;
        skipped.push({ line: e?.lines ?? 0, error: message });
      },
    }),
  );
  let lastLine = 1;
  // The parser reports a skipped row as soon as it meets it, possibly before earlier rows are
  // consumed here: hand each error out in line order.
  const skippedBefore = (line: number) => {
    const due = skipped.filter((s) => s.line < line);
    skipped.splice(0, skipped.length, ...skipped.filter((s) => s.line >= line));
    return due;
  };
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield* skippedBefore(row.info.lines);
      lastLine = row.info.lines;
      // Empty cells mean "not given", not an empty date or kind.
      const record = Object.fromEntries(Object.entries(row.record).map(([k, v]) => [k, v === "" ? undefined : v]));
      if (Object.values(record).some((v) => v?.includes("\uFFFD"))) {
        yield { line: row.info.lines, error: "not valid UTF-8 (U+FFFD replacement characters): re-save the export as UTF-8" };
        continue;
      }
      yield { line: row.info.lines, record };
    }
    yield* skipped.splice(0);
  } catch (error) {
    yield* skipped.splice(0);
    // An unclosed quote or an oversized record ends the file: the parser cannot find the next row.
    const e = error as Error & { code?: string; lines?: number };
    const why = e.code === "CSV_MAX_RECORD_SIZE" ? `a row is larger than ${sizeLabel(maxRecordChars)}` : e.message;
    yield { line: e.lines ?? lastLine, error: `CSV cannot be read past this point (${why}); earlier rows were read` };
  }
}
