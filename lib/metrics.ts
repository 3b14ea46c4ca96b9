// Every number Hypeline shows is defined here, once, as a documented pure function.
// Pages, exports and the ingest job import these; nothing else re-derives a threshold.
import type { Stance, StanceLabel } from "./analysis/types";

// --- Sentence sentiment -------------------------------------------------------------------

/**
 * Sentence sentiment: polarity toward the work in [-1, 1], from the trained model's log-odds
 * squashed by tanh. `SENTENCE_LOGIT_SCALE` sets how much evidence a sentence needs to approach
 * ±1: tanh(0.5 * 2) ≈ 0.76, so a sentence worth odds of e² (≈ 7:1) reads as clearly polar.
 */
export const SENTENCE_LOGIT_SCALE = 0.5;

export function sentenceScore(logit: number): number {
  return clamp(Math.tanh(logit * SENTENCE_LOGIT_SCALE), -1, 1);
}

// --- Document stance ------------------------------------------------------------------------

/**
 * How much each sentence counts toward the document stance.
 * - `evaluative`: a sentence that judges the work (quality, makers, parts, experience).
 * - `descriptive`: plot, facts, logistics. Kept small, not zero: a descriptive sentence still
 *   leaks some attitude ("a tired revenge plot"), but a synopsis must not outvote a verdict.
 * - `verdict`: extra weight for the last evaluative sentences, where reviewers sum up.
 * - `verdictSentences`: how many trailing evaluative sentences count as the verdict.
 * - `fallbackScale`: a text with no evaluative sentence keeps the sign of its overall
 *   polarity, scaled down, so a short snippet still gets a label that follows its polarity.
 */
export const STANCE_WEIGHTS = {
  evaluative: 1,
  descriptive: 0.1,
  verdict: 1.5,
  verdictSentences: 2,
  fallbackScale: 0.5,
} as const;

export interface StanceInput {
  score: number;
  evaluative: boolean;
}

/**
 * Each sentence's weight in the stance: `evaluative` or `descriptive`, times `verdict` for the
 * last `verdictSentences` evaluative sentences. With no evaluative sentence at all (the
 * fallback), every sentence weighs the same.
 */
export function stanceWeights(sentences: readonly StanceInput[]): number[] {
  const evaluativeIndices: number[] = [];
  sentences.forEach((sentence, i) => {
    if (sentence.evaluative) evaluativeIndices.push(i);
  });
  if (evaluativeIndices.length === 0) return sentences.map(() => 1);
  const weights = sentences.map((sentence) =>
    sentence.evaluative ? STANCE_WEIGHTS.evaluative : STANCE_WEIGHTS.descriptive,
  );
  // A one-sentence judgment is its own verdict; boosting it would change nothing.
  if (evaluativeIndices.length > STANCE_WEIGHTS.verdictSentences) {
    for (const i of evaluativeIndices.slice(-STANCE_WEIGHTS.verdictSentences)) weights[i] *= STANCE_WEIGHTS.verdict;
  }
  return weights;
}

/**
 * Each sentence's signed contribution to the stance score: weight × score / total weight,
 * so the contributions of a non-fallback stance add up to its score.
 */
export function stanceContributions(sentences: readonly StanceInput[]): number[] {
  const weights = stanceWeights(sentences);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return sentences.map((sentence, i) => (total === 0 ? 0 : (weights[i] * sentence.score) / total));
}

/**
 * Label bands for the stance score.
 * - |score| < `neutralBand`: no lean either way → neutral.
 * - |score| < `mixedMaxAbs` while evaluative sentences disagree (weighted spread ≥
 *   `mixedSpread`) → mixed: strong praise and strong criticism that nearly cancel.
 * - otherwise the sign decides positive / negative.
 */
export const STANCE_THRESHOLDS = {
  neutralBand: 0.05,
  mixedMaxAbs: 0.15,
  mixedSpread: 0.6,
} as const;

/** The decision threshold for binary positive/negative evaluation (score > 0 ⇒ positive). */
export const POLARITY_THRESHOLD = 0;

/** Label for a stance score given the weighted spread of the sentence scores behind it. */
export function stanceLabel(score: number, spread: number): StanceLabel {
  const abs = Math.abs(score);
  if (abs < STANCE_THRESHOLDS.mixedMaxAbs && spread >= STANCE_THRESHOLDS.mixedSpread) return "mixed";
  if (abs < STANCE_THRESHOLDS.neutralBand) return "neutral";
  return score > 0 ? "positive" : "negative";
}

export interface WeightedScore {
  score: number;
  weight: number;
}

