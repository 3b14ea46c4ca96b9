// CSV injection, as a property (fast-check): any row of hostile strings, numbers, booleans and
// nulls goes through csvStream and back through a CSV parser. Every string comes back exactly as
// neutraliseCell made it (formula-like text behind an apostrophe, the rest untouched), no string
// cell starts with =, +, -, @, tab or CR, and numbers come back as the same numbers.
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Column, csvStream, neutraliseCell } from "../../lib/export/csv";

type Cell = string | number | boolean | null;
const FORMULA_START = /^[=+\-@\t\r]/;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\r\n", "'", '"', ",", "\n", " ", "﻿"), fc.string()).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://attacker.example","click")', "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "\t=1+1", "\r=1+1", "=1+1\n=2+2"),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(hostileString, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));

const CSV_RUNS = 500;

describe("csvStream against hostile cells", () => {
  it("round-trips every cell: strings neutralised, numbers still numbers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        const columns: Column<Cell[]>[] = [0, 1, 2, 3].map((i) => ({ name: `c${i}`, value: (r) => r[i] }));
        const back = parse(await text(csvStream(rows, columns)), { columns: false, from_line: 2, relax_column_count: false }) as string[][];
        expect(back).toHaveLength(rows.length);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const got = back[r][c];
            if (typeof value === "string") {
              expect(got).toBe(neutraliseCell(value));
              expect(FORMULA_START.test(got)).toBe(false);
            } else if (typeof value === "number") {
              expect(Number(got) === value).toBe(true);
            } else if (typeof value === "boolean") {
              expect(got).toBe(String(value));
            } else {
              expect(got).toBe("");
            }
          }),
        );
      }),
      { numRuns: CSV_RUNS },
    );
  }, 120_000);
});
