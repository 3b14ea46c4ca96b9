// Model features from wink-nlp tokens, shared by training and scoring so the two can never
// drift apart: negation-marked unigrams and bigrams of adjacent words within a sentence.
import type { TokenStream } from "./tokens";

/** Prefix of a token inside a negation scope ("not good" → "not", "~good"). */
export const NEGATED_PREFIX = "~";

/** Receives each feature with the token(s) it came from (for per-token weights). */
export type FeatureSink = (key: string, firstToken: number, lastToken: number) => void;

const COUNTED_TYPES: ReadonlySet<string> = new Set(["word", "number", "emoji", "emoticon"]);

/** True for tokens that carry meaning; punctuation and whitespace break bigrams instead. */
export function isFeatureToken(stream: TokenStream, index: number): boolean {
  if (!COUNTED_TYPES.has(stream.types[index])) return false;
  // Names carry no opinion: in the training reviews a title or actor name ("Ballerina",
  // "Seagal") only echoes how those particular films were rated.
  if (stream.names[index]) return false;
  // Scraped reviews keep HTML line breaks ("<br />"): the "br" is markup, not a word.
  if (stream.normals[index] === "br" && index > 0 && isMarkupPunct(stream.values[index - 1])) {
    return false;
  }
  return true;
}

function isMarkupPunct(value: string): boolean {
  return value === "<" || value === "/";
}

export function unigramKey(stream: TokenStream, index: number): string {
  const normal = stream.normals[index];
  return stream.negated[index] ? NEGATED_PREFIX + normal : normal;
}

/** Emit the features of tokens [first, end). */
export function emitFeatures(stream: TokenStream, first: number, end: number, sink: FeatureSink): void {
  let previousKey: string | undefined;
  let previousIndex = -1;
  for (let i = first; i < end; i += 1) {
    if (!isFeatureToken(stream, i)) {
      // Punctuation and names end a phrase; markup "br" is skipped without breaking one.
      if (stream.types[i] !== "word" || stream.names[i]) previousKey = undefined;
      continue;
    }
    const key = unigramKey(stream, i);
    sink(key, i, i);
    if (previousKey !== undefined) sink(previousKey + " " + key, previousIndex, i);
    previousKey = key;
    previousIndex = i;
  }
}

/** The set of feature keys of a whole token stream (training uses binary presence). */
export function featureSet(stream: TokenStream): Set<string> {
  const keys = new Set<string>();
  emitFeatures(stream, 0, stream.normals.length, (key) => keys.add(key));
  return keys;
}

/** Feature keys of each sentence span [first, end) (sentence-level training examples). */
export function sentenceFeatureLists(stream: TokenStream, spans: readonly (readonly [number, number])[]): string[][] {
  return spans.map(([first, end]) => {
    const keys: string[] = [];
    emitFeatures(stream, first, end, (key) => keys.push(key));
    return keys;
  });
}