export interface WeightedSummary {
  /** Weighted mean of the scores; 0 when there is no weight. */
  mean: number;
  /** Weighted standard deviation around the mean (0..1 for scores in [-1, 1]). */
  spread: number;
  totalWeight: number;
}

/** Weighted mean and spread; items with weight ≤ 0 are ignored. */
export function weightedSummary(items: readonly WeightedScore[]): WeightedSummary {
  let totalWeight = 0;
  let sum = 0;
  for (const { score, weight } of items) {
    if (weight <= 0) continue;
    totalWeight += weight;
    sum += weight * score;
  }
  if (totalWeight === 0) return { mean: 0, spread: 0, totalWeight: 0 };
  const mean = sum / totalWeight;
  let variance = 0;
  for (const { score, weight } of items) {
    if (weight > 0) variance += weight * (score - mean) ** 2;
  }
  return { mean, spread: Math.sqrt(variance / totalWeight), totalWeight };
}

/**
 * Stance confidence in 0..1: the amount of evaluative evidence times its agreement.
 * - amount: 1 − e^(−evidence / `CONFIDENCE_EVIDENCE_SCALE`), where evidence is the summed weight
 *   of evaluative sentences times their mean |score| (one lukewarm sentence is weak evidence;
 *   five clear ones are strong).
 * - agreement: |mean| / mean|score|, 1 when every sentence leans the same way, 0 when they cancel.
 * A fallback stance (no evaluative sentence) is capped at `FALLBACK_CONFIDENCE_CAP`.
 */
export const CONFIDENCE_EVIDENCE_SCALE = 2;
export const FALLBACK_CONFIDENCE_CAP = 0.3;

export function stanceConfidence(items: readonly WeightedScore[], fallback = false): number {
  let weight = 0;
  let absSum = 0;
  let sum = 0;
  for (const item of items) {
    if (item.weight <= 0) continue;
    weight += item.weight;
    absSum += item.weight * Math.abs(item.score);
    sum += item.weight * item.score;
  }
  if (weight === 0 || absSum === 0) return 0;
  const amount = 1 - Math.exp(-absSum / CONFIDENCE_EVIDENCE_SCALE);
  const agreement = Math.abs(sum) / absSum;
  const confidence = amount * agreement;
  return clamp(fallback ? Math.min(confidence, FALLBACK_CONFIDENCE_CAP) : confidence, 0, 1);
}

/**
 * Document stance: the weighted mean of sentence scores (weights from `stanceWeights`).
 * When no sentence is evaluative, `fallbackScore` (the polarity of all sentences read
 * together) scaled by `STANCE_WEIGHTS.fallbackScale` stands in, so a lone snippet still
 * leans the way its words do, with capped confidence.
 */
export function documentStance(sentences: readonly StanceInput[], fallbackScore: number): Stance {
  const evaluativeCount = sentences.filter((sentence) => sentence.evaluative).length;
  const evaluativeShare = sentences.length === 0 ? 0 : evaluativeCount / sentences.length;
  if (evaluativeCount === 0) {
    const score = clamp(fallbackScore * STANCE_WEIGHTS.fallbackScale, -1, 1);
    return {
      score,
      label: stanceLabel(score, 0),
      confidence: stanceConfidence([{ score, weight: 1 }], true),
      evaluativeShare,
    };
  }
  const weights = stanceWeights(sentences);
  const items = sentences.map((sentence, i) => ({ score: sentence.score, weight: weights[i] }));
  const { mean, spread } = weightedSummary(items);
  const score = clamp(mean, -1, 1);
  return {
    score,
    label: stanceLabel(score, spread),
    confidence: stanceConfidence(items.filter((_, i) => sentences[i].evaluative)),
    evaluativeShare,
  };
}

// --- helpers --------------------------------------------------------------------------------

export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return 0;
  return value < min ? min : value > max ? max : value;
}

// --- Themes: aspect sentiment, expectation gap, keyphrase ranking (lib/queries/getAspectComparison,
// getKeyphraseTrends, getTitlePeople) ------------------------------------------------------------

/**
 * Minimum sample size behind any shown score: below it the page and the CSV say "not enough
 * coverage" (mean and interval are null) instead of a number that one sentence could swing.
 */
export const MIN_N = 3;

/** Two-sided 95% Student t critical values by degrees of freedom (1–30); 1.96 beyond. */
const T_95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tCritical95(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.POSITIVE_INFINITY;
  return degreesOfFreedom <= T_95.length ? T_95[degreesOfFreedom - 1] : 1.96;
}

/** Sums kept by a rollup (title_aspect_stats): count, sum and sum of squares of sentence scores. */
export interface ScoreSums {
  n: number;
  sum: number;
  sumSq: number;
}

