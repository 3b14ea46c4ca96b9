// The film-critic reading layered on the trained model: which sentences judge the work,
// how contrast and intensity shift the weight of words, how genre words are read, and what
// expectation language a sentence carries. Pure functions over a TokenStream.
import { isFeatureToken } from "./features";
import {
  ANTICIPATION_CUES,
  CONCESSIVE_OPENERS,
  CONTRAST_PIVOTS,
  CRAFT_NOUNS,
  CRITICISM_WORDS,
  DOWNTONERS,
  GENRE_INTENSITY_WORDS,
  HEDGE_CUES,
  INTENSIFIERS,
  PRAISE_WORDS,
  JUDGMENT_PHRASES,
  JUDGMENT_WORDS,
  NARRATIVE_WORDS,
  OPINION_PHRASES,
  WORK_NOUNS,
} from "./lexicon";
import type { TokenStream } from "./tokens";

/**
 * Contrast: in "While X, Y" and "X, but Y" the reader's verdict is Y. X keeps `minor` of its
 * weight and Y gets `major`.
 */
export const CONTRAST_WEIGHTS = { minor: 0.4, major: 1.3 } as const;

/**
 * Lexical floors in log-odds. An unnegated criticism word pulls down at least
 * `criticism`, an unnegated praise word pulls up at least `praise`; negated, a praise word
 * pulls down at least `negatedPraise` ("hardly a masterpiece") and a criticism word lifts at
 * most to `negatedCriticism` ("not boring" is faint praise). The model's own weight wins
 * whenever it is stronger.
 */
export const LEXICAL_FLOORS = { criticism: -1.2, praise: 0.8, negatedPraise: -0.8, negatedCriticism: 0.3 } as const;
/** Log-odds a genre intensity word earns when it describes the craft ("brutal fight scenes"). */
export const GENRE_CRAFT_LIFT = 0.6;
/** How far (in tokens) a craft noun may sit from a genre word to count as its target. */
export const GENRE_CRAFT_WINDOW = 3;
/** A hedged claim ("aims to live up to", "only time will tell") keeps this share of its polarity. */
export const HEDGE_DAMPING = 0.3;
/** Log-odds of polarity per unit of excitement ("can't wait" is a positive stance). */
export const EXCITEMENT_POLARITY = 1.2;
/** Log-odds magnitude at which a sentence that names the work counts as judging it. */
export const STRONG_LOGIT = 2.5;
/** Log-odds magnitude at which a verbless fragment, a predicate about the work or a first-person remark judges it. */
export const MODERATE_LOGIT = 0.5;

// --- phrase matching ------------------------------------------------------------------------

/** Multi-word phrases indexed by first word, matched over normals. */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, { words: string[]; value: T }[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.split(" ");
      const list = this.byFirstWord.get(words[0]) ?? [];
      list.push({ words, value });
      this.byFirstWord.set(words[0], list);
    }
    // Longest first, so "only time will tell" wins over "time will tell".
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Each match as (token index of its first word, value); matches do not overlap. */
  matches(normals: readonly string[], first: number, end: number): { at: number; length: number; value: T }[] {
    const found: { at: number; length: number; value: T }[] = [];
    for (let i = first; i < end; i += 1) {
      const candidates = this.byFirstWord.get(normals[i]);
      if (!candidates) continue;
      for (const { words, value } of candidates) {
        if (i + words.length > end) continue;
        let ok = true;
        for (let k = 1; k < words.length && ok; k += 1) ok = normals[i + k] === words[k];
        if (ok) {
          found.push({ at: i, length: words.length, value });
          i += words.length - 1;
          break;
        }
      }
    }
    return found;
  }
}

const anticipationMatcher = new PhraseMatcher(ANTICIPATION_CUES);
const hedgeMatcher = new PhraseMatcher(HEDGE_CUES.map((phrase) => [phrase, true] as const));
const judgmentPhraseMatcher = new PhraseMatcher(JUDGMENT_PHRASES.map((phrase) => [phrase, true] as const));
const opinionMatcher = new PhraseMatcher(OPINION_PHRASES.map((phrase) => [phrase, true] as const));

