import { describe, it, expect } from "vitest";
import {
  STANCE_THRESHOLDS,
  STANCE_WEIGHTS,
  documentStance,
  sentenceScore,
  stanceConfidence,
  stanceContributions,
  stanceLabel,
  stanceWeights,
  weightedSummary,
} from "../../lib/metrics";

describe("stanceLabel", () => {
  it.each([
    { score: 0.5, spread: 0.1, label: "positive" },
    { score: -0.5, spread: 0.1, label: "negative" },
    { score: 0.01, spread: 0.1, label: "neutral" },
    { score: -0.01, spread: 0, label: "neutral" },
    { score: 0.05, spread: STANCE_THRESHOLDS.mixedSpread, label: "mixed" },
    { score: -0.1, spread: 0.9, label: "mixed" },
    // A clear lean is not "mixed" however much the sentences disagree.
    { score: 0.6, spread: 0.9, label: "positive" },
  ])("$score with spread $spread is $label", ({ score, spread, label }) => {
    expect(stanceLabel(score, spread)).toBe(label);
  });
});

describe("sentenceScore", () => {
  it.each([
    { logit: 0, expected: 0 },
    { logit: 100, expected: 1 },
    { logit: -100, expected: -1 },
  ])("maps log-odds $logit into [-1, 1]", ({ logit, expected }) => {
    expect(sentenceScore(logit)).toBeCloseTo(expected, 6);
  });

  it("is monotonic", () => {
    expect(sentenceScore(1)).toBeGreaterThan(sentenceScore(0.5));
    expect(sentenceScore(-1)).toBeLessThan(sentenceScore(-0.5));
  });
});

describe("weightedSummary", () => {
  it("computes the weighted mean and spread", () => {
    const summary = weightedSummary([
      { score: 1, weight: 3 },
      { score: -1, weight: 1 },
    ]);
    expect(summary.mean).toBeCloseTo(0.5, 10);
    expect(summary.totalWeight).toBe(4);
    expect(summary.spread).toBeCloseTo(Math.sqrt((3 * 0.25 + 1 * 2.25) / 4), 10);
  });

  it("is zero without weight", () => {
    expect(weightedSummary([{ score: 1, weight: 0 }])).toEqual({ mean: 0, spread: 0, totalWeight: 0 });
  });
});

describe("stanceWeights", () => {
  it("weights evaluative sentences over descriptive ones and boosts the verdict", () => {
    const sentences = [
      { score: 0.5, evaluative: true },
      { score: -0.9, evaluative: false },
      { score: 0.2, evaluative: true },
      { score: 0.4, evaluative: true },
      { score: 0.8, evaluative: true },
    ];
    const weights = stanceWeights(sentences);
    expect(weights[1]).toBe(STANCE_WEIGHTS.descriptive);
    expect(weights[0]).toBe(STANCE_WEIGHTS.evaluative);
    expect(weights[4]).toBe(STANCE_WEIGHTS.evaluative * STANCE_WEIGHTS.verdict);
    expect(weights[3]).toBe(STANCE_WEIGHTS.evaluative * STANCE_WEIGHTS.verdict);
  });

  it("weighs every sentence the same when none is evaluative", () => {
    expect(stanceWeights([{ score: 1, evaluative: false }, { score: -1, evaluative: false }])).toEqual([1, 1]);
  });
});

describe("documentStance", () => {
  it("a synopsis with dark words does not outvote the verdict", () => {
    const stance = documentStance(
      [
        { score: -0.9, evaluative: false },
        { score: -0.8, evaluative: false },
        { score: -0.9, evaluative: false },
        { score: 0.7, evaluative: true },
      ],
      -0.5,
    );
    expect(stance.label).toBe("positive");
    expect(stance.evaluativeShare).toBe(0.25);
  });

  it("falls back to overall polarity, scaled down, when nothing is evaluative", () => {
    const stance = documentStance([{ score: -0.6, evaluative: false }], -0.6);
    expect(stance.score).toBeCloseTo(-0.6 * STANCE_WEIGHTS.fallbackScale, 10);
    expect(stance.label).toBe("negative");
    expect(stance.evaluativeShare).toBe(0);
  });

  it("contributions of a stance add up to its score", () => {
    const sentences = [
      { score: 0.9, evaluative: true },
      { score: -0.3, evaluative: false },
      { score: -0.5, evaluative: true },
    ];
    const stance = documentStance(sentences, 0);
    const total = stanceContributions(sentences).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(stance.score, 10);
  });
});

describe("stanceConfidence", () => {
  it.each([
    { name: "agreeing evidence beats disagreeing", a: [0.8, 0.7, 0.9], b: [0.8, -0.7, 0.9] },
    { name: "more evidence beats less", a: [0.8, 0.8, 0.8, 0.8], b: [0.8] },
  ])("$name", ({ a, b }) => {
    const items = (scores: number[]) => scores.map((score) => ({ score, weight: 1 }));
    expect(stanceConfidence(items(a))).toBeGreaterThan(stanceConfidence(items(b)));
  });

  it("stays in 0..1 and caps a fallback", () => {
    const strong = Array.from({ length: 50 }, () => ({ score: 1, weight: 1 }));
    expect(stanceConfidence(strong)).toBeLessThanOrEqual(1);
    expect(stanceConfidence(strong, true)).toBeLessThanOrEqual(0.3);
    expect(stanceConfidence([])).toBe(0);
  });
});
