// The KPI maths of lib/metrics.ts ("Scores with honesty"), checked against values computed by hand
// or with a reference implementation (R: binom::binom.wilson, t.test).
import { describe, expect, it } from "vitest";
import {
  EXCITEMENT_WEIGHT,
  MIN_N,
  expectationGap100,
  hypeIndex,
  perTrackedCoverage,
  receptionPositive,
  score100,
  summarizeHype,
  toScore100,
  wilsonInterval,
} from "../../lib/metrics";

const sums = (values: number[]) => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSq: values.reduce((a, b) => a + b * b, 0) });

describe("wilsonInterval", () => {
  it.each([
    // successes, n, low, high (binom.wilson, conf.level = 0.95)
    { k: 4, n: 6, low: 0.3, high: 0.9032 },
    { k: 0, n: 10, low: 0, high: 0.2775 },
    { k: 10, n: 10, low: 0.7225, high: 1 },
    { k: 50, n: 100, low: 0.4038, high: 0.5962 },
  ])("$k of $n → [$low, $high]", ({ k, n, low, high }) => {
    const ci = wilsonInterval(k, n);
    expect(ci.low).toBeCloseTo(low, 3);
    expect(ci.high).toBeCloseTo(high, 3);
  });

  it("never leaves [0, 1] and is never zero-width at the edges", () => {
    for (const n of [1, 2, 3, 7, 40]) {
      for (let k = 0; k <= n; k++) {
        const { low, high } = wilsonInterval(k, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(high - low).toBeGreaterThan(0);
        expect(low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }
    }
  });
});

describe("receptionPositive", () => {
  it("gives the share with its interval from MIN_N reviews on", () => {
    expect(receptionPositive(4, 6)).toMatchObject({ n: 6, successes: 4, enoughCoverage: true });
    expect(receptionPositive(4, 6).share).toBeCloseTo(4 / 6, 10);
  });

  it("says not enough coverage below MIN_N, keeping the n", () => {
    expect(receptionPositive(2, MIN_N - 1)).toEqual({ n: MIN_N - 1, successes: 2, share: null, low: null, high: null, enoughCoverage: false });
  });
});

describe("score100", () => {
  it("maps stances to 0–100 with (s + 1) × 50", () => {
    expect(toScore100(-1)).toBe(0);
    expect(toScore100(0)).toBe(50);
    expect(toScore100(0.5)).toBe(75);
    expect(toScore100(1)).toBe(100);
  });

  it("has a Student t 95% interval", () => {
    // mean 0.2, sd 0.2 (n = 4): half-width t(3) × 0.2 / 2 = 3.182 × 0.1 on the stance scale.
    const s = score100(sums([0, 0.2, 0.2, 0.4]));
    expect(s.mean).toBeCloseTo(60, 6);
    const sd = Math.sqrt((0.04 + 0 + 0 + 0.04) / 3);
    const half = (3.182 * sd) / 2;
    expect(s.low).toBeCloseTo(toScore100(0.2 - half), 6);
    expect(s.high).toBeCloseTo(toScore100(0.2 + half), 6);
  });

  it("clamps the interval to 0–100 and withholds everything below MIN_N", () => {
    const wide = score100(sums([1, -1, 1]));
    expect(wide.low).toBeGreaterThanOrEqual(0);
    expect(wide.high).toBeLessThanOrEqual(100);
    expect(score100(sums([0.5, 0.5]))).toEqual({ n: 2, mean: null, low: null, high: null, enoughCoverage: false });
  });
});

describe("expectationGap100", () => {
  it("is reception minus anticipation in points, or null when a side lacks coverage", () => {
    const reception = score100(sums([0.4, 0.4, 0.4]));
    const anticipation = score100(sums([0.2, 0.2, 0.2]));
    expect(expectationGap100(reception, anticipation)).toBeCloseTo(10, 6);
    expect(expectationGap100(reception, score100(sums([0.2])))).toBeNull();
  });
});

describe("hype", () => {
  it("is volume × mean stance plus weighted excitement signals", () => {
    // 4 documents with mean stance +0.5 and 8 excitement sentences.
    expect(hypeIndex({ documents: 4, stanceSum: 2, excitement: 8 })).toBeCloseTo(2 + 8 * EXCITEMENT_WEIGHT, 10);
    // Doubtful coverage goes below zero.
    expect(hypeIndex({ documents: 3, stanceSum: -0.9, excitement: 0 })).toBeLessThan(0);
  });

  it("has a normalised view per 100 tracked documents, null without any", () => {
    expect(perTrackedCoverage(3, 12)).toBe(25);
    expect(perTrackedCoverage(0, 0)).toBeNull();
  });

  it("withholds the title index below MIN_N documents", () => {
    expect(summarizeHype({ documents: 2, stanceSum: 1, excitement: 5 })).toEqual({ n: 2, excitement: 5, index: null, enoughCoverage: false });
    expect(summarizeHype({ documents: 3, stanceSum: 1, excitement: 4 }).index).toBeCloseTo(2, 10);
  });
});
