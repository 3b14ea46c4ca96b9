// One raw document in, one AnalyzedDocument out: clean, date, headline, kind, phase, sentences,
// stance and keyphrases. Pure: no database, no framework, no clock.
import { decidePhase, inferKind } from "./classify";
import { cleanText, normalizeCharacters } from "./clean";
import { findDate, isIsoDay } from "./dates";
import { contentHash, normalizeForHash } from "./hash";
import { splitHeadline } from "./headline";
import { extractKeyphrases } from "./keyphrases";
import { countWordsAnyScript, detectLanguage, languageName } from "./language";
import { its, readDoc } from "./nlp";
import { scoreDocument } from "./sentiment";
import { analyzeThemes } from "./themes";
import type { ClaimMatch } from "./claims";
import type { PersonMention } from "./people";
import type { AnalyzedSentence, DateSource, DocumentKind, Keyphrase, Phase, ScoredSentence, ScoredText, Stance } from "./types";

export interface AnalyzeInput {
  rawText: string;
  headline?: string | null;
  metadataDate?: string | null;
  url?: string | null;
  cliDate?: string | null;
  kind?: DocumentKind | null;
  /** YYYY-MM-DD release date of the title the document is about. */
  releaseDate?: string | null;
}

export interface AnalyzedDocument {
  text: string;
  headline: string | null;
  contentHash: string;
  removedBoilerplate: number;
  removedRepeats: number;
  publishedAt: string | null;
  dateSource: DateSource;
  warnings: string[];
  kind: DocumentKind;
  kindInferred: boolean;
  /** Which cues decided the kind (or that the caller gave it). */
  kindReason: string;
  phase: Phase | null;
  phaseInferred: boolean;
  /** Which dates or cues decided the phase. */
  phaseReason: string;
  /** Scored sentences, each with its aspects. */
  sentences: AnalyzedSentence[];
  stance: Stance;
  keyphrases: Keyphrase[];
  wordCount: number;
  /** People and organisations named (and unconfirmed names, see lib/analysis/people.ts). */
  people: PersonMention[];
  /** Factual claims (release date, director, runtime, cast, headline year), not yet filtered to the title. */
  claims: ClaimMatch[];
  /** MinHash signature of the text's word shingles (lib/credibility/nearDuplicates.ts); empty for short texts. */
  minhash: number[];
  /** ISO 639-1 code; anything but "en" is stored unscored (see lib/analysis/language.ts). */
  language: string;
}

export type AnalysisErrorCode = "EMPTY" | "BINARY" | "NOT_TEXT" | "TOO_SHORT";

/** Input that cannot be analysed; the message says what is wrong and what to do about it. */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;

  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = "AnalysisError";
    this.code = code;
  }
}

// Tab, newline, carriage return, form feed and vertical tab are text; other C0 controls are not.
const CONTROL_CHARS = /[\u0001-\u0008\u000e-\u001f\u007f]/g;
const MAX_CONTROL_SHARE = 0.02;
const MAX_REPLACEMENT_SHARE = 0.01;
const MIN_REPLACEMENT_CHARS = 3;
/** Below this share of letters among visible characters, the input is data or markup, not prose. */
const MIN_LETTER_SHARE = 0.5;
const MAX_MARKUP_SHARE = 0.3;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Reject input that is not prose before any work is spent on it. */
function assertAnalysableText(raw: string): void {
  if (raw.trim() === "") {
    throw new AnalysisError("EMPTY", "The document is empty (no text at all). Check that the source was fetched and extracted; skip it if it is empty at the source.");
  }
  if (raw.includes("\u0000")) {
    throw new AnalysisError("BINARY", "The document contains NUL bytes, so it is binary (PDF, image, archive, UTF-16…), not text. Convert it to UTF-8 text or HTML first.");
  }
  const controls = count(raw, CONTROL_CHARS);
  if (controls / raw.length > MAX_CONTROL_SHARE) {
    throw new AnalysisError("BINARY", `The document is ${(100 * controls / raw.length).toFixed(1)}% control characters, so it looks binary, not text. Convert it to UTF-8 text or HTML first.`);
  }
  const replacements = count(raw, /\ufffd/g);
  if (replacements >= MIN_REPLACEMENT_CHARS && replacements / raw.length > MAX_REPLACEMENT_SHARE) {
    throw new AnalysisError("BINARY", `The document has ${replacements} U+FFFD replacement characters: it was not valid UTF-8 when decoded (binary, or another encoding such as Windows-1252). Re-save it as UTF-8.`);
  }
  const visible = raw.replace(/\s+/g, "");
  const markup = raw.match(/<\/?[a-z][^<>]{0,200}>/gi)?.join("").length ?? 0;
  if (markup / visible.length > MAX_MARKUP_SHARE) {
    throw new AnalysisError("NOT_TEXT", "The document is mostly HTML/XML tags. Pass it through HTML extraction (ingest it as .html or a URL) instead of as plain text.");
  }
  const letters = visible.replace(/\P{L}+/gu, "").length;
  if (letters / visible.length < MIN_LETTER_SHARE) {
    throw new AnalysisError("NOT_TEXT", `Only ${Math.round((100 * letters) / visible.length)}% of the document is letters, so it looks like data (numbers, symbols, an export), not prose. Extract the article text first.`);
  }
}

