// Property-based fuzzing of the analysers with fast-check: random and hostile text (huge tokens,
// only punctuation, mixed scripts, control characters, bidi and zero-width characters, lone
// surrogates, markup) through cleaning, scoring, HTML extraction and the whole analysis. Whatever
// comes in: no crash other than a clear AnalysisError, and every score finite and within [-1, 1].
// No hang: the 1 MB inputs run on a worker thread, so an analysis that never ends fails on the
// test's timeout instead of freezing the runner (found this way: a 1 MB token, 128 k characters of
// mixed scripts and a long run of capitalised words each took from minutes to hours).
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { AnalysisError, analyzeDocument } from "../../lib/analysis/analyze";
import { extractClaims } from "../../lib/analysis/claims";
import { cleanText } from "../../lib/analysis/clean";
import { scoreText } from "../../lib/analysis/sentiment";
import type { ScoredText } from "../../lib/analysis/types";
import { extractHtml } from "../../lib/extract/html";
import type { ThreadResult, ThreadStep } from "../helpers/analysis-thread-task";

/** Inputs tried per property; the README quotes the total. */
const RUNS = { clean: 300, score: 150, html: 150, claims: 300, analyze: 120 } as const;
/** Generous: a property takes seconds; the limit only turns a hang into a failure. */
const PROPERTY_TIMEOUT_MS = 120_000;

// --- hostile text ---------------------------------------------------------------------------

const WORDS = ["brutal", "relentless", "masterpiece", "boring", "not", "never", "can't wait", "the film", "Keanu", "choreography", "While", "only time will tell", "June 6, 2025", "directed by", "Runtime: 2h 5min", "(2024)"];
const SCRIPTS = ["Привет", "你好世界", "مرحبا", "שלום", "नमस्ते", "こんにちは", "Ελληνικά", "🎬🍿🔥", "ẞ", "İı", "Z̷̢̛͇a̴̜͝l̸g̵o̶"];
const CONTROLS = ["\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffd", "\ud800", "\udfff", "\r", "\t", "\v", "\f", "\u2028", "\u2029"];
const MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>', "<svg onload=alert(1)>", "<!--", "]]>", "&amp;", "&#0;", "=HYPERLINK(\"http://x\")", "'; drop table documents; --", "${7*7}", "{{7*7}}"];
const PUNCTUATION = "!?.,;:—–-…()[]{}\"'«»“”‘’/\\|@#$%^&*_+=~`<>";

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  // Huge tokens: one "word" of thousands of letters, digits or dashes (1 MB ones are below).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "Z", "9", "é", "-", "_", "ab."), fc.integer({ min: 300, max: 5000 })).map(([c, n]) => c.repeat(n)) },
  // Capitalised runs, which the people extractor reads as names.
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 400 }).map((n) => "Keanu Reeves ".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(" ", "\n", "\n\n", ". ", "! ", "? ") },
);

/** Text built from hostile pieces, with sentence-ish separators. */
const hostileText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(" "));

/** Whatever the model says, it stays a finite number in [-1, 1]. */
function expectBoundedScores(scored: Pick<ScoredText, "sentences" | "stance">) {
  for (const s of scored.sentences) {
    expect(Number.isFinite(s.score)).toBe(true);
    expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
    expect(Number.isFinite(s.anticipation)).toBe(true);
  }
  expect(Number.isFinite(scored.stance.score)).toBe(true);
  expect(Math.abs(scored.stance.score)).toBeLessThanOrEqual(1);
  expect(scored.stance.confidence).toBeGreaterThanOrEqual(0);
  expect(scored.stance.confidence).toBeLessThanOrEqual(1);
  expect(scored.stance.evaluativeShare).toBeGreaterThanOrEqual(0);
  expect(scored.stance.evaluativeShare).toBeLessThanOrEqual(1);
}

// One megabyte on one line, of several kinds. Each ran for minutes to hours before the guards in
// lib/analysis/clean.ts (runaway tokens), language.ts (segmenting) and people.ts (name runs).
const MEGABYTE = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
const PROSE = "The film is great and the choreography is brutal, but the story drags in the middle and the dialogue is flat. ".repeat(60);
const ONE_MB_LINES: [string, string][] = [
  ["prose without a line break", fill("The choreography is brutal and gorgeous, but the story drags; ")],
  ["one single token", fill("a")],
  ["one token of dashes", fill("-")],
  ["only punctuation", fill("!?.,;:—")],
  ["mixed scripts and emoji", fill("Привет 你好 مرحبا 🎬 film ")],
  ["Chinese without spaces", fill("电影的动作场面非常精彩")],
  ["English, then capitalised words", (PROSE + fill("Keanu Reeves ")).slice(0, MEGABYTE)],
  ["control and invisible characters", fill("film\u200b\u202e\u0007 ")],
];

