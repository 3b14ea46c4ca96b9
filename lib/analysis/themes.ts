// Themes of one parsed document: aspects per sentence, people and organisations, factual claims,
// and the MinHash signature for copy detection. Pure; analyzeDocument calls it on the wink
// document it already parsed, so the cost is one pass over the token arrays per extractor.
import type { Document } from "wink-nlp";
import { aspectsBySentence } from "./aspects";
import { extractClaims, type ClaimMatch } from "./claims";
import { extractPeople, type PersonMention } from "./people";
import { readSentenceTokens } from "./sentenceTokens";
import type { AnalyzedSentence, ScoredSentence } from "./types";
import { minhashSignature } from "../credibility/nearDuplicates";

export interface DocumentThemes {
  sentences: AnalyzedSentence[];
  people: PersonMention[];
  claims: ClaimMatch[];
  minhash: number[];
}

export interface ThemesInput {
  doc: Document;
  text: string;
  sentences: ScoredSentence[];
  headline: string | null;
  publishedAt: string | null;
  /** Aspects, people and claims are read with English rules; other languages only get a signature. */
  english: boolean;
}

export function analyzeThemes(input: ThemesInput): DocumentThemes {
  const minhash = minhashSignature(input.text);
  if (!input.english) {
    return { sentences: input.sentences.map((s) => ({ ...s, aspects: [] })), people: [], claims: [], minhash };
  }
  const tokens = readSentenceTokens(input.doc, input.text);
  const { people, tags } = extractPeople(tokens);
  tokens.entities = tags;
  const aspects = aspectsBySentence(tokens);
  return {
    // Both slice sentences the same way (sliceSentences), so index i is sentence i.
    sentences: input.sentences.map((s, i) => ({ ...s, aspects: aspects[i] ?? [] })),
    people,
    claims: extractClaims({ sentences: input.sentences, headline: input.headline, publishedAt: input.publishedAt }),
    minhash,
  };
}
