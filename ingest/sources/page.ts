// An extracted HTML page as a raw document: the same rules whether it came from a file or a URL.
import { parseLooseDate } from "../../lib/analysis/dates";
import type { ExtractedPage } from "../../lib/extract/html";
import type { RawDocument } from "./files";

/** An absolute http(s) URL, resolving a relative canonical link against the page's own URL. */
function absoluteUrl(href: string | null, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The page's first date that parses wins (article:published_time, other date tags, JSON-LD,
 * <time>); a tag that does not parse is named in the notes instead of silently skipped. When
 * none parses, the first is passed on so the analysis reports it and falls back to the text and URL.
 */
export function fromPage(page: ExtractedPage, fetchedUrl?: string): RawDocument {
  const notes: string[] = [];
  let metadataDate: string | null = null;
  let dateFrom: string | null = null;
  for (const candidate of page.dateCandidates) {
    if (parseLooseDate(candidate.value)) {
      metadataDate = candidate.value;
      dateFrom = candidate.from;
      break;
    }
    notes.push(`${candidate.from} "${candidate.value.slice(0, 60)}" is not a date it can read; tried the next source`);
  }
  if (!metadataDate && page.dateCandidates.length) {
    metadataDate = page.dateCandidates[0].value;
    notes.length = 0;
  }
  // The canonical URL names the article however it was reached (tracking parameters, AMP copies).
  const url = absoluteUrl(page.canonicalUrl, fetchedUrl) ?? fetchedUrl ?? null;
  return { text: page.text, headline: page.headline, metadataDate, dateFrom, url, source: page.siteName, notes };
}