// --- token weights: contrast, intensity -----------------------------------------------------

/** Per-token multipliers for tokens [first, end): contrast and intensifiers/downtoners. */
export function tokenWeights(stream: TokenStream, first: number, end: number): Float64Array {
  const weights = new Float64Array(end - first).fill(1);
  applyContrast(stream, first, end, weights);
  applyIntensity(stream, first, end, weights);
  return weights;
}

function firstWordIndex(stream: TokenStream, first: number, end: number): number {
  for (let i = first; i < end; i += 1) if (isFeatureToken(stream, i)) return i;
  return -1;
}

function applyContrast(stream: TokenStream, first: number, end: number, weights: Float64Array): void {
  const { normals } = stream;
  const opener = firstWordIndex(stream, first, end);
  if (opener >= 0 && CONCESSIVE_OPENERS.has(normals[opener])) {
    const isEven = normals[opener] === "even";
    if (!isEven || normals[opener + 1] === "though" || normals[opener + 1] === "if") {
      // "While X, Y": the concession runs to the first comma (or a "but"/"yet" pivot).
      for (let i = opener + 1; i < end; i += 1) {
        if (normals[i] === "," || normals[i] === "but" || normals[i] === "yet") {
          if (i + 1 < end) scaleRange(weights, first, first, i + 1, CONTRAST_WEIGHTS.minor);
          if (i + 1 < end) scaleRange(weights, first, i + 1, end, CONTRAST_WEIGHTS.major);
          return;
        }
      }
    }
  }
  // "X, but Y" / "X; however, Y": the pivot must leave words on both sides.
  for (let i = first + 2; i < end - 1; i += 1) {
    if (normals[i] === "but" || normals[i] === "however" || normals[i] === "yet") {
      if (normals[i] === "but" && (normals[i - 1] === "not" || normals[i + 1] === "also")) continue;
      scaleRange(weights, first, first, i, CONTRAST_WEIGHTS.minor);
      scaleRange(weights, first, i, end, CONTRAST_WEIGHTS.major);
      return;
    }
  }
}

function scaleRange(weights: Float64Array, offset: number, from: number, to: number, factor: number): void {
  for (let i = from; i < to; i += 1) weights[i - offset] *= factor;
}

function applyIntensity(stream: TokenStream, first: number, end: number, weights: Float64Array): void {
  for (let i = first; i < end - 1; i += 1) {
    const factor = INTENSIFIERS.get(stream.normals[i]) ?? DOWNTONERS.get(stream.normals[i]);
    if (factor === undefined) continue;
    // The modifier applies to the next word ("very good", "somewhat dull").
    if (isFeatureToken(stream, i + 1)) weights[i + 1 - first] *= factor;
  }
}

// --- lexical overrides: genre words, criticism ----------------------------------------------

/** True when any word in the stream sets an action/horror/thriller context. */
export function hasGenreContext(stream: TokenStream): boolean {
  for (const normal of stream.normals) if (GENRE_CONTEXT_WORDS.has(normal)) return true;
  return false;
}

const GENRE_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  "action", "thriller", "thrillers", "horror", "slasher", "assassin", "assassins", "gun-fu",
  "martial", "crime", "noir", "revenge", "vengeance", "heist", "war", "fight", "fights",
  "fighting", "killer", "killers", "hitman", "zombie", "zombies", "gore", "shootout",
  "stunts", "choreography", "wick", "violence", "kung", "fu", "samurai", "superhero",
  "monster", "slashers", "gangster", "mob", "spy", "combat",
]);

/**
 * Adjust one unigram's model weight for the film reading:
 * - a genre intensity word never counts against the work in genre coverage (or when it
 *   describes the craft), and earns a lift when it does describe the craft;
 * - praise and criticism words keep at least their LEXICAL_FLOORS.
 */
