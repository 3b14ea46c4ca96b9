import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  COPY_THRESHOLD,
  MIN_WORDS,
  SIGNATURE_SIZE,
  estimateSimilarity,
  isCopy,
  minhashSignature,
  shingleJaccard,
  shingleWords,
} from "../../lib/credibility/nearDuplicates";

const demo = readFileSync(path.join(process.cwd(), "demo/corpus.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { source: string; headline: string; text: string; title: string });
const projector = demo.find((d) => d.source === "Projector Notes" && d.headline.startsWith("What Ballerina's CinemaCon"))!;
const matinee = demo.find((d) => d.source === "Matinee Mind" && d.headline.startsWith("Ballerina's CinemaCon reel"))!;

describe("minhashSignature", () => {
  it("is SIGNATURE_SIZE signed 32-bit integers, the same on every call (stored in documents.minhash)", () => {
    const a = minhashSignature(projector.text);
    expect(a).toHaveLength(SIGNATURE_SIZE);
    for (const h of a) expect(Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31).toBe(true);
    expect(minhashSignature(projector.text)).toEqual(a);
  });

  it("is empty for a text shorter than MIN_WORDS", () => {
    expect(minhashSignature("A short blurb about a film.")).toEqual([]);
    expect(MIN_WORDS).toBeGreaterThan(10);
  });

  it("ignores case, quotes and dashes: the same words give the same signature", () => {
    const text = projector.text;
    const restyled = text.toUpperCase().replace(/–/g, "-").replace(/’/g, "'");
    expect(shingleWords(restyled)).toEqual(shingleWords(text));
    expect(estimateSimilarity(minhashSignature(text), minhashSignature(restyled))).toBe(1);
  });
});

describe("near-duplicate copies", () => {
  it("flags the demo corpus's syndicated re-run, which an exact hash would miss", () => {
    expect(matinee.text).not.toBe(projector.text);
    const estimate = estimateSimilarity(minhashSignature(projector.text), minhashSignature(matinee.text));
    expect(estimate).toBeGreaterThanOrEqual(COPY_THRESHOLD);
    expect(isCopy(estimate)).toBe(true);
  });

  it("keeps every other pair of documents about the same title well below the threshold", () => {
    let highest = 0;
    for (let i = 0; i < demo.length; i++) {
      for (let j = i + 1; j < demo.length; j++) {
        if (demo[i].title !== demo[j].title || [demo[i], demo[j]].every((d) => d === projector || d === matinee)) continue;
        highest = Math.max(highest, estimateSimilarity(minhashSignature(demo[i].text), minhashSignature(demo[j].text)));
      }
    }
    expect(highest).toBeLessThan(COPY_THRESHOLD / 4);
  });

  it("estimates the exact shingle Jaccard within a few standard errors", () => {
    // A copy with one paragraph dropped and a new one added.
    const paragraphs = projector.text.split("\n\n");
    const edited = [...paragraphs.slice(1), "This article first appeared on a partner site and is republished with permission."].join("\n\n");
    const exact = shingleJaccard(projector.text, edited);
    const estimate = estimateSimilarity(minhashSignature(projector.text), minhashSignature(edited));
    expect(exact).toBeGreaterThan(0.4);
    expect(Math.abs(estimate - exact)).toBeLessThan(3 * Math.sqrt((exact * (1 - exact)) / SIGNATURE_SIZE) + 0.01);
  });
});
