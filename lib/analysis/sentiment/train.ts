// Training of the polarity model: NB-weighted logistic regression (Wang & Manning 2012,
// "NBSVM" with log loss) over binary feature presence. Pure and deterministic from a seed;
// reading files and printing progress is the CLI's job (scripts/train-sentiment.ts).
import type { ModelFile } from "./model";

export interface LabeledFeatures {
  features: ReadonlySet<string>;
  /** 1 = positive, 0 = negative. */
  label: 0 | 1;
  /**
   * Feature sets of the text's sentences. Each is trained on as an extra example with the
   * text's label and weight `sentenceWeight`: distant supervision that gives single words the
   * weight they need to score a one-sentence snippet, which whole-review features alone do not.
   */
  sentences?: readonly (readonly string[])[];
}

export interface TrainOptions {
  seed: number;
  /** Share of the input held out to measure accuracy (never trained on). */
  devShare: number;
  /** Features seen in fewer documents than this are dropped (rare features overfit). */
  minDocFreq: number;
  /** Keep at most this many features, the largest |weight| first (model size). */
  maxFeatures: number;
  epochs: number;
  /** Adagrad step size. */
  learningRate: number;
  /** L2 penalty per example step. */
  l2: number;
  /** Scale features by Naive Bayes log-count ratios before the regression. */
  naiveBayes: boolean;
  /** Laplace smoothing of the NB counts. */
  smoothing: number;
  /** Weight of each sentence-level example relative to a whole text (0 = texts only). */
  sentenceWeight: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 42,
  devShare: 0.1,
  minDocFreq: 3,
  maxFeatures: 120_000,
  epochs: 8,
  learningRate: 0.1,
  l2: 1e-6,
  naiveBayes: true,
  smoothing: 1,
  sentenceWeight: 0.3,
};

export interface EpochReport {
  epoch: number;
  loss: number;
  devAccuracy: number;
}

export interface TrainResult {
  model: ModelFile;
  devAccuracy: number;
  trainCount: number;
  devCount: number;
  featureCount: number;
}

/** mulberry32: a tiny seeded PRNG, so a seed gives the same split and the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Split into train and dev with the same class balance in both. */
export function stratifiedSplit<T extends { label: 0 | 1 }>(
  items: readonly T[],
  devShare: number,
  random: () => number,
): { train: T[]; dev: T[] } {
  const train: T[] = [];
  const dev: T[] = [];
  for (const label of [0, 1] as const) {
    const ofLabel = shuffled(
      items.filter((item) => item.label === label),
      random,
    );
    const devCount = Math.round(ofLabel.length * devShare);
    dev.push(...ofLabel.slice(0, devCount));
    train.push(...ofLabel.slice(devCount));
  }
  return { train: shuffled(train, random), dev: shuffled(dev, random) };
}

