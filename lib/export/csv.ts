// CSV as spreadsheets and scripts expect it: RFC 4180 quoting, UTF-8, a header row, ISO 8601
// dates, and formula-like text neutralised so a spreadsheet never runs it (CSV injection).
import { Readable, Transform, pipeline } from "node:stream";
import { stringify } from "csv-stringify";

/** Cells that spreadsheets treat as formulas start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-like string with an apostrophe; numbers stay numbers. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface Column<Row> {
  /** Header name: stable and documented, part of the export's contract. */
  name: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Streams rows as CSV text. Backpressure flows from the consumer to the row source, so memory
 * stays flat whatever the row count; an error in the source destroys the returned stream.
 */
export function csvStream<Row>(rows: AsyncIterable<Row> | Iterable<Row>, columns: Column<Row>[]): Readable {
  const toRecord = new Transform({
    objectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, columns.map((c) => c.value(row) ?? ""));
    },
  });
  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => c.name),
    record_delimiter: "\r\n",
    cast: {
      string: neutraliseCell,
      boolean: (v) => (v ? "true" : "false"),
      date: (d) => d.toISOString(),
    },
  });
  return pipeline(Readable.from(rows, { objectMode: true }), toRecord, stringifier, () => undefined);
}
