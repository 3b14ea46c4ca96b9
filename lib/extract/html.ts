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
  canonicalUrl: string | null;
  siteName: string | null;
  author: string | null;
}

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
  const metadataDate =
    meta(document, 'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]') ??
    jsonLdDate(document) ??
    document.querySelector("time[datetime]")?.getAttribute("datetime")?.trim() ??
    null;
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
    canonicalUrl: canonicalUrl ?? null,
    siteName: siteName ?? article?.siteName ?? null,
    author: author ?? article?.byline ?? null,
  };
}