export interface ScoreSummary {
  n: number;
  /** Mean sentence score in [-1, 1]; null below MIN_N. */
  mean: number | null;
  /** 95% t-interval of the mean, clamped to [-1, 1]; null below MIN_N. */
  low: number | null;
  high: number | null;
  enoughCoverage: boolean;
}

/**
 * Aspect sentiment: the mean score of the evaluative sentences that mention the aspect, with a
 * 95% Student t-interval (sample standard deviation from the sums; scores are bounded, so the
 * interval is clamped to [-1, 1]). Below MIN_N sentences there is no number.
 */
export function summarizeScores({ n, sum, sumSq }: ScoreSums): ScoreSummary {
  if (n < MIN_N) return { n, mean: null, low: null, high: null, enoughCoverage: false };
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = tCritical95(n - 1) * Math.sqrt(variance / n);
  return { n, mean: clamp(mean, -1, 1), low: clamp(mean - half, -1, 1), high: clamp(mean + half, -1, 1), enoughCoverage: true };
}

/**
 * A sentence counts as positive or negative toward an aspect when its score leaves the neutral
 * band of the stance labels (|score| ≥ STANCE_THRESHOLDS.neutralBand).
 */
export function aspectPolarity(score: number): "positive" | "negative" | "neutral" {
  if (score >= STANCE_THRESHOLDS.neutralBand) return "positive";
  if (score <= -STANCE_THRESHOLDS.neutralBand) return "negative";
  return "neutral";
}

/**
 * Expectation gap: reception minus anticipation, on the same scale (mean sentence score). Null
 * unless both sides have enough coverage: a gap against "not enough coverage" is not a finding.
 */
export function expectationGap(reception: ScoreSummary, anticipation: ScoreSummary): number | null {
  if (reception.mean === null || anticipation.mean === null) return null;
  return reception.mean - anticipation.mean;
}

/**
 * Keyphrase distinctiveness (TF-IDF over documents): the share of the title's documents that use
 * the phrase, times log(N / df) where N counts the documents of the whole corpus and df those
 * that use the phrase anywhere. "John Wick" in Ballerina coverage scores only as high as it is
 * distinctive against coverage of every tracked title.
 */
export function keyphraseDistinctiveness(titleDocsWith: number, titleDocs: number, corpusDocsWith: number, corpusDocs: number): number {
  if (titleDocs === 0 || corpusDocsWith === 0 || corpusDocs === 0) return 0;
  return (titleDocsWith / titleDocs) * Math.log(corpusDocs / corpusDocsWith);
}

/**
 * Rising keyphrase: in a week, the phrase's share of the title's documents jumps against the
 * RISING.windowWeeks weeks before it. All must hold:
 * - the window has at least `minWindowDocuments` documents (no baseline, no jump: the first week
 *   of coverage is never "rising"),
 * - at least `minDocuments` documents use it that week (one article is not a trend),
 * - its share rose by at least `minShareGain` (absolute) over its share in the window,
 * - and to at least `factor` times that earlier share (a phrase already everywhere is not "rising").
 */
export const RISING = { windowWeeks: 4, minWindowDocuments: 2, minDocuments: 2, minShareGain: 0.2, factor: 2 } as const;

export function isRising(week: { with: number; total: number }, window: { with: number; total: number }): boolean {
  if (week.total === 0 || week.with < RISING.minDocuments || window.total < RISING.minWindowDocuments) return false;
  const share = week.with / week.total;
  const before = window.with / window.total;
  return share - before >= RISING.minShareGain && share >= RISING.factor * before;
}

// --- Scores with honesty: reception, hype, expectation gap (the title KPI cards, /compare) -----
// Every score here is computed over documents that are neither copies (duplicate_of_id set: the
// original already counts) nor written in another language (language <> 'en': not scored), and
// comes with its n. Below MIN_N the score is null and the page says "not enough coverage".

/** z for a two-sided 95% interval under the normal approximation. */
export const Z_95 = 1.959964;

/** A share (0..1) with its 95% interval; null values below MIN_N. */
export interface ShareSummary {
  n: number;
  successes: number;
  share: number | null;
  low: number | null;
  high: number | null;
  enoughCoverage: boolean;
}

/**
 * Wilson score interval for a binomial proportion at 95%. Unlike the textbook p ± z·√(p(1−p)/n),
 * it stays inside [0, 1] and does not collapse to a zero-width interval at 0/n or n/n, which is
 * exactly where small review counts live (4 of 4 positive is not "100% ± 0").
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: clamp(centre - half, 0, 1), high: clamp(centre + half, 0, 1) };
}

/**
 * Reception % positive (like the Tomatometer): the share of reception-phase *reviews* whose
 * document stance is labelled positive (mixed, neutral and negative are not positive), with a
 * Wilson 95% interval. Articles never count: a box-office story is not a verdict.
 */
