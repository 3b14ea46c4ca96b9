// Keyphrases: the noun phrases a document keeps coming back to ("Ana de Armas", "fight scenes").
// Candidates are the `nounPhrase` custom entities registered in nlp.ts; this module trims,
// normalises, merges and ranks them.
import type { Document, ItsFunction } from "wink-nlp";
import { its } from "./nlp";
import type { Keyphrase } from "./types";

export interface KeyphraseOptions {
  /** How many phrases to return (default 15). */
  limit?: number;
}

const DEFAULT_LIMIT = 15;
const MAX_TOKENS = 5;

/** Phrases that are grammatical noun phrases but say nothing about a film. */
const STOP_PHRASES = new Set([
  "first time", "new detail", "lot", "way", "something", "same time", "other hand", "more detail",
  "latest news", "last year", "next year", "few year", "whole thing", "same way", "many way",
  "other thing", "long time", "first place", "own way", "much more",
  // Labels of scraped fact boxes ("Release Date\nJune 6, 2025"), not themes.
  "release date", "running time",
]);

/** Site chrome that must never become a theme, wherever it sits in a phrase. */
const BOILERPLATE_WORDS = /\b(?:reply|replies|email|e-mail|newsletter|cookies?|subscribe|advertisement)\b|\bsource link\b|\brelated posts?\b|\brequired fields?\b/;

const MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
// "june 6", "6 june 2025", "march 2025", "friday": a date, not a theme. "June Squibb" survives.
const DATE_PHRASE = new RegExp(
  `^(?:(?:${WEEKDAYS}) )?(?:(?:${MONTH_NAMES})(?: \\d{1,2}(?:st|nd|rd|th)?)?(?: \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH_NAMES})(?: \\d{4})?|${WEEKDAYS})$`,
);
const NUMBER_ONLY = /^[\d\s.,:/%$£€-]+$/;

// Plurals whose singular the model gets wrong or that have none.
const INVARIANT_PLURALS = new Set(["series", "species", "news", "physics", "politics", "visuals", "credits", "means"]);
const IE_PLURALS = new Set(["movies", "cookies", "zombies", "rookies", "selfies", "hoodies", "indies", "pies", "ties", "lies"]);

