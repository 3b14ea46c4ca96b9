import { describe, expect, it } from "vitest";
import { MIN_N, aspectPolarity, expectationGap, isRising, keyphraseDistinctiveness, summarizeScores } from "../../lib/metrics";

const sums = (scores: number[]) => ({ n: scores.length, sum: scores.reduce((a, b) => a + b, 0), sumSq: scores.reduce((a, b) => a + b * b, 0) });

describe("summarizeScores", () => {
  it("shows no number below MIN_N", () => {
    expect(summarizeScores(sums([0.9, 0.8]))).toEqual({ n: 2, mean: null, low: null, high: null, enoughCoverage: false });
    expect(MIN_N).toBe(3);
  });

  it("gives the mean and a 95% t-interval (t = 4.303 for n = 3), clamped to [-1, 1]", () => {
    const s = summarizeScores(sums([0.2, 0.4, 0.6]));
    expect(s.mean).toBeCloseTo(0.4, 10);
    // sd = 0.2, half-width = 4.303 × 0.2 / √3
    expect(s.high! - s.mean!).toBeCloseTo((4.303 * 0.2) / Math.sqrt(3), 6);
    expect(summarizeScores(sums([0.9, -0.9, 0.95])).high).toBe(1);
  });
});

describe("expectationGap and aspectPolarity", () => {
  it("is reception minus anticipation, and null when either side lacks coverage", () => {
    expect(expectationGap(summarizeScores(sums([0.5, 0.5, 0.5])), summarizeScores(sums([0.1, 0.2, 0.3])))).toBeCloseTo(0.3, 10);
    expect(expectationGap(summarizeScores(sums([0.5, 0.5, 0.5])), summarizeScores(sums([0.1])))).toBeNull();
  });

  it("leaves the neutral band neutral", () => {
    expect([aspectPolarity(0.3), aspectPolarity(0.01), aspectPolarity(-0.2)]).toEqual(["positive", "neutral", "negative"]);
  });
});

describe("keyphraseDistinctiveness", () => {
  it("ranks a phrase every title uses below one only this title uses", () => {
    const everywhere = keyphraseDistinctiveness(8, 10, 40, 50);
    const own = keyphraseDistinctiveness(4, 10, 4, 50);
    expect(own).toBeGreaterThan(everywhere);
    expect(keyphraseDistinctiveness(5, 10, 50, 50)).toBe(0);
  });
});

describe("isRising", () => {
  it.each([
    [{ with: 3, total: 4 }, { with: 1, total: 8 }, true],
    // one document is not a trend
    [{ with: 1, total: 1 }, { with: 0, total: 8 }, false],
    // no baseline: the first week of coverage never rises
    [{ with: 3, total: 3 }, { with: 0, total: 0 }, false],
    // already everywhere
    [{ with: 4, total: 4 }, { with: 6, total: 8 }, false],
  ])("%j after %j → %s", (week, window, expected) => {
    expect(isRising(week, window)).toBe(expected);
  });
});
