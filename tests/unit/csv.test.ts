import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream, neutraliseCell } from "../../lib/export/csv";

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["plain text", "plain text"],
    ["a=b", "a=b"],
  ])("%j → %j", (input, expected) => expect(neutraliseCell(input)).toBe(expected));
});

describe("csvStream", () => {
  type Row = { id: number; text: string | null; score: number; ok: boolean };
  const columns = [
    { name: "id", value: (r: Row) => r.id },
    { name: "text", value: (r: Row) => r.text },
    { name: "score", value: (r: Row) => r.score },
    { name: "ok", value: (r: Row) => r.ok },
  ];

  it("quotes per RFC 4180 and round-trips through a parser", async () => {
    const input: Row[] = [
      { id: 1, text: 'He said "brutal", then left,\nstage right.', score: -0.5, ok: true },
      { id: 2, text: null, score: 0, ok: false },
      { id: 3, text: "=HYPERLINK(\"http://evil\")", score: 0.25, ok: true },
    ];
    const csv = await text(csvStream(input, columns));
    expect(csv.startsWith("id,text,score,ok\r\n")).toBe(true);
    expect(csv).toContain('"He said ""brutal"", then left,\nstage right."');
    const back = parse(csv, { columns: true });
    expect(back).toEqual([
      { id: "1", text: 'He said "brutal", then left,\nstage right.', score: "-0.5", ok: "true" },
      { id: "2", text: "", score: "0", ok: "false" },
      { id: "3", text: "'=HYPERLINK(\"http://evil\")", score: "0.25", ok: "true" },
    ]);
  });

  it("writes the header even with no rows", async () => {
    expect(await text(csvStream([], columns))).toBe("id,text,score,ok\r\n");
  });

  it("streams from an async source and surfaces its errors", async () => {
    async function* failing() {
      yield { id: 1, text: "fine", score: 1, ok: true };
      throw new Error("connection lost");
    }
    await expect(text(csvStream(failing(), columns))).rejects.toThrow(/connection lost/);
  });
});