// --- running off the test's thread ------------------------------------------------------------

const threads = new Set<Worker>();
afterEach(async () => {
  await Promise.all([...threads].map((w) => w.terminate()));
  threads.clear();
});

function onThread(steps: ThreadStep[], text: string): Promise<ThreadResult[]> {
  const worker = new Worker(new URL("../helpers/analysis-thread.mjs", import.meta.url), { workerData: { steps, text } });
  threads.add(worker);
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the analysis thread exited (code ${code}) without an answer`)));
  });
}

describe("cleaning", () => {
  it("never throws, and counts what it removed", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cleaned = cleanText(text);
        expect(typeof cleaned.text).toBe("string");
        expect(Number.isInteger(cleaned.removedBoilerplate) && cleaned.removedBoilerplate >= 0).toBe(true);
        expect(Number.isInteger(cleaned.removedRepeats) && cleaned.removedRepeats >= 0).toBe(true);
      }),
      { numRuns: RUNS.clean },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("scoring", () => {
  it("gives every sentence and the stance a finite score in [-1, 1]", () => {
    fc.assert(
      fc.property(hostileText, (text) => expectBoundedScores(scoreText(text))),
      { numRuns: RUNS.score },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("keeps scores bounded on extreme repetition of the strongest words", () => {
    for (const word of ["masterpiece ", "terrible ", "not not not ", "can't wait! ", "brutal relentless "]) {
      expectBoundedScores(scoreText(`${word.repeat(5000)}.`));
    }
  }, PROPERTY_TIMEOUT_MS);
});

describe("HTML extraction", () => {
  const hostileHtml = fc
    .array(fc.oneof(piece, fc.constantFrom("<p>", "</p>", "<div>", "</article>", "<article>", "<meta property=\"og:title\" content=\"", "\">", "<time datetime=\"", "<script type=\"application/ld+json\">{\"datePublished\":", "</script>", "<title>", "</title>")), { maxLength: 60 })
    .map((parts) => parts.join(""));

  it("never throws, and gives text or null for every field", () => {
    fc.assert(
      fc.property(hostileHtml, (html) => {
        const page = extractHtml(`<html><body>${html}</body></html>`);
        expect(typeof page.text).toBe("string");
        for (const field of [page.headline, page.metadataDate, page.canonicalUrl, page.siteName, page.author]) {
          expect(field === null || typeof field === "string").toBe(true);
        }
      }),
      { numRuns: RUNS.html },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("extraction", () => {
  it("finds claims without throwing (aspects, people and keyphrases: the whole analysis below)", () => {
    fc.assert(
      fc.property(hostileText, fc.option(hostileText), (text, headline) => {
        const claims = extractClaims({ sentences: [{ index: 0, text }], headline, publishedAt: null });
        expect(Array.isArray(claims)).toBe(true);
      }),
      { numRuns: RUNS.claims },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("the whole analysis", () => {
  it("either analyses the text with bounded scores, or refuses it with a clear AnalysisError", () => {
    fc.assert(
      fc.property(hostileText, fc.option(hostileText), (text, headline) => {
        try {
          const doc = analyzeDocument({ rawText: text, headline, releaseDate: "2025-06-06" });
          expectBoundedScores(doc);
          expect(doc.wordCount).toBeGreaterThan(0);
          for (const k of doc.keyphrases) expect(Number.isFinite(k.score)).toBe(true);
        } catch (error) {
          if (!(error instanceof AnalysisError)) throw error;
          expect(error.message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: RUNS.analyze },
    );
  }, PROPERTY_TIMEOUT_MS);

  it.each(ONE_MB_LINES)("a 1 MB single line (%s) is cleaned, scored and analysed or refused", async (_kind, line) => {
    const [cleaned, ...scored] = await onThread(["clean", "score", "analyze"], line);
    expect(cleaned.ok && cleaned.chars > 0).toBe(true);
    for (const result of scored) {
      if (result.ok) {
        for (const score of [...result.scores, result.stance ?? 0]) {
          expect(Number.isFinite(score)).toBe(true);
          expect(Math.abs(score)).toBeLessThanOrEqual(1);
        }
      } else {
        // Refusing is fine (e.g. "only 0% letters"), as long as it is the clear, expected kind of error.
        expect(result, result.message).toMatchObject({ analysisError: true });
      }
    }
  }, 180_000);
});
