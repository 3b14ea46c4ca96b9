// A flat, array-based view of a wink-nlp document: one `.out()` call per attribute is far
// cheaper than walking token items, and the scorer only needs these few attributes.
import type { Document } from "wink-nlp";
import { its } from "../nlp";
import { AFFIRMING_PAIRS, EXTRA_NEGATOR_PAIRS, EXTRA_NEGATORS, JUDGMENT_WORDS, GENRE_INTENSITY_WORDS } from "./lexicon";

export interface TokenStream {
  /** Verbatim token text, used to locate sentences in the source string. */
  values: string[];
  /** Lower-cased normal form; contractions expanded ("n't" → "not"). */
  normals: string[];
  /** True when wink-nlp puts the token in the scope of a negation. */
  negated: boolean[];
  /** wink-nlp token type: word, number, punctuation, emoji, emoticon, tabCRLF, ... */
  types: string[];
  /** Universal POS tags; "UNK" when the pipeline has no POS tagger. */
  pos: string[];
  /** True for tokens that name someone or something (see `markNames`). */
  names: boolean[];
}

export interface SentenceSlice {
  index: number;
  text: string;
  /** Character offsets into the source text: `text === source.slice(start, end)`. */
  start: number;
  end: number;
  /** Token range, `firstToken` inclusive, `endToken` exclusive. */
  firstToken: number;
  endToken: number;
}

export function readTokens(doc: Document): TokenStream {
  const tokens = doc.tokens();
  const helpers = its();
  const stream: TokenStream = {
    values: tokens.out(helpers.value) as string[],
    normals: tokens.out(helpers.normal) as string[],
    negated: tokens.out(helpers.negationFlag) as boolean[],
    types: tokens.out(helpers.type) as string[],
    pos: tokens.out(helpers.pos) as string[],
    names: [],
  };
  stream.names = markNames(stream, sentenceTokenRanges(doc));
  extendNegation(stream);
  return stream;
}

/**
 * Proper nouns, except where the tagger is unreliable: a capitalised first word of a sentence
 * ("Stunning.", "Grim and gorgeous") counts as a name only if the same word is tagged a name
 * elsewhere in the text, and opinion words are never names.
 */
function markNames(stream: TokenStream, ranges: readonly [number, number][]): boolean[] {
  const names = new Array<boolean>(stream.normals.length).fill(false);
  const sentenceInitial = new Set<number>();
  for (const [first, end] of ranges) {
    for (let i = first; i < end; i += 1) {
      if (stream.types[i] === "word") {
        sentenceInitial.add(i);
        break;
      }
    }
  }
  const namedElsewhere = new Set<string>();
  stream.pos.forEach((pos, i) => {
    if (pos === "PROPN" && !sentenceInitial.has(i)) namedElsewhere.add(stream.normals[i]);
  });
  stream.pos.forEach((pos, i) => {
    const normal = stream.normals[i];
    if (pos !== "PROPN" || JUDGMENT_WORDS.has(normal) || GENRE_INTENSITY_WORDS.has(normal)) return;
    names[i] = !sentenceInitial.has(i) || namedElsewhere.has(normal);
  });
  return names;
}

/**
 * Add the scopes of EXTRA_NEGATORS, which wink-nlp leaves unmarked, and clear the scopes of
 * AFFIRMING_PAIRS, which it marks.
 */
function extendNegation(stream: TokenStream): void {
  const { normals, negated, types } = stream;
  for (let i = 0; i + 1 < normals.length; i += 1) {
    if (!AFFIRMING_PAIRS.has(normals[i] + " " + normals[i + 1])) continue;
    for (let j = i + 1; j < normals.length && types[j] !== "punctuation"; j += 1) negated[j] = false;
  }
  for (let i = 0; i < normals.length; i += 1) {
    if (AFFIRMING_PAIRS.has(normals[i] + " " + normals[i + 1])) {
      i += 1;
      continue;
    }
    let scopeStart = -1;
    if (EXTRA_NEGATORS.has(normals[i]) && !negated[i]) scopeStart = i + 1;
    else if (i + 1 < normals.length && EXTRA_NEGATOR_PAIRS.has(normals[i] + " " + normals[i + 1])) scopeStart = i + 2;
    if (scopeStart < 0) continue;
    let j = scopeStart;
    for (; j < normals.length && types[j] !== "punctuation"; j += 1) negated[j] = true;
    i = j - 1;
  }
}

/**
 * Sentences with character offsets. wink-nlp keeps token values verbatim, so each token is
 * found with indexOf from a running cursor; a sentence spans its first to its last token.
 */
/** Sentence token ranges as [first, end) pairs. */
export function sentenceTokenRanges(doc: Document): [number, number][] {
  const spans = doc.sentences().out(its().span) as unknown as [number, number][];
  return spans.map(([first, last]) => [first, last + 1]);
}

const BLANK_TYPES: ReadonlySet<string> = new Set(["tabCRLF", "spaces"]);

export function sliceSentences(doc: Document, stream: TokenStream, text: string): SentenceSlice[] {
  const spans = doc.sentences().out(its().span) as unknown as [number, number][];
  const starts = new Array<number>(stream.values.length);
  const ends = new Array<number>(stream.values.length);
  let cursor = 0;
  for (let i = 0; i < stream.values.length; i += 1) {
    const value = stream.values[i];
    const at = text.indexOf(value, cursor);
    // A token wink-nlp rewrote (never seen in practice) sits at the cursor with no width.
    starts[i] = at < 0 ? cursor : at;
    ends[i] = at < 0 ? cursor : at + value.length;
    cursor = ends[i];
  }
  const slices: SentenceSlice[] = [];
  for (const span of spans) {
    let [first, last] = span;
    // Line breaks and spaces that wink-nlp keeps as tokens are not part of a sentence.
    while (first <= last && BLANK_TYPES.has(stream.types[first])) first += 1;
    while (last >= first && BLANK_TYPES.has(stream.types[last])) last -= 1;
    if (last < first) continue;
    const start = starts[first];
    const end = ends[last];
    slices.push({
      index: slices.length,
      text: text.slice(start, end),
      start,
      end,
      firstToken: first,
      endToken: last + 1,
    });
  }
  return slices;
}