export function adjustedUnigramWeight(
  stream: TokenStream,
  index: number,
  modelWeight: number,
  genreContext: boolean,
  first: number,
  end: number,
): number {
  const normal = stream.normals[index];
  const negated = stream.negated[index];
  if (GENRE_INTENSITY_WORDS.has(normal) && !negated) {
    const craft = describesCraft(stream, index, first, end);
    if (craft) return Math.max(modelWeight, 0) + GENRE_CRAFT_LIFT;
    if (genreContext) return Math.max(modelWeight, 0);
    return modelWeight;
  }
  if (CRITICISM_WORDS.has(normal)) {
    return negated ? Math.max(modelWeight, LEXICAL_FLOORS.negatedCriticism) : Math.min(modelWeight, LEXICAL_FLOORS.criticism);
  }
  if (PRAISE_WORDS.has(normal)) {
    return negated ? Math.min(modelWeight, LEXICAL_FLOORS.negatedPraise) : Math.max(modelWeight, LEXICAL_FLOORS.praise);
  }
  return modelWeight;
}

/**
 * The direction the rules fix for the token at `index` (+1 up, −1 down, 0 free): a bigram
 * that contains it may not pull the other way ("~a ~masterpiece" may not lift "hardly a
 * masterpiece"; "brutal fight" may not sink an action film).
 */
export function lexicalDirection(stream: TokenStream, index: number, genreContext: boolean): -1 | 0 | 1 {
  const normal = stream.normals[index];
  const negated = stream.negated[index];
  if (GENRE_INTENSITY_WORDS.has(normal)) return !negated && genreContext ? 1 : 0;
  if (CRITICISM_WORDS.has(normal)) return negated ? 1 : -1;
  if (PRAISE_WORDS.has(normal)) return negated ? -1 : 1;
  return 0;
}

/** A bigram weight with the directions of its two tokens enforced. */
export function adjustedBigramWeight(
  stream: TokenStream,
  a: number,
  b: number,
  modelWeight: number,
  genreContext: boolean,
): number {
  if (modelWeight === 0) return 0;
  for (const direction of [lexicalDirection(stream, a, genreContext), lexicalDirection(stream, b, genreContext)]) {
    if (direction !== 0 && Math.sign(modelWeight) !== direction) return 0;
  }
  return modelWeight;
}

function describesCraft(stream: TokenStream, index: number, first: number, end: number): boolean {
  const from = Math.max(first, index - GENRE_CRAFT_WINDOW);
  const to = Math.min(end, index + GENRE_CRAFT_WINDOW + 1);
  for (let i = from; i < to; i += 1) if (i !== index && CRAFT_NOUNS.has(stream.normals[i])) return true;
  return false;
}

// --- anticipation -----------------------------------------------------------------------------

export interface AnticipationReading {
  /** Expectation in [-1, 1]: excitement (+) or doubt (−). 0 when none is expressed. */
  signal: number;
  /** The sentence hedges its claim: its polarity is damped. */
  hedged: boolean;
}

export function readAnticipation(stream: TokenStream, first: number, end: number): AnticipationReading {
  let sum = 0;
  for (const match of anticipationMatcher.matches(stream.normals, first, end)) {
    // "not excited" is doubt; cues that contain their own negation ("can not wait") are not flipped.
    const ownNegation = stream.normals[match.at + 1] === "not" || stream.normals[match.at] === "not";
    const flip = stream.negated[match.at] && !ownNegation ? -1 : 1;
    sum += match.value * flip;
  }
  const hedged = hedgeMatcher.matches(stream.normals, first, end).length > 0;
  return { signal: sum === 0 ? 0 : Math.tanh(sum), hedged };
}

// --- evaluative vs descriptive ---------------------------------------------------------------

export interface EvaluativeEvidence {
  judgmentWords: number;
  workNouns: number;
  narrativeWords: number;
  opinion: boolean;
  rating: boolean;
  firstPerson: boolean;
  /** No verb at all but an adjective: the critic's shorthand ("Funny, sad and wise."). */
  verblessJudgment: boolean;
  /** "It is …", "This is …", "The film feels …": a predicate about the work itself. */
  workPredicate: boolean;
}