interface Encoded {
  indices: Int32Array;
  label: 0 | 1;
  weight: number;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainPolarityModel(
  examples: readonly LabeledFeatures[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  onEpoch: (report: EpochReport) => void = () => {},
): TrainResult {
  const labels = new Set(examples.map((example) => example.label));
  if (labels.size < 2) {
    throw new Error("Training needs examples of both classes (positive and negative).");
  }
  const random = seededRandom(options.seed);
  const { train, dev } = stratifiedSplit(examples, options.devShare, random);

  // Vocabulary from the training part only, so dev accuracy is honest.
  const docFreq = new Map<string, number>();
  for (const example of train) {
    for (const key of example.features) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  }
  const vocabulary: string[] = [];
  const indexOf = new Map<string, number>();
  for (const [key, count] of docFreq) {
    if (count >= options.minDocFreq) {
      indexOf.set(key, vocabulary.length);
      vocabulary.push(key);
    }
  }
  const encodeKeys = (keys: Iterable<string>, label: 0 | 1, weight: number): Encoded => {
    const indices = new Set<number>();
    for (const key of keys) {
      const index = indexOf.get(key);
      if (index !== undefined) indices.add(index);
    }
    return { indices: Int32Array.from(indices).sort(), label, weight };
  };
  const encode = (example: LabeledFeatures): Encoded => encodeKeys(example.features, example.label, 1);
  const trainSet = train.map(encode);
  const devSet = dev.map(encode);
  // Sentence examples come from training texts only, so none leaks into the dev split.
  const sentenceSet: Encoded[] = [];
  if (options.sentenceWeight > 0) {
    for (const example of train) {
      for (const keys of example.sentences ?? []) {
        const encoded = encodeKeys(keys, example.label, options.sentenceWeight);
        if (encoded.indices.length > 0) sentenceSet.push(encoded);
      }
    }
  }
  const fitSet = trainSet.concat(sentenceSet);
  const size = vocabulary.length;

  const ratio = naiveBayesRatios(trainSet, size, options);
  const weights = new Float64Array(size);
  const gradSquares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasGradSquare = 1e-8;
  const order = fitSet.map((_, i) => i);

  const devAccuracyOf = (w: Float64Array, b: number): number => {
    if (devSet.length === 0) return Number.NaN;
    let correct = 0;
    for (const example of devSet) {
      let z = b;
      for (const index of example.indices) z += w[index] * ratio[index];
      if ((z > 0 ? 1 : 0) === example.label) correct += 1;
    }
    return correct / devSet.length;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    const epochOrder = shuffled(order, random);
    let loss = 0;
    for (const position of epochOrder) {
      const example = fitSet[position];
      let z = bias;
      for (const index of example.indices) z += weights[index] * ratio[index];
      const p = sigmoid(z);
      loss -= example.weight * Math.log(example.label === 1 ? Math.max(p, 1e-12) : Math.max(1 - p, 1e-12));
      const error = (p - example.label) * example.weight;
      for (const index of example.indices) {
        const gradient = error * ratio[index] + options.l2 * weights[index];
        gradSquares[index] += gradient * gradient;
        weights[index] -= (options.learningRate * gradient) / Math.sqrt(gradSquares[index]);
      }
      biasGradSquare += error * error;
      bias -= (options.learningRate * error) / Math.sqrt(biasGradSquare);
    }
    onEpoch({ epoch, loss: loss / Math.max(1, fitSet.length), devAccuracy: devAccuracyOf(weights, bias) });
  }

  // Fold the NB ratios into the weights: scoring stays one lookup per feature.
  const folded = new Float64Array(size);
  for (let i = 0; i < size; i += 1) folded[i] = weights[i] * ratio[i];
  const kept = keepLargest(folded, options.maxFeatures);
  const pruned = new Float64Array(size);
  const modelWeights: Record<string, number> = {};
  for (const index of kept) {
    pruned[index] = folded[index];
    modelWeights[vocabulary[index]] = round(folded[index]);
  }
  const unitRatio = new Float64Array(size).fill(1);
  const devAccuracy = devSet.length === 0 ? Number.NaN : accuracyWith(devSet, pruned, bias, unitRatio);

  return {
    model: {
      format: "hypeline-sentiment-linear",
      version: 1,
      bias: round(bias),
      weights: modelWeights,
      meta: {
        algorithm: options.naiveBayes ? "nb-logistic-regression" : "logistic-regression",
        features: "wink-nlp normals, negation-marked unigrams + bigrams",
        seed: options.seed,
        trainCount: trainSet.length,
        sentenceExamples: sentenceSet.length,
        sentenceWeight: options.sentenceWeight,
        devCount: devSet.length,
        devAccuracy: round(devAccuracy),
        minDocFreq: options.minDocFreq,
        epochs: options.epochs,
        featureCount: kept.length,
      },
    },
    devAccuracy,
    trainCount: trainSet.length,
    devCount: devSet.length,
    featureCount: kept.length,
  };
}

function accuracyWith(set: readonly Encoded[], w: Float64Array, b: number, ratio: Float64Array): number {
  let correct = 0;
  for (const example of set) {
    let z = b;
    for (const index of example.indices) z += w[index] * ratio[index];
    if ((z > 0 ? 1 : 0) === example.label) correct += 1;
  }
  return correct / set.length;
}

function naiveBayesRatios(set: readonly Encoded[], size: number, options: TrainOptions): Float64Array {
  const ratio = new Float64Array(size).fill(1);
  if (!options.naiveBayes) return ratio;
  const positive = new Float64Array(size).fill(options.smoothing);
  const negative = new Float64Array(size).fill(options.smoothing);
  for (const example of set) {
    const counts = example.label === 1 ? positive : negative;
    for (const index of example.indices) counts[index] += 1;
  }
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let i = 0; i < size; i += 1) {
    positiveTotal += positive[i];
    negativeTotal += negative[i];
  }
  for (let i = 0; i < size; i += 1) {
    ratio[i] = Math.log(positive[i] / positiveTotal) - Math.log(negative[i] / negativeTotal);
  }
  return ratio;
}

function keepLargest(weights: Float64Array, limit: number): number[] {
  const indices: number[] = [];
  for (let i = 0; i < weights.length; i += 1) if (weights[i] !== 0) indices.push(i);
  if (indices.length <= limit) return indices;
  indices.sort((a, b) => Math.abs(weights[b]) - Math.abs(weights[a]) || a - b);
  return indices.slice(0, limit);
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : 0;
}
