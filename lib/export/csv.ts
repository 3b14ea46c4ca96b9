// CSV as spreadsheets and scripts expect it: RFC 4180 quoting, UTF-8, a header row, ISO 8601
// dates, and formula-like text neutralised so a spreadsheet never runs it (CSV injection).
// Rows come in batches and leave as strings of many whole records (no record array, cast or
// Buffer per row, as with csv-stringify before): the export is faster and its garbage smaller.
import { Readable } from "node:stream";

/** What a column may hold; anything else is a bug in the column definition. */
export type Cell = string | number | boolean | bigint | Date | readonly unknown[] | null | undefined;

export interface Column<Row> {
  /** Header name: stable and documented, part of the export's contract. */
  name: string;
  value: (row: Row) => Cell;
}

/** Cells that spreadsheets treat as formulas start with one of = + - @ tab CR. */
function startsFormula(value: string): boolean {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
      return true;
    default:
      return false;
  }
}

/** Prefixes a formula-like string with an apostrophe; numbers stay numbers. */
export function neutraliseCell(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}

/**
 * RFC 4180: a field holding a quote, the delimiter or any line break (CRLF, or a lone LF or CR,
 * which spreadsheets also read as the end of a row) is quoted, quotes doubled.
 */
const NEEDS_QUOTES = /[",\r\n]/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

let fractions: string[] | undefined;

/** The digits of f / 10⁴ after the point, trailing zeros dropped ("5" for 5000, "0123" for 123); the table is built on first use. */
function fractionDigits(f: number): string {
  fractions ??= Array.from({ length: 10_000 }, (_, i) => `${i}`.padStart(4, "0").replace(/0+$/, ""));
  return fractions[f];
}

/**
 * `${n}`, without V8's number-to-string cache for the 4-decimal scores that fill the exports:
 * V8 allocates every string it caches in the old generation, so one score per row left ~30 MB
 * of dead strings per million rows there, reclaimed only by full collections. A non-integer
 * that is exactly k / 10⁴ prints as k's digits with a point (its shortest round-trip form,
 * what `${n}` prints); anything else goes through `${n}`.
 */
function formatNumber(n: number): string {
  if (Number.isInteger(n)) return `${n}`;
  const k = Math.round(n * 10_000);
  if (k / 10_000 !== n || !(Math.abs(k) < 1e13)) return `${n}`;
  const abs = Math.abs(k);
  const fraction = abs % 10_000;
  return `${k < 0 ? "-" : ""}${(abs - fraction) / 10_000}.${fractionDigits(fraction)}`;
}

/**
 * One field, byte for byte as the csv-stringify setup this replaces wrote it: strings
 * neutralised then quoted, numbers and bigints as JavaScript prints them, booleans as
 * true/false, dates in ISO 8601, arrays and objects as JSON, null and undefined empty.
 */
export function formatCell(value: unknown): string {
  switch (typeof value) {
    case "string":
      return quote(neutraliseCell(value));
    case "number":
      return formatNumber(value);
    case "bigint":
      return `${value}`;
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "";
      if (value instanceof Date) return value.toISOString();
      return quote(JSON.stringify(value) ?? "");
    default:
      return "";
  }
}

export function csvHeader(columns: readonly Column<never>[]): string {
  return `${columns.map((c) => formatCell(c.name)).join(",")}\r\n`;
}

/** Scores and shares to 4 decimal places, as every export writes them. */
export function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** One record (CRLF-terminated) appended to `out`. */
function appendRecord<Row>(out: string, row: Row, columns: readonly Column<Row>[]): string {
  const last = columns.length - 1;
  for (let c = 0; c < last; c++) out += `${formatCell(columns[c].value(row))},`;
  return `${out}${last >= 0 ? formatCell(columns[last].value(row)) : ""}\r\n`;
}

/** A batch of rows as CSV records, in one string. */
export function formatRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  let out = "";
  for (const row of rows) out = appendRecord(out, row, columns);
  return out;
}

/**
 * Characters per chunk, about. Kept well under V8's large-object size (128 KB): a larger string
 * still referenced when the young generation is collected (the chunk in flight always is) goes
 * straight to the old generation, which then fills with dead chunks until a full collection.
 */
const CHUNK_CHARS = 32 * 1024;

/** A batch of rows as strings of about CHUNK_CHARS (whole records each). */
function* formatChunks<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): Generator<string> {
  let out = "";
  for (const row of rows) {
    out = appendRecord(out, row, columns);
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  if (out) yield out;
}

/** The header, then the batches' records. */
async function* csvChunks<Row>(batches: AsyncIterable<readonly Row[]>, columns: readonly Column<Row>[]): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const batch of batches) yield* formatChunks(batch, columns);
}

/**
 * Streams batches of rows as CSV bytes. Readable.from asks for the next batch only when the
 * consumer has drained the last one (write() returning false pauses it), so memory stays flat
 * whatever the row count; an error in the source destroys the stream, and destroying the
 * stream returns the source (its finally blocks release what it holds).
 */
export function csvBatchStream<Row>(batches: AsyncIterable<readonly Row[]>, columns: readonly Column<Row>[]): Readable {
  return Readable.from(csvChunks(batches, columns), { objectMode: false });
}

/** Rows from an iterable grouped into arrays of `size`, so small sources share the batch path. */
async function* batchesOf<Row>(rows: AsyncIterable<Row> | Iterable<Row>, size: number): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Streams rows as CSV text (see csvBatchStream). */
export function csvStream<Row>(rows: AsyncIterable<Row> | Iterable<Row>, columns: readonly Column<Row>[]): Readable {
  return csvBatchStream(batchesOf(rows, 500), columns);
}
