// The batch CSV formatter (lib/export/csv.ts) against the per-row path it replaced: csv-stringify
// with the same options, fed one record array per row. Same bytes for every kind of cell, but for
// one deliberate change: a lone LF or CR in a cell is now quoted too (quoted_match below).
import { Readable, Transform, Writable, pipeline } from "node:stream";
import { pipeline as pipelinePromise } from "node:stream/promises";
import { text } from "node:stream/consumers";
import { stringify } from "csv-stringify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, type Column, csvBatchStream, csvHeader, csvStream, formatCell, formatRows, neutraliseCell, round } from "../../lib/export/csv";

/** The export's CSV writer before batching, verbatim. */
function perRowCsv<Row>(rows: Iterable<Row>, columns: Column<Row>[]): Promise<string> {
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
    quoted_match: /[\r\n]/,
    cast: {
      string: neutraliseCell,
      boolean: (v) => (v ? "true" : "false"),
      date: (d) => d.toISOString(),
    },
  });
  return text(pipeline(Readable.from(rows, { objectMode: true }), toRecord, stringifier, () => undefined));
}

const byIndex = (n: number): Column<Cell[]>[] => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: (r) => r[i] }));

const TRICKY: Cell[] = [
  'He said "brutal", then left',
  "line\nbreak",
  "cr\ronly",
  "crlf\r\nend",
  "ends with cr\r",
  "a,b",
  '"',
  "",
  " ",
  "=1+1",
  "+SUM(A1)",
  "-2+3",
  "@cmd",
  "\tTAB",
  "\rCR",
  "'already",
  "﻿bom",
  "ünïcødé ✓ 映画",
  '=HYPERLINK("http://x.example","click")',
  null,
  undefined,
  0,
  -0,
  -0.5,
  0.1234,
  round(-0.123456),
  round(0.99995),
  1e21,
  1e-7,
  123456789.1234,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  12n,
  true,
  false,
  new Date("2025-06-06T12:34:56.789Z"),
  ["a", "b,c"],
  ['=x', 'say "hi"'],
  [],
  [1, null, true],
];

describe("formatRows", () => {
  it("writes the same bytes as the per-row csv-stringify path for tricky cells", async () => {
    const rows = TRICKY.map((cell, i) => [i, cell, `${i}`, cell]);
    const columns = byIndex(4);
    const batched = csvHeader(columns) + formatRows(rows, columns);
    expect(batched).toBe(await perRowCsv(rows, columns));
    expect(await text(csvStream(rows, columns))).toBe(batched);
  });

  it("quotes a lone LF or CR, which spreadsheets read as the end of a row", () => {
    expect(formatCell("line\nbreak")).toBe('"line\nbreak"');
    expect(formatCell("cr\ronly")).toBe('"cr\ronly"');
    expect(formatCell("plain")).toBe("plain");
  });

  it("matches the per-row path on random rows", async () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\r\n", "\n", '"', ",", "'"), fc.string()).map(([a, b]) => a + b),
      fc.double(),
      fc.double({ min: -1, max: 1, noNaN: true }).map(round),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      fc.array(fc.oneof(fc.string(), fc.integer())),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 30 }), async (rows) => {
        const columns = byIndex(3);
        expect(csvHeader(columns) + formatRows(rows, columns)).toBe(await perRowCsv(rows, columns));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe("formatCell numbers", () => {
  it("prints numbers exactly as JavaScript does, 4-decimal scores included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(round), fc.integer().map((k) => k / 10_000)), (n) => {
        expect(formatCell(n)).toBe(`${n}`);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("csvBatchStream", () => {
  it("splits large batches into chunks of whole records and waits for the consumer", async () => {
    const columns = byIndex(2);
    const batch = Array.from({ length: 5000 }, (_, i): Cell[] => [i, `sentence number ${i}, "quoted"`]);
    let pulled = 0;
    async function* batches() {
      for (let b = 0; b < 4; b++) {
        pulled++;
        yield batch;
      }
    }
    const chunks: string[] = [];
    let pulledAtFirstWrite = -1;
    await pipelinePromise(
      csvBatchStream(batches(), columns),
      new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, done) {
          if (pulledAtFirstWrite < 0 && chunks.length === 1) pulledAtFirstWrite = pulled;
          chunks.push(chunk.toString());
          setImmediate(done);
        },
      }),
    );
    // Backpressure: the first data chunk is written before the source has been drained.
    expect(pulledAtFirstWrite).toBe(1);
    const body = chunks.slice(1);
    expect(body.length).toBeGreaterThan(4);
    for (const chunk of body) {
      expect(chunk.endsWith("\r\n")).toBe(true);
      expect(chunk.length).toBeLessThan(40 * 1024);
    }
    expect(chunks.join("")).toBe(csvHeader(columns) + formatRows([...batch, ...batch, ...batch, ...batch], columns));
  });

  it("writes the header alone for no rows and surfaces a source error", async () => {
    const columns = byIndex(1);
    expect(await text(csvBatchStream((async function* () {})(), columns))).toBe("c0\r\n");
    async function* failing() {
      yield [["ok"]];
      throw new Error("connection lost");
    }
    await expect(text(csvBatchStream(failing(), columns))).rejects.toThrow(/connection lost/);
  });
});
