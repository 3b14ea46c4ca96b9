// Importing CSV exports and mapping columns (`--map`); CSV *export* is tests/unit/csv.test.ts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyFieldMap, parseFieldMap, readCsvRecords } from "../../ingest/sources/csv";

async function rows(content: string | Buffer, maxChars = 1024 * 1024) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hypeline-csv-")), "export.csv");
  writeFileSync(file, content);
  const out = [];
  for await (const row of readCsvRecords(file, maxChars)) out.push(row);
  return out;
}

describe("parseFieldMap", () => {
  it("reads FIELD=COLUMN pairs", () => {
    expect(parseFieldMap("text=body, date=published,title=film")).toEqual({ text: "body", date: "published", title: "film" });
  });
  it.each([
    ["body", /"body" is not FIELD=COLUMN/],
    ["txt=body", /unknown field "txt": map one of text, title, date, url, source, kind, headline/],
    ["text=a,text=b", /field "text" is mapped twice/],
    [",", /empty mapping/],
  ])("%j is refused: %s", (spec, message) => {
    expect(() => parseFieldMap(spec)).toThrow(message);
  });
});

describe("applyFieldMap", () => {
  it("takes mapped fields from their columns (dotted paths reach into JSON) and keeps the rest", () => {
    const record = { body: "B", meta: { published: "2026-01-02" }, kind: "review", text: "ignored" };
    expect(applyFieldMap(record, { text: "body", date: "meta.published" })).toMatchObject({ text: "B", date: "2026-01-02", kind: "review" });
  });
  it("says which mapped column is missing and which columns there are", () => {
    expect(() => applyFieldMap({ content: "x", when: "y" }, { text: "body" })).toThrow('column "body" (mapped to text by --map) is missing; this record has: content, when');
  });
});

describe("readCsvRecords", () => {
  it("reads quoted commas, doubled quotes, newlines in cells and a BOM; empty cells are absent", async () => {
    const out = await rows('\uFEFFbody,published,film\n"Tense, ""lovely""\nfilm.",2026-01-02,Glass Harbor\nPlain,,Night Orchard\n');
    expect(out).toEqual([
      { line: 3, record: { body: 'Tense, "lovely"\nfilm.', published: "2026-01-02", film: "Glass Harbor" } },
      { line: 4, record: { body: "Plain", published: undefined, film: "Night Orchard" } },
    ]);
  });

  it("reports a row with the wrong number of cells and a row that is not UTF-8, and reads the others", async () => {
    const out = await rows(Buffer.concat([Buffer.from("body,film\nok one,A\nonly one cell with, too, many\n"), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from(",B\nok two,C\n")]));
    expect(out.map((r) => [r.line, r.record?.body ?? r.error])).toEqual([
      [2, "ok one"],
      [3, expect.stringMatching(/^malformed CSV row \(Invalid Record Length: columns length is 2, got 3 on line 3\)$/)],
      [4, expect.stringMatching(/not valid UTF-8/)],
      [5, "ok two"],
    ]);
  });

  it("reports an unclosed quote, keeping the rows before it", async () => {
    const out = await rows('body,film\nfine,A\n"never closed,B\nmore,C\n');
    expect(out).toEqual([
      { line: 2, record: { body: "fine", film: "A" } },
      { line: 4, error: "malformed CSV row (Quote Not Closed: the parsing is finished with an opening quote at line 4)" },
    ]);
  });

  it("refuses a row over the size limit and says the rest is not read", async () => {
    const out = await rows(`body,film\nsmall,A\n${"x".repeat(5000)},B\nlater,C\n`, 1000);
    expect(out.map((r) => r.error ?? r.record?.body)).toEqual(["small", expect.stringMatching(/^row is larger than 1 KB \(one document may be at most that\); the parser stops here, so later rows were not read/)]);
  });
});