/** Singular of a plural noun: the model's lemma when it has one, else a small rule set. */
export function singularize(word: string, lemma?: string): string {
  if (!word.endsWith("s") || INVARIANT_PLURALS.has(word)) return word;
  if (lemma && lemma !== word && /^[\p{L}-]+$/u.test(lemma)) return lemma;
  if (IE_PLURALS.has(word)) return word.slice(0, -1);
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(word) || word.length <= 3) return word;
  if (/(?:sses|shes|ches|xes|zzes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

interface TokenTable {
  values: string[];
  pos: string[];
  stop: boolean[];
  spaces: string[];
  lemmas: string[];
}

function readTokens(doc: Document): TokenTable {
  const tokens = doc.tokens();
  return {
    values: tokens.out(its().value) as string[],
    pos: tokens.out(its().pos) as string[],
    stop: tokens.out(its().stopWordFlag) as boolean[],
    spaces: tokens.out(its().precedingSpaces) as string[],
    // wink's typings do not admit the lemma helper (it takes model addons), though it works.
    lemmas: tokens.out(its().lemma as unknown as ItsFunction<string>) as string[],
  };
}

const straightQuotes = (s: string) => s.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
const isPossessive = (value: string) => /^'s?$/i.test(straightQuotes(value));

/** The merge key of a token run: lower case, straight quotes, no possessive, singular last noun. */
function keyOf(t: TokenTable, start: number, end: number): string {
  const words: string[] = [];
  for (let i = start; i <= end; i++) {
    const value = straightQuotes(t.values[i]).toLowerCase().replace(/'s$/, "");
    if (!value || isPossessive(value)) continue;
    words.push(value);
  }
  const last = words.length - 1;
  if (last >= 0 && t.pos[end] === "NOUN") words[last] = singularize(words[last], t.lemmas[end]?.toLowerCase());
  return words.join(" ").replace(/\s+/g, " ").trim();
}

/** The phrase as written, with the document's own spacing. */
function surfaceOf(t: TokenTable, start: number, end: number): string {
  let out = t.values[start];
  for (let i = start + 1; i <= end; i++) out += (t.spaces[i] ? " " : "") + t.values[i];
  return out.replace(/\s*[’']s?$/, "").trim();
}

const HYPHENS = new Set(["-", "–", "‐"]);

/** A run cut out of a hyphenated compound ("typical spin" from "spin-off") is not a phrase. */
function cutsCompound(t: TokenTable, start: number, end: number): boolean {
  const after = end + 1 < t.values.length && HYPHENS.has(t.values[end + 1]) && !t.spaces[end + 1];
  const before = start > 0 && HYPHENS.has(t.values[start - 1]) && !t.spaces[start];
  return after || before;
}

/**
 * In a Title Case heading every word looks like a name ("Big Set Pieces Like John Wick"); a
 * capitalised preposition inside a name run gives the heading away. "Ana de Armas" survives.
 */
function hasTitleCaseLink(t: TokenTable, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (t.pos[i] === "ADP" && /^\p{Lu}/u.test(t.values[i])) return true;
  return false;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Noun-phrase spans with leading determiners and other stop words ("most", "several") trimmed;
 * a span that trims down to one word ("many other things") is dropped, so no phrase is made
 * of stop words alone.
 */
function candidateSpans(doc: Document, t: TokenTable): Span[] {
  const spans = doc.customEntities().out(its().span) as unknown as number[][];
  const types = doc.customEntities().out(its().type) as string[];
  const out: Span[] = [];
  spans.forEach(([first, end], i) => {
    if (types[i] !== "nounPhrase" || cutsCompound(t, first, end) || hasTitleCaseLink(t, first, end)) return;
    let start = first;
    while (start < end && (t.stop[start] || t.pos[start] === "DET" || t.pos[start] === "NUM")) start++;
    if (start < end) out.push({ start, end });
  });
  return out;
}

const isProperRun = (t: TokenTable, span: Span) => {
  for (let i = span.start; i <= span.end; i++) if (t.pos[i] !== "PROPN") return false;
  return true;
};

/**
 * Adjacent names run together ("Ana de Armas John" from "Ana de Armas John Wick spin-off").
 * Split a run of proper nouns after the longest prefix that the document also uses on its own.
 */
function splitRunOnNames(t: TokenTable, spans: Span[]): Span[] {
  const standalone = new Set(spans.map((s) => keyOf(t, s.start, s.end)));
  return spans.flatMap((span) => {
    if (span.end - span.start < 2 || !isProperRun(t, span)) return [span];
    for (let cut = span.end - 1; cut > span.start; cut--) {
      if (!standalone.has(keyOf(t, span.start, cut))) continue;
      const rest = { start: cut + 1, end: span.end };
      // A single leftover token is half of the next name; drop it.
      return rest.end > rest.start ? [{ start: span.start, end: cut }, rest] : [{ start: span.start, end: cut }];
    }
    return [span];
  });
}

/** Why a normalised key is not a keyphrase, or null when it is fine. */
export function rejectKeyphrase(key: string): string | null {
  if (key.replace(/[^\p{L}\p{N}]/gu, "").length <= 1) return "one character";
  if (key.split(" ").length > MAX_TOKENS) return `longer than ${MAX_TOKENS} words`;
  if (STOP_PHRASES.has(key)) return "stop phrase";
  if (NUMBER_ONLY.test(key)) return "number";
  if (DATE_PHRASE.test(key)) return "date";
  if (BOILERPLATE_WORDS.test(key)) return "boilerplate";
  return null;
}

function isUsable(key: string, span: Span): boolean {
  return span.end - span.start + 1 <= MAX_TOKENS && rejectKeyphrase(key) === null;
}

interface Tally {
  count: number;
  firstToken: number;
  tokens: number;
  surfaces: Map<string, number>;
}

/** Ranked keyphrases of a parsed document: count × length bonus, nudged up when they appear early. */
export function extractKeyphrases(doc: Document, opts: KeyphraseOptions = {}): Keyphrase[] {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const t = readTokens(doc);
  const totalTokens = Math.max(1, t.values.length);
  const tallies = new Map<string, Tally>();

  for (const span of splitRunOnNames(t, candidateSpans(doc, t))) {
    const key = keyOf(t, span.start, span.end);
    if (!isUsable(key, span)) continue;
    const surface = surfaceOf(t, span.start, span.end);
    const tally = tallies.get(key) ?? { count: 0, firstToken: span.start, tokens: key.split(" ").length, surfaces: new Map() };
    tally.count++;
    tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
    tallies.set(key, tally);
  }

  const ranked: Keyphrase[] = [...tallies].map(([key, tally]) => {
    const lengthBonus = 1 + 0.25 * (Math.min(tally.tokens, MAX_TOKENS) - 1);
    const positionBonus = 1 + 0.1 * (1 - tally.firstToken / totalTokens);
    // Map keeps insertion order, so ties in frequency go to the form seen first.
    let text = key;
    let best = 0;
    for (const [surface, n] of tally.surfaces) if (n > best) [text, best] = [surface, n];
    return { key, text, count: tally.count, score: Math.round(tally.count * lengthBonus * positionBonus * 1000) / 1000 };
  });
  ranked.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return ranked.slice(0, Math.max(0, limit));
}
