// Evaluation figures for a scorer on labeled texts: pure arithmetic, no I/O.

export interface Prediction {
  /** 1 positive, 0 negative, null when the gold label is not binary (neutral, mixed). */
  gold: 0 | 1 | null;
  /** The gold label as written ("pos", "neutral", "mixed", ...). */
  goldLabel: string;
  /** Graded gold rating when known (IMDB stars), else null. */
  rating: number | null;
  score: number;
  /** The scorer's binary call at its own threshold. */
  positive: boolean;
  /** The scorer's own label: "pos" | "neg" | "neutral" | "mixed". */
  label: string;
}

export interface BinaryFigures {
  n: number;
  accuracy: number;
  positiveRecall: number;
  negativeRecall: number;
  macroF1: number;
}

export interface EvaluationFigures {
  binary: BinaryFigures;
  /** Agreement of the scorer's label with every gold label, neutral/mixed included; null when every label is binary. */
  labelAccuracy: number | null;
  labelN: number;
  /** Pearson r of score and rating over items with a rating; null without ratings. */
  pearson: number | null;
  pearsonN: number;
}

/** Binary figures over items with a binary gold label, using each prediction's own call. */
export function binaryFigures(predictions: readonly Prediction[]): BinaryFigures {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const prediction of predictions) {
    if (prediction.gold === null) continue;
    const { positive } = prediction;
    if (prediction.gold === 1) positive ? (tp += 1) : (fn += 1);
    else positive ? (fp += 1) : (tn += 1);
  }
  const n = tp + fp + tn + fn;
  const f1 = (truePositives: number, falsePositives: number, falseNegatives: number): number =>
    truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
  return {
    n,
    accuracy: ratio(tp + tn, n),
    positiveRecall: ratio(tp, tp + fn),
    negativeRecall: ratio(tn, tn + fp),
    macroF1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2,
  };
}

const LABEL_ALIASES: Record<string, string> = {
  pos: "pos",
  positive: "pos",
  neg: "neg",
  negative: "neg",
  neutral: "neutral",
  mixed: "mixed",
};

export function normalLabel(label: string): string {
  return LABEL_ALIASES[label.trim().toLowerCase()] ?? label.trim().toLowerCase();
}

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export function evaluationFigures(predictions: readonly Prediction[]): EvaluationFigures {
  const graded = predictions.filter((prediction) => prediction.rating !== null);
  const hasNonBinary = predictions.some((prediction) => prediction.gold === null);
  let agree = 0;
  for (const prediction of predictions) {
    if (normalLabel(prediction.label) === normalLabel(prediction.goldLabel)) agree += 1;
  }
  return {
    binary: binaryFigures(predictions),
    labelAccuracy: hasNonBinary ? ratio(agree, predictions.length) : null,
    labelN: predictions.length,
    pearson: pearson(
      graded.map((prediction) => prediction.score),
      graded.map((prediction) => prediction.rating as number),
    ),
    pearsonN: graded.length,
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}