export function receptionPositive(positive: number, reviews: number): ShareSummary {
  if (reviews < MIN_N) return { n: reviews, successes: positive, share: null, low: null, high: null, enoughCoverage: false };
  const { low, high } = wilsonInterval(positive, reviews);
  return { n: reviews, successes: positive, share: positive / reviews, low, high, enoughCoverage: true };
}

/** A stance in [-1, 1] on the 0–100 scale of the KPI cards: (s + 1) × 50, so 0 → 50. */
export function toScore100(stance: number): number {
  return clamp((stance + 1) * 50, 0, 100);
}

/** A 0–100 average with its 95% interval; null values below MIN_N. */
export interface Score100Summary {
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  enoughCoverage: boolean;
}

/**
 * Mean document stance on the 0–100 scale with a 95% Student t-interval (t with n − 1 degrees of
 * freedom, from tCritical95; the sample standard deviation comes from the sums so a rollup can
 * feed it). Stances are bounded, so the interval is clamped to [0, 100].
 */
export function score100({ n, sum, sumSq }: ScoreSums): Score100Summary {
  const summary = summarizeScores({ n, sum, sumSq });
  if (summary.mean === null || summary.low === null || summary.high === null) {
    return { n, mean: null, low: null, high: null, enoughCoverage: false };
  }
  return { n, mean: toScore100(summary.mean), low: toScore100(summary.low), high: toScore100(summary.high), enoughCoverage: true };
}

/**
 * Reception 0–100 average (like a Metascore): the mean stance of reception-phase reviews mapped
 * with toScore100, with a t 95% interval. The same reviews as receptionPositive.
 */
export const receptionAverage = score100;

/**
 * Anticipation 0–100 average: the mean stance of anticipation-phase documents (articles and
 * early reviews alike: everything said before release), mapped with toScore100, t 95% interval.
 */
export const anticipationAverage = score100;

/**
 * Expectation gap, title level: reception 0–100 minus anticipation 0–100, in points on the same
 * scale (+10: the film was received 10 points warmer than it was anticipated). Null unless both
 * sides have enough coverage.
 */
export function expectationGap100(reception: Score100Summary, anticipation: Score100Summary): number | null {
  if (reception.mean === null || anticipation.mean === null) return null;
  return reception.mean - anticipation.mean;
}

/**
 * Hype (anticipation) index of a day or week: volume × mean stance of its anticipation-phase
 * documents (= the sum of their stances: 4 warm articles at +0.5 give 2), plus EXCITEMENT_WEIGHT
 * for every excitement signal, a sentence of those documents with anticipation > 0 ("can't wait",
 * "highly anticipated", "promises"). Doubt lowers the stances, so hype can go below zero.
 * EXCITEMENT_WEIGHT = 0.25: four excited sentences weigh as much as one fully positive document,
 * so excitement adds to coverage without outvoting it.
 */
export const EXCITEMENT_WEIGHT = 0.25;

export interface HypeInput {
  /** Anticipation-phase documents, the sum of their stances, and their excitement sentences. */
  documents: number;
  stanceSum: number;
  excitement: number;
}

/** A document's excitement signals: its sentences with anticipation > 0 (stored as documents.excitement). */
export function excitementSignals(sentences: readonly { anticipation: number }[]): number {
  return sentences.filter((s) => s.anticipation > 0).length;
}

export function hypeIndex({ stanceSum, excitement }: HypeInput): number {
  return stanceSum + EXCITEMENT_WEIGHT * excitement;
}

/**
 * Normalised view of a volume (documents or hype): per 100 documents of all the coverage tracked
 * in the same day or week (every title), so a busy news week does not look like extra interest in
 * one film. Null when nothing was tracked (no denominator, not zero).
 */
export function perTrackedCoverage(value: number, trackedDocuments: number): number | null {
  return trackedDocuments > 0 ? (100 * value) / trackedDocuments : null;
}

/** The title-level hype card: hype summed over the anticipation phase, with its n; null below MIN_N documents. */
export interface HypeSummary {
  n: number;
  excitement: number;
  index: number | null;
  enoughCoverage: boolean;
}

export function summarizeHype(input: HypeInput): HypeSummary {
  const enoughCoverage = input.documents >= MIN_N;
  return { n: input.documents, excitement: input.excitement, index: enoughCoverage ? hypeIndex(input) : null, enoughCoverage };
}
