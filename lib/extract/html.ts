// HTML to main text and metadata. Mozilla's Readability (the Firefox reader view) finds the
// article; linkedom gives it a fast DOM without running any script. Paragraph breaks are kept,
// because cleaning and sentence splitting work on paragraphs.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface ExtractedPage {
  headline: string | null;
  text: string;
  /** Raw date string from page metadata (article:published_time, JSON-LD, <time>), if any. */
  metadataDate: string | null;
  /** Every date the page states, most trusted first; `metadataDate` is the first. */
  dateCandidates: DateCandidate[];
  canonicalUrl: string | null;
  siteName: string | null;
  author: string | null;
}

/** A publication date as the page writes it, and where it was found ("article:published_time"). */
export interface DateCandidate {
  from: string;
  value: string;
}

// Open Graph's article:published_time is the publisher's own statement, then other date tags.
const DATE_META: [selector: string, from: string][] = [
  ['meta[property="article:published_time"]', "article:published_time"],
  ['meta[name="article:published_time"]', "article:published_time"],
  ['meta[itemprop="datePublished"]', "itemprop datePublished"],
  ['meta[name="date"]', 'meta name="date"'],
  ['meta[name="pubdate"]', 'meta name="pubdate"'],
];

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td";

function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    // Nested blocks (a <p> inside <li>) are read once, at the innermost level.
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) parts.push(el.tagName === "LI" ? `• ${text}` : text);
  }
  return parts.join("\n\n");
}

function meta(document: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
}

function jsonLdDate(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? "");
      const nodes: unknown[] = Array.isArray(data) ? data : Array.isArray(data?.["@graph"]) ? data["@graph"] : [data];
      for (const node of nodes) {
        const date = (node as { datePublished?: unknown })?.datePublished;
        if (typeof date === "string" && date.trim()) return date.trim();
      }
    } catch {
      // Malformed JSON-LD is common on real pages; the other date sources still apply.
    }
  }
  return null;
}

export function extractHtml(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  const dateCandidates: DateCandidate[] = [];
  for (const [selector, from] of DATE_META) {
    const value = meta(document, selector);
    if (value) dateCandidates.push({ from, value });
  }
  const ld = jsonLdDate(document);
  if (ld) dateCandidates.push({ from: "JSON-LD datePublished", value: ld });
  const time = document.querySelector("time[datetime]")?.getAttribute("datetime")?.trim();
  if (time) dateCandidates.push({ from: "<time datetime>", value: time });
  const metadataDate = dateCandidates[0]?.value ?? null;
  const canonicalUrl = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || meta(document, 'meta[property="og:url"]');
  const siteName = meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const ogTitle = meta(document, 'meta[property="og:title"]');
  const author = meta(document, 'meta[name="author"]', 'meta[property="article:author"]');

  // Readability mutates the DOM it reads, so metadata is taken first.
  const article = new Readability(document as unknown as Document).parse();
  const text = article?.content ? blockText(article.content) : blockText(document.body?.innerHTML ?? "");
  return {
    headline: (ogTitle ?? article?.title ?? document.querySelector("title")?.textContent ?? "").trim() || null,
    text,
    metadataDate,
    dateCandidates,
    canonicalUrl: canonicalUrl ?? null,
    siteName: siteName ?? article?.siteName ?? null,
    author: author ?? article?.byline ?? null,
  };
}
