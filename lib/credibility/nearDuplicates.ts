// Near-duplicate detection: syndicated or lightly edited copies of the same text (a wire story
// re-run by another outlet with a new headline, a different dash, a dropped paragraph). An exact
// content hash misses those; word shingles compared through MinHash do not.
//
// - Shingles: every run of SHINGLE_WORDS consecutive words of the normalised text (lower case,
//   letters and digits only, so punctuation, quotes and dashes do not matter).
// - Signature: for each of SIGNATURE_SIZE seeded hash functions, the smallest hash over the
//   shingles. The share of equal positions in two signatures estimates the Jaccard similarity of
//   the two shingle sets (standard error ≈ sqrt(J(1−J)/128) ≤ 0.044).
// - A document is a copy when its estimate against an earlier document of the same title is at
//   least COPY_THRESHOLD.
//
// Hand-written (≈40 lines) because the npm MinHash implementations draw their hash coefficients
// from an unseeded Math.random (bloom-filters' MinHashFactory, minhash): signatures made by two
// processes could not be compared, and ours are stored in documents.minhash (int4[]) for good.
// The hash functions here are fixed: FNV-1a of the shingle mixed with a per-position seed by
// murmur3's 32-bit finaliser, all in 32-bit integer arithmetic (Math.imul), so the same text gives
// the same signature on every machine and every run.

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
/**
 * Estimated Jaccard similarity of 5-word shingles at or above which a document is a copy.
 * Measured on the demo corpus and the seeds (docs/themes.md): the syndicated Ballerina piece scores
 * 0.96 against its original; every other pair of documents about the same title scores 0.03 or
 * less. 0.5 leaves a wide margin on both sides: a re-run that adds or drops a paragraph in five
 * stays well above it.
 */
export const COPY_THRESHOLD = 0.5;
/** Texts shorter than this many words are too short to call copies (a one-line blurb repeats by chance). */
export const MIN_WORDS = 40;

/** Lower-case words of letters and digits; quotes, dashes and punctuation are dropped. */
export function shingleWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: a fast, well-mixed 32-bit permutation. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x632be5ab)));

/**
 * MinHash signature of the text's word shingles, as signed 32-bit integers (PostgreSQL int4).
 * Empty for a text shorter than MIN_WORDS: it is never compared.
 */
export function minhashSignature(text: string): number[] {
  const words = shingleWords(text);
  if (words.length < MIN_WORDS) return [];
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  // Hash each word once; a shingle's hash folds its words' hashes in order.
  const wordHashes = words.map(fnv1a);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let base = 0;
    for (let w = i; w < i + SHINGLE_WORDS; w++) base = mix((base ^ wordHashes[w]) + 0x9e3779b9);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(base ^ SEEDS[k]);
      if (h < mins[k]) mins[k] = h;
    }
  }
  return mins.map((h) => h | 0);
}

/** Estimated Jaccard similarity of two signatures (0 when either is empty or they differ in size). */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact Jaccard similarity of two texts' shingle sets, for tests and for checking the estimate. */
export function shingleJaccard(a: string, b: string): number {
  const set = (text: string) => {
    const words = shingleWords(text);
    const out = new Set<string>();
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(" "));
    return out;
  };
  const sa = set(a);
  const sb = set(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function isCopy(similarity: number): boolean {
  return similarity >= COPY_THRESHOLD;
}
