// Which language a document is written in. The sentiment model, lexicon and keyphrase grammar are
// English; a Spanish review run through them gives a confident, meaningless score. tinyld is a
// small trigram detector (ISO 639-1 codes). On short text it guesses wildly ("The CGI looks cheap
// and unfinished." → Berber), so below MIN_WORDS the document is taken as English, as before.
import { detect } from "tinyld";

/** Fewer words than this and the detector is not trusted (measured on tests/fixtures, see docs/sources.md). */
export const MIN_WORDS_TO_DETECT = 20;
/** The detector needs a sample, not the whole text: long documents are read from the start. */
const SAMPLE_CHARS = 6000;

export interface DetectedLanguage {
  /** ISO 639-1 code, "en" for English. */
  language: string;
  /** False when the text was too short to tell and English was assumed. */
  detected: boolean;
}

const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

// Intl.Segmenter's time grows with the square of the string's length (measured: 64 k characters
// of mixed scripts 0.8 s, 128 k 13 s), so long text is segmented in pieces cut at whitespace.
const SEGMENT_CHARS = 2000;

/** Words in any script (Intl.Segmenter also splits Chinese and Japanese, which have no spaces). */
export function countWordsAnyScript(text: string): number {
  let n = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SEGMENT_CHARS, text.length);
    if (end < text.length) {
      // Cut after the last whitespace in the second half; failing that, never inside a surrogate pair.
      let cut = end;
      while (cut > start + SEGMENT_CHARS / 2 && !/\s/.test(text[cut - 1])) cut--;
      if (cut > start + SEGMENT_CHARS / 2) end = cut;
      else if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
    }
    for (const segment of wordSegmenter.segment(text.slice(start, end))) if (segment.isWordLike) n++;
    start = end;
  }
  return n;
}

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (countWordsAnyScript(sample) < MIN_WORDS_TO_DETECT) return { language: "en", detected: false };
  const code = detect(sample);
  return code ? { language: code, detected: true } : { language: "en", detected: false };
}

const names = new Intl.DisplayNames(["en"], { type: "language" });

/** "Spanish (es)"; the bare code when the runtime does not know the language. */
export function languageName(code: string): string {
  try {
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
