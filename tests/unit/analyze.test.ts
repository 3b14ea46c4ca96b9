import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnalysisError, analyzeDocument, type AnalysisErrorCode, type AnalyzedDocument } from "../../lib/analysis/analyze";
import { contentHash, normalizeForHash } from "../../lib/analysis/hash";
import { splitHeadline } from "../../lib/analysis/headline";

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seed = (prefix: string) => {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith(prefix)) : undefined;
  return file ? readFileSync(path.join(seedsDir, file), "utf8") : "";
};

const PROSE = "Ballerina is set to hit theaters on June 6, 2025. The trailer promises brutal fight scenes and a revenge story.";

function errorOf(run: () => unknown): AnalysisError {
  try {
    run();
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error("expected an AnalysisError");
}

describe("splitHeadline", () => {
  it.each([
    ["a short first paragraph", "Ballerina: A John Wick Story (2024)\n\nGrace in motion.", "Ballerina: A John Wick Story (2024)", "Grace in motion."],
    ["a question", "Is Ballerina Worth It?\n\nYes.", "Is Ballerina Worth It?", "Yes."],
    ["a Title Case line directly above the body", "Ballerina Trailer Breakdown\nThe trailer is out.", "Ballerina Trailer Breakdown", "The trailer is out."],
  ])("takes %s", (_, text, headline, body) => {
    expect(splitHeadline(text)).toEqual({ headline, body });
  });

  it.each([
    ["a sentence ending in a period", "The first Ballerina trailer was released recently.\n\nMore text."],
    ["a bullet", "• Ballerina boasts big set pieces\n\nMore text."],
    ["a date marker", "March 20, 2025\n\nMore text."],
    ["a lead-in ending with a colon", "Here is what we know:\n\nMore text."],
    ["a wrapped prose line", "The first Ballerina trailer was released recently, revealing\nKeanu Reeves' return as John Wick."],
    ["a line of 140 characters or more", `${"Ballerina ".repeat(15)}\n\nMore text.`],
    ["a document of one line", "Ballerina: A John Wick Story"],
  ])("leaves %s in the body", (_, text) => {
    expect(splitHeadline(text)).toEqual({ headline: null, body: text });
  });
});

describe("contentHash", () => {
  it("ignores case, whitespace and punctuation variants", () => {
    const a = "Ballerina’s trailer — “out now”…\n\nFans cheer.";
    const b = "BALLERINA'S   trailer - \"out now\"...\n\n\n  Fans cheer.  ";
    expect(normalizeForHash(a)).toBe(normalizeForHash(b));
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when the words differ", () => {
    expect(contentHash("Fans cheer.")).not.toBe(contentHash("Fans jeer."));
  });
});

describe("analyzeDocument rejects input it cannot analyse", () => {
  it.each<[string, string, AnalysisErrorCode, RegExp]>([
    ["empty text", "", "EMPTY", /empty/],
    ["whitespace only", " \n\t\u00a0 \n", "EMPTY", /empty/],
    ["NUL bytes", `${PROSE}\u0000\u0000`, "BINARY", /NUL bytes.*Convert it/],
    ["many control characters", `${PROSE}${"\u0001\u0002\u0003".repeat(5)}`, "BINARY", /control characters.*Convert it/],
    ["U+FFFD replacement characters", `${PROSE} \ufffd\ufffd\ufffd\ufffd`, "BINARY", /not valid UTF-8.*Re-save/],
    ["raw HTML", '<html><body><div class="story"><p>Ballerina</p></div><script src="a.js"></script></body></html>', "NOT_TEXT", /HTML.*extraction/],
    ["numbers, not prose", "2025,06,06,1.5\n2025,06,07,2.5\n2025,06,08,3.5", "NOT_TEXT", /letters.*Extract/],
    ["only boilerplate", "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nSource link", "TOO_SHORT", /Nothing is left.*3 boilerplate/],
  ])("%s → %s", (_, rawText, code, message) => {
    const error = errorOf(() => analyzeDocument({ rawText }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("rejects a body that is only the headline it was given", () => {
    const error = errorOf(() => analyzeDocument({ rawText: "Ballerina Review\n", headline: "Ballerina review" }));
    expect(error.code).toBe("TOO_SHORT");
  });

  it("keeps a few stray replacement characters in otherwise good text", () => {
    expect(analyzeDocument({ rawText: `${PROSE} Caf\ufffd scenes.` }).sentences.length).toBeGreaterThan(0);
  });
});

describe("analyzeDocument", () => {
  it("counts word tokens, not numbers or punctuation", () => {
    expect(analyzeDocument({ rawText: "The trailer looks great. Fans are thrilled, 100 percent!" }).wordCount).toBe(8);
  });

  it("drops the given headline from the body when the body repeats it", () => {
    const result = analyzeDocument({ rawText: `Ballerina’s first trailer is here\n\n${PROSE}`, headline: "Ballerina's First Trailer Is Here" });
    expect(result.headline).toBe("Ballerina's First Trailer Is Here");
    expect(result.text).toBe(PROSE);
  });

  it("takes the headline from the first line of plain text", () => {
    const result = analyzeDocument({ rawText: `Ballerina Trailer Breakdown\n\n${PROSE}` });
    expect([result.headline, result.text]).toEqual(["Ballerina Trailer Breakdown", PROSE]);
  });

  it("keeps a kind given by the caller and says so", () => {
    const result = analyzeDocument({ rawText: PROSE, kind: "review" });
    expect([result.kind, result.kindInferred, result.kindReason]).toEqual(["review", false, "given by the caller"]);
  });

  it("decides the phase from the dates when both are known", () => {
    const result = analyzeDocument({ rawText: PROSE, metadataDate: "2025-07-01", releaseDate: "2025-06-06" });
    expect([result.publishedAt, result.dateSource, result.phase, result.phaseInferred]).toEqual(["2025-07-01", "metadata", "reception", false]);
  });

  it("warns about an invalid release date and infers the phase from the text", () => {
    const result = analyzeDocument({ rawText: PROSE, cliDate: "2025-03-01", releaseDate: "2025-02-30" });
    expect([result.phase, result.phaseInferred]).toEqual(["anticipation", true]);
    expect(result.warnings.some((w) => w.includes("2025-02-30"))).toBe(true);
  });

  it("says when a document is undated", () => {
    const result = analyzeDocument({ rawText: PROSE });
    expect([result.publishedAt, result.dateSource]).toEqual([null, "none"]);
    expect(result.warnings.some((w) => w.includes("undated"))).toBe(true);
  });

  it("hashes reformatted copies alike, with or without chrome and date marker", () => {
    const a = analyzeDocument({ rawText: `date 2025-03-20 ${PROSE}\n\nShare this:\n\nLeave a Reply` });
    const b = analyzeDocument({ rawText: PROSE.replace(/ /g, "  ").toUpperCase(), cliDate: "2025-03-21" });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.removedBoilerplate).toBe(2);
  });
});

function expectWellFormed(result: AnalyzedDocument): void {
  expect(result.sentences.length).toBeGreaterThan(5);
  result.sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(result.text.slice(s.start, s.end)).toBe(s.text);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.anticipation).toBeGreaterThanOrEqual(-1);
    expect(s.anticipation).toBeLessThanOrEqual(1);
    expect(typeof s.evaluative).toBe("boolean");
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(result.sentences[i - 1].end);
  });
  expect(["positive", "mixed", "negative", "neutral"]).toContain(result.stance.label);
  expect(result.stance.score).toBeGreaterThanOrEqual(-1);
  expect(result.stance.score).toBeLessThanOrEqual(1);
  for (const share of [result.stance.confidence, result.stance.evaluativeShare]) {
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  }
  expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(result.keyphrases.length).toBeGreaterThan(0);
  expect(result.keyphrases.length).toBeLessThanOrEqual(15);
  expect(result.wordCount).toBeGreaterThan(100);
}

describe("analyzeDocument on the real seeds", () => {
  it.skipIf(!existsSync(seedsDir))("000: dated by its text marker, an article, anticipation before release", () => {
    const result = analyzeDocument({ rawText: seed("000_"), releaseDate: "2025-06-06" });
    expectWellFormed(result);
    expect([result.publishedAt, result.dateSource]).toEqual(["2025-03-20", "text"]);
    expect(result.text).not.toContain("date 2025-03-20");
    expect(result.text.startsWith("The first Ballerina trailer")).toBe(true);
    expect([result.kind, result.kindInferred]).toEqual(["article", true]);
    expect([result.phase, result.phaseInferred]).toEqual(["anticipation", false]);
    expect(result.headline).toBeNull();
  });

  it.skipIf(!existsSync(seedsDir))("001: undated unless --date is given; chrome and repeats removed", () => {
    const undated = analyzeDocument({ rawText: seed("001_"), releaseDate: "2025-06-06" });
    expectWellFormed(undated);
    expect([undated.publishedAt, undated.dateSource]).toEqual([null, "none"]);
    expect([undated.phase, undated.phaseInferred]).toEqual(["anticipation", true]);
    expect([undated.removedBoilerplate, undated.removedRepeats]).toEqual([4, 2]);
    expect(undated.kind).toBe("article");
    expect(undated.text).not.toMatch(/Leave a Reply|Source link|Related Posts/);
    expect(undated.keyphrases.map((k) => k.key)).toEqual(expect.arrayContaining(["ana de armas", "john wick"]));

    const dated = analyzeDocument({ rawText: seed("001_"), cliDate: "2025-04-02", releaseDate: "2025-06-06" });
    expect([dated.publishedAt, dated.dateSource, dated.phase, dated.phaseInferred]).toEqual(["2025-04-02", "cli", "anticipation", false]);
    expect(dated.contentHash).toBe(undated.contentHash);
  });

  it.skipIf(!existsSync(seedsDir))("002: a review with its headline split off, reception inferred", () => {
    const result = analyzeDocument({ rawText: seed("002_") });
    expectWellFormed(result);
    expect(result.headline).toBe("Ballerina: A John Wick Story (2024)");
    expect(result.text.startsWith("Grace in motion.")).toBe(true);
    expect([result.kind, result.kindInferred]).toEqual(["review", true]);
    expect([result.phase, result.phaseInferred]).toEqual(["reception", true]);
  });

  it.skipIf(!existsSync(seedsDir))("the three seeds hash differently", () => {
    const hashes = ["000_", "001_", "002_"].map((p) => analyzeDocument({ rawText: seed(p) }).contentHash);
    expect(new Set(hashes).size).toBe(3);
  });
});
