// The token view the theme extractors (aspects, people, claims) share: one `.out()` per attribute
// for the whole document, and each scored sentence's token range, cut exactly as the scorer cuts
// them (sliceSentences), so `sentences[i]` here is `ScoredSentence` number i.
import type { Document, ItsFunction } from "wink-nlp";
import { its } from "./nlp";
import type { EntityTag } from "./people";
import { singularize } from "./keyphrases";
import { readTokens, sliceSentences } from "./sentiment/tokens";

export interface SentenceTokens {
  /** Verbatim token text. */
  values: string[];
  /** Lower-cased normal form. */
  normals: string[];
  /** wink-nlp lemma, lower case ("pieces" → "piece"; it is wrong now and then: "staged" → "stag"). */
  lemmas: string[];
  /** Universal POS tags. */
  pos: string[];
  /** wink-nlp token type: word, number, punctuation, tabCRLF, spaces, ... */
  types: string[];
  /** True when whitespace precedes the token (hyphenated compounds have none). */
  spaced: boolean[];
  /** Forms a word list may name the token by: normal, lemma and singular (deduplicated). */
  forms: string[][];
  /** Name tags per token (people.ts), once known: patterns can ask for [CAST] or [ORG]. */
  entities?: (EntityTag | null)[];
  /** Per scored sentence: token range [first, end) and character offsets into the text. */
  sentences: { first: number; end: number; start: number; text: string }[];
}

export function readSentenceTokens(doc: Document, text: string): SentenceTokens {
  // The scorer's own reader, so sentences are cut exactly as it cuts them.
  const stream = readTokens(doc);
  const { values, normals, types, pos } = stream;
  const tokens = doc.tokens();
  const helpers = its();
  // wink's typings do not admit the lemma helper (it takes model addons), though it works.
  const lemmas = (tokens.out(helpers.lemma as unknown as ItsFunction<string>) as string[]).map((l) => l.toLowerCase());
  const spaces = tokens.out(helpers.precedingSpaces) as string[];
  const forms = normals.map((normal, i) => {
    const out = [normal];
    if (lemmas[i] !== normal) out.push(lemmas[i]);
    if (normal.endsWith("s")) {
      const singular = singularize(normal, lemmas[i]);
      if (!out.includes(singular)) out.push(singular);
    }
    if (normal.includes("’")) out.push(normal.replace(/’/g, "'"));
    return out;
  });
  const slices = sliceSentences(doc, stream, text);
  return {
    values,
    normals,
    lemmas,
    pos,
    types,
    spaced: spaces.map((s) => s.length > 0),
    forms,
    sentences: slices.map((s) => ({ first: s.firstToken, end: s.endToken, start: s.start, text: s.text })),
  };
}

/** True when the token at i starts a sentence or a line (labels such as "Director:" sit there). */
export function startsLine(t: SentenceTokens, i: number, sentenceFirst: number): boolean {
  if (i === sentenceFirst) return true;
  const prev = t.types[i - 1];
  return prev === "tabCRLF" || (prev === "spaces" && /\n/.test(t.values[i - 1])) || /^[•·▪◦*]$/.test(t.values[i - 1]);
}
