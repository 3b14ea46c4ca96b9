// One wink-nlp instance per process: loading the model costs ~190 ms and ~50 MB, so it is
// created lazily on first use and shared by every analyser.
import winkNLP, { type Document, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Noun-phrase patterns for keyphrase candidates (wink-nlp custom entities over POS tags).
 * Registered once on the shared instance, so every readDoc() carries them.
 */
export const NOUN_PHRASE_PATTERNS = [
  "[PROPN] [PROPN] [PROPN] [PROPN]",
  "[PROPN] [ADP] [PROPN]",
  "[PROPN] [PROPN] [PROPN]",
  "[PROPN] [PROPN]",
  "[ADJ] [NOUN] [NOUN]",
  "[NOUN] [NOUN] [NOUN]",
  "[ADJ|NOUN|PROPN] [NOUN]",
  "[ADJ] [ADJ] [NOUN]",
];

let instance: WinkMethods | undefined;

export function getNlp(): WinkMethods {
  if (!instance) {
    instance = winkNLP(model);
    instance.learnCustomEntities([{ name: "nounPhrase", patterns: NOUN_PHRASE_PATTERNS }]);
  }
  return instance;
}

/** Parse text with the shared instance (sentences, tokens, POS, negation, noun phrases). */
export function readDoc(text: string): Document {
  return getNlp().readDoc(text);
}

export function its() {
  return getNlp().its;
}

export function as() {
  return getNlp().as;
}