/** The headline the caller gave is often repeated as the body's first line: drop that copy. */
function dropRepeatedHeadline(body: string, headline: string): string {
  const newline = body.indexOf("\n");
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  if (normalizeForHash(firstLine) !== normalizeForHash(headline)) return body;
  return newline < 0 ? "" : body.slice(newline + 1).replace(/^\s+/, "");
}

function countWords(doc: ReturnType<typeof readDoc>): number {
  return (doc.tokens().out(its().type) as string[]).filter((type) => type === "word").length;
}

/**
 * A non-English text keeps its sentences (so the page can show it) but no English score:
 * every sentence neutral and descriptive, the stance neutral with confidence 0.
 */
function unscored(sentences: ScoredSentence[], body: string): ScoredText {
  const trimmed = body.trim();
  const start = body.indexOf(trimmed);
  // wink may find no sentence boundary in a script it does not know: the whole text is one.
  const kept = sentences.length ? sentences : [{ index: 0, text: trimmed, start, end: start + trimmed.length, score: 0, evaluative: false, anticipation: 0 }];
  return {
    sentences: kept.map((s) => ({ ...s, score: 0, evaluative: false, anticipation: 0 })),
    stance: { score: 0, label: "neutral", confidence: 0, evaluativeShare: 0 },
  };
}

export function analyzeDocument(input: AnalyzeInput): AnalyzedDocument {
  assertAnalysableText(input.rawText);

  const dated = findDate({
    metadataDate: input.metadataDate,
    text: normalizeCharacters(input.rawText),
    url: input.url,
    cliDate: input.cliDate,
  });
  const warnings = [...dated.warnings];
  if (dated.dateSource === "none") {
    warnings.push("No publication date found in metadata, text, URL or --date: the document is stored as undated.");
  }

  const cleaned = cleanText(dated.rest);
  const given = input.headline?.replace(/\s+/g, " ").trim() || null;
  const { headline, body } = given
    ? { headline: given, body: dropRepeatedHeadline(cleaned.text, given) }
    : splitHeadline(cleaned.text);
  if (body.trim() === "") {
    throw new AnalysisError(
      "TOO_SHORT",
      `Nothing is left to analyse after removing ${cleaned.removedBoilerplate} boilerplate line(s), ${cleaned.removedRepeats} repeated paragraph(s) and the headline. Check the extraction: it may have kept only site chrome.`,
    );
  }

  // Parse once: the scorer and the keyphrase extractor share the same wink document.
  const doc = readDoc(body);
  const { language } = detectLanguage(body);
  const english = language === "en";
  const wordCount = english ? countWords(doc) : countWordsAnyScript(body);
  const scored = english ? scoreDocument(doc, body) : unscored(scoreDocument(doc, body).sentences, body);
  if (!english) {
    warnings.push(`Written in ${languageName(language)}: stored with its language but not scored, because the sentiment model reads English only (stance neutral, confidence 0).`);
  }
  if (wordCount === 0 || scored.sentences.length === 0) {
    throw new AnalysisError("TOO_SHORT", "The document has no sentences with words after cleaning. Check the extraction, or skip the item.");
  }

  const kind = input.kind
    ? { kind: input.kind, inferred: false, reason: "given by the caller" }
    : inferKind(body, headline);
  const givenRelease = input.releaseDate?.trim() || null;
  const releaseDate = givenRelease && isIsoDay(givenRelease) ? givenRelease : null;
  if (givenRelease && !releaseDate) {
    warnings.push(`Release date "${givenRelease}" is not a real day written YYYY-MM-DD; the phase was inferred from the text instead.`);
  }
  const phase = decidePhase({
    publishedAt: dated.publishedAt,
    releaseDate,
    text: headline ? `${headline}\n${body}` : body,
  });

  const themes = analyzeThemes({ doc, text: body, sentences: scored.sentences, headline, publishedAt: dated.publishedAt, english });

  return {
    text: body,
    headline,
    contentHash: contentHash(body),
    removedBoilerplate: cleaned.removedBoilerplate,
    removedRepeats: cleaned.removedRepeats,
    publishedAt: dated.publishedAt,
    dateSource: dated.dateSource,
    warnings,
    kind: kind.kind,
    kindInferred: kind.inferred,
    kindReason: kind.reason,
    phase: phase.phase,
    phaseInferred: phase.inferred,
    phaseReason: phase.reason,
    sentences: themes.sentences,
    stance: scored.stance,
    keyphrases: english ? extractKeyphrases(doc) : [],
    wordCount,
    language,
    people: themes.people,
    claims: themes.claims,
    minhash: themes.minhash,
  };
}
