import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decidePhase, inferKind } from "../../lib/analysis/classify";
import { cleanText } from "../../lib/analysis/clean";

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seedText = (prefix: string) => {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith(prefix)) : undefined;
  return file ? cleanText(readFileSync(path.join(seedsDir, file), "utf8")).text : "";
};

describe("inferKind", () => {
  it.each([
    ["a star rating n/5", "Ballerina is a fine time at the movies. Rating: 4/5", null],
    ["a rating out of ten", "It runs long, but the action holds up. 7/10", null],
    ["star glyphs", "Ballerina ★★★★☆ — a fine time at the movies.", null],
    ["a verdict line", "Ana de Armas carries it.\n\nVerdict: a worthy spin-off.", null],
    ["a headline that says review", "Ana de Armas carries every scene of this spin-off.", "Ballerina review: grace and gore"],
    ["a first-person viewing experience", "I walked out of Ballerina grinning. I was blown away by the final fight.", null],
    [
      "judgements of performances and parts of the film",
      "Ana de Armas delivers a fierce, committed performance. The final act is a standout scene of carnage, mesmerizing throughout.",
      null,
    ],
  ])("review: %s", (_, text, headline) => {
    const result = inferKind(text, headline);
    expect(result.kind).toBe("review");
    expect(result.inferred).toBe(true);
    expect(result.reason).toMatch(/review cues/);
  });

  it.each([
    ["trailer news", "The first Ballerina trailer was released today, revealing Keanu Reeves' return as John Wick."],
    ["a scheduled release", "Ballerina is set to hit theaters on June 6, 2025, and is expected to open big."],
    ["casting news", "Norman Reedus joins the cast of Ballerina, Lionsgate announced on Tuesday."],
    ["an interview", "In an interview with Collider, Ana de Armas said the training was brutal and that fans will love it."],
    ["a release date written like a rating is not a rating", "Ballerina will be released on 6/5/2025, according to Lionsgate."],
    ["no cues at all (news is the default)", "Ballerina is a film about a dancer."],
  ])("article: %s", (_, text) => {
    expect(inferKind(text).kind).toBe("article");
  });

  it("a lone verdict word is not enough to call a trailer piece a review", () => {
    const text = "The trailer looks breathtaking. The film is set to hit theaters in June, and the footage will thrill fans.";
    expect(inferKind(text).kind).toBe("article");
  });

  it("explains its decision with the cues it found", () => {
    const { reason } = inferKind("Rating: 4/5. I walked out happy.", null);
    expect(reason).toContain("star rating");
    expect(reason).toContain("first-person viewing");
  });
});

describe("decidePhase with known dates", () => {
  it.each([
    ["published before release", "2025-03-20", "anticipation", /78 days before/],
    ["published on release day", "2025-06-06", "reception", /release day/],
    ["published after release", "2025-06-20", "reception", /14 days after/],
  ])("%s", (_, publishedAt, phase, reason) => {
    const result = decidePhase({ publishedAt, releaseDate: "2025-06-06", text: "I walked out of it grinning. 5/5" });
    expect(result.phase).toBe(phase);
    expect(result.inferred).toBe(false);
    expect(result.reason).toMatch(reason);
  });
});

describe("decidePhase from the text", () => {
  it.each([
    ["a scheduled release", "Ballerina is set to hit theaters on June 6, 2025.", "anticipation"],
    ["a trailer and expectations", "The new trailer promises more fights; the upcoming spin-off is highly anticipated.", "anticipation"],
    ["a verdict on the finished film", "Ana de Armas delivers a fierce performance. Verdict: 4/5.", "reception"],
    ["box-office results", "Ballerina opened last weekend to $25 million and has grossed $60 million worldwide.", "reception"],
    ["availability", "Ballerina is now streaming, and audiences keep finding it.", "reception"],
  ])("%s → %s, marked inferred", (_, text, phase) => {
    const result = decidePhase({ publishedAt: null, releaseDate: "2025-06-06", text });
    expect(result.phase).toBe(phase);
    expect(result.inferred).toBe(true);
    expect(result.reason).toMatch(/^undated; inferred from the text/);
  });

  it("reads the text when the release date is unknown", () => {
    const result = decidePhase({ publishedAt: "2025-03-20", releaseDate: null, text: "Ballerina will be released in June." });
    expect(result).toMatchObject({ phase: "anticipation", inferred: true });
    expect(result.reason).toMatch(/^release date unknown/);
  });

  it("does not trust an impossible date", () => {
    const result = decidePhase({ publishedAt: "2025-02-30", releaseDate: "2025-06-06", text: "Ballerina is set to hit theaters soon." });
    expect(result).toMatchObject({ phase: "anticipation", inferred: true });
  });

  it("returns null when the text has no signal", () => {
    const result = decidePhase({ publishedAt: null, releaseDate: null, text: "Ballerina is a film about a dancer named Rooney." });
    expect(result).toMatchObject({ phase: null, inferred: false });
    expect(result.reason).toMatch(/no anticipation or reception cues/);
  });

  it("weighs the cues: a watched-it verdict outweighs a passing mention of the trailer", () => {
    const result = decidePhase({ publishedAt: null, releaseDate: null, text: "The trailer was fun. I walked out happy." });
    expect(result).toMatchObject({ phase: "reception", inferred: true });
  });

  it("returns null when the cues are evenly split", () => {
    // trailer (1) + promises (1) against first-person viewing (2)
    const tied = decidePhase({ publishedAt: null, releaseDate: null, text: "The trailer promises a lot. I walked out happy." });
    expect(tied).toMatchObject({ phase: null, inferred: false });
    expect(tied.reason).toMatch(/evenly split/);
  });
});

describe("the real seeds", () => {
  it.skipIf(!existsSync(seedsDir))("002 is a review; 000 and 001 are articles", () => {
    expect(inferKind(seedText("002_")).kind).toBe("review");
    expect(inferKind(seedText("000_")).kind).toBe("article");
    expect(inferKind(seedText("001_")).kind).toBe("article");
  });

  it.skipIf(!existsSync(seedsDir))("undated: 000 and 001 read as anticipation, 002 as reception", () => {
    const phaseOf = (prefix: string) => decidePhase({ publishedAt: null, releaseDate: null, text: seedText(prefix) }).phase;
    expect(phaseOf("000_")).toBe("anticipation");
    expect(phaseOf("001_")).toBe("anticipation");
    expect(phaseOf("002_")).toBe("reception");
  });
});
