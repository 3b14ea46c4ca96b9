import { describe, expect, it } from "vitest";
import { layoutSentences } from "@/app/documents/[id]/sentenceLayout";

const text = "First one. Second one.\n\nNew paragraph here.\nSame paragraph, next line.";
const spans = [
  { start: 0, end: 10 },
  { start: 11, end: 22 },
  { start: 24, end: 43 },
  { start: 44, end: 70 },
];

describe("layoutSentences", () => {
  it("keeps every character, splits paragraphs at blank lines and tags sentences", () => {
    const paragraphs = layoutSentences(text, spans);
    expect(paragraphs).toEqual([
      [
        { text: "First one.", sentence: 0 },
        { text: " ", sentence: null },
        { text: "Second one.", sentence: 1 },
      ],
      [
        { text: "New paragraph here.", sentence: 2 },
        { text: "\n", sentence: null },
        { text: "Same paragraph, next line.", sentence: 3 },
      ],
    ]);
  });

  it("keeps text no sentence covers, such as an unsplit heading", () => {
    const paragraphs = layoutSentences("Heading\n\nBody text.", [{ start: 9, end: 19 }]);
    expect(paragraphs).toEqual([[{ text: "Heading", sentence: null }], [{ text: "Body text.", sentence: 0 }]]);
  });

  it("splits a sentence that spans a paragraph break into one piece per paragraph", () => {
    const paragraphs = layoutSentences("Title line\n\ncontinues here.", [{ start: 0, end: 27 }]);
    expect(paragraphs).toEqual([[{ text: "Title line", sentence: 0 }], [{ text: "continues here.", sentence: 0 }]]);
  });

  it.each([
    ["overlapping", [{ start: 0, end: 6 }, { start: 3, end: 10 }]],
    ["out of range", [{ start: 0, end: 6 }, { start: 7, end: 500 }]],
    ["unordered", [{ start: 7, end: 10 }, { start: 0, end: 6 }]],
  ])("never duplicates or drops text when offsets are %s", (_, sentences) => {
    const source = "Alpha. Beta";
    const joined = layoutSentences(source, sentences).flat().map((p) => p.text).join("");
    expect(joined).toBe(source);
  });
});
