// The shapes that flow out of the analysis layer. Pure data: no framework, no database.

export type DocumentKind = "review" | "article";
export type Phase = "anticipation" | "reception";
export type StanceLabel = "positive" | "mixed" | "negative" | "neutral";
/** How a publication date was learned; `none` means undated (never guessed). */
export type DateSource = "metadata" | "text" | "url" | "cli" | "none";

/** One sentence as the scorer sees it. */
export interface ScoredSentence {
  index: number;
  text: string;
  /** Character offsets into the cleaned text. */
  start: number;
  end: number;
  /** Polarity toward the work, in [-1, 1]. */
  score: number;
  /** True when the sentence judges the work (quality, makers, parts, experience of watching). */
  evaluative: boolean;
  /** Expectation signal in [-1, 1]: excitement (+) or doubt (-), separate from polarity. */
  anticipation: number;
}

export interface Stance {
  score: number;
  label: StanceLabel;
  /** 0..1: how sure the stance is (amount and agreement of evaluative evidence). */
  confidence: number;
  /** Share of sentences that are evaluative, 0..1. */
  evaluativeShare: number;
}

export interface ScoredText {
  sentences: ScoredSentence[];
  stance: Stance;
}

export interface Keyphrase {
  /** Normalised key used to merge spellings and plurals. */
  key: string;
  /** Surface form to display. */
  text: string;
  count: number;
  score: number;
}

/** A scored sentence with the themes found in it (lib/analysis/themes.ts). */
export interface AnalyzedSentence extends ScoredSentence {
  /** Aspect keys from the taxonomy in lib/analysis/aspects.ts, in taxonomy order. */
  aspects: string[];
}
