// Plain-text files carry their headline as the first line; HTML and feeds pass it separately.
import { splitLeadingDateMarker } from "./dates";

export interface SplitHeadline {
  headline: string | null;
  body: string;
}

const MAX_HEADLINE_CHARS = 140;
const BULLET = /^\s*(?:[•·▪◦*\-–—>]|\d+[.)])\s/;
// Headlines may ask or exclaim, but a period, or a colon/comma leading into more text, ends prose.
const PROSE_ENDING = /[.,;:…]$/;

function looksLikeTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length === 0) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** Does this first line read as a headline rather than the start of the body? */
export function looksLikeHeadline(line: string, ownParagraph: boolean): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length >= MAX_HEADLINE_CHARS) return false;
  if (PROSE_ENDING.test(trimmed) || BULLET.test(line)) return false;
  if (!/\p{L}/u.test(trimmed) || !/^[\p{Lu}\p{N}"“‘'(]/u.test(trimmed)) return false;
  if (splitLeadingDateMarker(trimmed)) return false;
  // A single line wrapped into the next one is prose, unless it is capitalised like a title.
  return ownParagraph || looksLikeTitleCase(trimmed);
}

/** Take the first line of a plain-text document as its headline when it looks like one. */
export function splitHeadline(text: string): SplitHeadline {
  const trimmed = text.replace(/^\s+/, "");
  const newline = trimmed.indexOf("\n");
  if (newline < 0) return { headline: null, body: text };
  const first = trimmed.slice(0, newline);
  const after = trimmed.slice(newline + 1);
  const ownParagraph = /^[ \t]*\n/.test(after);
  const body = after.replace(/^\s+/, "");
  if (!body || !looksLikeHeadline(first, ownParagraph)) return { headline: null, body: text };
  return { headline: first.trim(), body };
}