const RATING = /^\d+(\.\d+)?\/(10|5|100)$/;
const FIRST_PERSON: ReadonlySet<string> = new Set(["i", "me", "my", "we", "us", "our"]);
const WORK_SUBJECTS: ReadonlySet<string> = new Set(["it", "this", "that"]);
const LINKING_VERBS: ReadonlySet<string> = new Set([
  "is", "was", "be", "feels", "felt", "looks", "looked", "seems", "seemed", "plays", "remains", "proves",
]);

export function evaluativeEvidence(stream: TokenStream, first: number, end: number): EvaluativeEvidence {
  let judgmentWords = 0;
  let workNouns = 0;
  let narrativeWords = 0;
  let rating = false;
  let firstPerson = false;
  let verbs = 0;
  let adjectives = 0;
  for (let i = first; i < end; i += 1) {
    const normal = stream.normals[i];
    if (JUDGMENT_WORDS.has(normal)) judgmentWords += 1;
    if (WORK_NOUNS.has(normal)) workNouns += 1;
    if (NARRATIVE_WORDS.has(normal)) narrativeWords += 1;
    if (FIRST_PERSON.has(normal)) firstPerson = true;
    if (RATING.test(normal)) rating = true;
    const pos = stream.pos[i];
    if (pos === "VERB" || pos === "AUX") verbs += 1;
    else if (pos === "ADJ") adjectives += 1;
  }
  judgmentWords += judgmentPhraseMatcher.matches(stream.normals, first, end).length;
  const opinion = opinionMatcher.matches(stream.normals, first, end).length > 0;
  const taggedPos = stream.pos[first] !== undefined && stream.pos[first] !== "UNK";
  return {
    judgmentWords,
    workNouns,
    narrativeWords,
    opinion,
    rating,
    firstPerson,
    verblessJudgment: taggedPos && verbs === 0 && adjectives > 0,
    workPredicate: hasWorkPredicate(stream, first, end),
  };
}

/** Subject (it/this/that or a work noun, within the first four words) followed by a linking verb. */
function hasWorkPredicate(stream: TokenStream, first: number, end: number): boolean {
  let words = 0;
  for (let i = first; i < end - 1 && words < 4; i += 1) {
    if (!isFeatureToken(stream, i)) continue;
    words += 1;
    const normal = stream.normals[i];
    if ((WORK_SUBJECTS.has(normal) || WORK_NOUNS.has(normal)) && LINKING_VERBS.has(stream.normals[i + 1])) {
      return true;
    }
  }
  return false;
}

/**
 * Does the sentence judge the work (its quality, makers, parts, the experience of watching)?
 * - a rating, a first-person opinion or excitement about the title always does;
 * - a judgment word does unless the sentence reads as narration (plot or logistics words and
 *   no reference to the work); a hedge without judgment words is expectation, not a verdict;
 * - a verbless fragment with an adjective, or a predicate about the work ("it is …"), does when
 *   the model finds clear polarity in it.
 */
export function isEvaluative(evidence: EvaluativeEvidence, logit: number, anticipation: AnticipationReading): boolean {
  if (evidence.rating || evidence.opinion) return true;
  if (anticipation.signal > 0.3 && !anticipation.hedged) return true;
  if (evidence.judgmentWords > 0) {
    if (evidence.workNouns > 0 || evidence.judgmentWords >= 2 || evidence.firstPerson) return true;
    return evidence.narrativeWords === 0;
  }
  if (anticipation.hedged || anticipation.signal < 0) return false;
  const polar = Math.abs(logit) >= MODERATE_LOGIT;
  if (polar && evidence.narrativeWords === 0 && (evidence.verblessJudgment || evidence.workPredicate)) return true;
  if (polar && evidence.firstPerson) return true;
  return Math.abs(logit) >= STRONG_LOGIT && evidence.workNouns > 0 && evidence.narrativeWords === 0;
}
