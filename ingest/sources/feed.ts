// RSS 2.0 and Atom feeds (rss-parser). Each entry not seen before becomes one item: the feed's
// own full text when it carries one (RSS content:encoded, Atom <content>), else the linked page,
// fetched like any URL. Entries are recognised by guid (Atom id) and link, stored in feed_items
// when their document is stored (lib/store/feedItems); an entry that fails is not marked, so the
// next poll tries it again. Identical text reached by another guid is still caught by the
// document's content hash.
import { createHash } from "node:crypto";
import Parser from "rss-parser";
import { extractHtml } from "../../lib/extract/html";
import { parseLooseDate } from "../../lib/analysis/dates";
import { countWordsAnyScript } from "../../lib/analysis/language";
import { type RetryPolicy, withDbRetry } from "../../lib/db/retry";
import { ensureFeed, recordFeedPoll, seenFeedKeys } from "../../lib/store/feedItems";
import type { RawDocument, SourceItem } from "./files";
import { type FetchLimits, type FetchedResource, FetchError, decodeBody, readPage } from "./url";

/** Feed content shorter than this is a teaser, not the article: the link is fetched instead. */
export const FULL_TEXT_MIN_WORDS = 120;

export const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"]);
const XML_TYPES = new Set(["application/xml", "text/xml"]);

/** The name of the document's root element, skipping the XML declaration, comments and doctype. */
function rootElement(head: string): string | null {
  // A byte-order mark, as decoded text or as UTF-8 bytes read as Latin-1.
  const rest = head.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, "").replace(/^(\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, "");
  return /^<([A-Za-z][\w:.-]*)/.exec(rest)?.[1] ?? null;
}

/** Is this response a feed? Its content type says so, or its root element does (servers mislabel feeds as text/xml or text/html). */
export function looksLikeFeed(resource: Pick<FetchedResource, "mediaType" | "body">): boolean {
  if (FEED_TYPES.has(resource.mediaType)) return true;
  const root = rootElement(Buffer.from(resource.body.subarray(0, 4096)).toString("latin1"))?.toLowerCase();
  return root === "rss" || root === "feed" || root === "rdf:rdf";
}

/** True for XML that is not a feed we know, so "not an HTML page (text/xml)" can say more. */
export function isXmlType(mediaType: string): boolean {
  return XML_TYPES.has(mediaType) || mediaType.endsWith("+xml");
}

export interface FeedEntry {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** The date as the feed writes it (pubDate, Atom published/updated). */
  date: string | null;
  /** Full article HTML (content:encoded, Atom content), when the feed carries it. */
  contentHtml: string | null;
  /** Description or Atom summary. */
  summaryHtml: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

type RssItem = Parser.Item & { "content:encoded"?: string; id?: string; summary?: string };

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

/** Parses RSS 2.0 / RSS 1.0 / Atom XML. Throws with the parser's reason when the XML is broken. */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const atom = rootElement(xml.slice(0, 4096))?.toLowerCase() === "feed";
  let feed: Parser.Output<RssItem>;
  try {
    feed = await new Parser<Record<string, unknown>, RssItem>().parseString(xml);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, " ").trim();
    throw new FetchError(`broken XML feed (${reason})`);
  }
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const raw = text(item.pubDate);
    // Keep the date as written (its own day, not shifted to UTC) when we can read it.
    const date = raw && parseLooseDate(raw) ? raw : (text(item.isoDate) ?? raw);
    return {
      guid: text(atom ? item.id : item.guid) ?? text(item.id),
      link: absolute(text(item.link), feedUrl),
      title: text(item.title),
      date,
      contentHtml: atom ? text(item.content) : text(item["content:encoded"]),
      summaryHtml: atom ? text(item.summary) : text(item.content),
    };
  });
  return { title: text(feed.title), entries };
}

/** Keys an entry is remembered by: its guid and its link; a hash of what it says when it has neither. */
export function entryKeys(entry: FeedEntry): string[] {
  const keys = [entry.guid, entry.link].filter((k): k is string => Boolean(k));
  if (keys.length) return [...new Set(keys)];
  const digest = createHash("sha256").update([entry.title, entry.date, entry.contentHtml ?? entry.summaryHtml].join("\u0000")).digest("hex");
  return [`sha256:${digest}`];
}

/** Feed HTML (often a fragment, sometimes bare text) as article text, scripts stripped. */
function fragmentText(html: string, title: string | null): string {
  const body = /<(p|div|h[1-6]|li|blockquote|pre|article|section|table)\b/i.test(html) ? html : `<p>${html}</p>`;
  const escaped = (title ?? "").replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"));
  return extractHtml(`<!doctype html><html><head><title>${escaped}</title></head><body><article>${body}</article></body></html>`).text;
}

export interface FeedReadOptions {
  limits: FetchLimits;
  retry: RetryPolicy;
  /** Hears how many entries will be read (the new ones), for a progress bar. */
  onEntries?: (fresh: number) => void;
}

/** One entry as a document: the feed's full text, or the linked page. */
async function entryDocument(entry: FeedEntry, feedTitle: string | null, limits: FetchLimits): Promise<RawDocument> {
  const fullText = entry.contentHtml ? fragmentText(entry.contentHtml, entry.title) : "";
  const fromFeed = (body: string, notes: string[]): RawDocument => ({
    text: body,
    headline: entry.title,
    metadataDate: entry.date,
    dateFrom: entry.date ? "feed pubDate" : null,
    url: entry.link,
    source: feedTitle,
    notes,
  });
  const words = fullText ? countWordsAnyScript(fullText) : 0;
  if (words >= FULL_TEXT_MIN_WORDS) return fromFeed(fullText, [`full text taken from the feed (${words} words), link not fetched`]);
  if (!entry.link) {
    const summary = fullText || (entry.summaryHtml ? fragmentText(entry.summaryHtml, entry.title) : "");
    if (!summary.trim()) throw new FetchError("feed entry has no text and no link to fetch");
    return fromFeed(summary, ["the feed gives only a summary and no link: stored the summary"]);
  }
  const page = await readPage(entry.link, limits);
  // The page's own date tags are more precise than the feed's; the feed's date fills a gap.
  const pageDate = page.metadataDate && parseLooseDate(page.metadataDate) ? page.metadataDate : null;
  return {
    ...page,
    headline: page.headline ?? entry.title,
    metadataDate: pageDate ?? entry.date ?? page.metadataDate,
    dateFrom: pageDate ? page.dateFrom : entry.date ? "feed pubDate" : null,
    source: page.source ?? feedTitle,
    notes: page.notes ?? [],
  };
}

/** The new entries of an already-fetched feed, as source items. */
export async function* readFeed(feedUrl: string, resource: FetchedResource, options: FeedReadOptions): AsyncGenerator<SourceItem> {
  const feedId = await withDbRetry(() => ensureFeed(feedUrl), options.retry);
  let feed: ParsedFeed;
  try {
    feed = await parseFeed(decodeBody(resource), resource.url);
  } catch (error) {
    const message = (error as Error).message;
    await withDbRetry(() => recordFeedPoll(feedId, message), options.retry);
    yield { item: feedUrl, error: message };
    return;
  }
  const keyed = feed.entries.map((entry) => ({ entry, keys: entryKeys(entry) }));
  const seen = await withDbRetry(() => seenFeedKeys(feedId, keyed.flatMap((k) => k.keys)), options.retry);
  const fresh = keyed.filter(({ keys }) => !keys.some((k) => seen.has(k)));
  const skipped = keyed.length - fresh.length;
  yield { item: feedUrl, note: `feed "${feed.title ?? feedUrl}": ${keyed.length} entries, ${fresh.length} new, ${skipped} already seen (skipped)` };

  options.onEntries?.(fresh.length);
  const thisPoll = new Set<string>();
  for (const { entry, keys } of fresh) {
    // The same entry listed twice in one feed is read once.
    if (keys.some((k) => thisPoll.has(k))) continue;
    keys.forEach((k) => thisPoll.add(k));
    const item = entry.link ?? `${feedUrl} (${keys[0]})`;
    try {
      yield { item, doc: await entryDocument(entry, feed.title, options.limits), feedItem: { feedId, keys } };
    } catch (error) {
      yield { item, error: (error as Error).message };
    }
  }
  await withDbRetry(() => recordFeedPoll(feedId, null), options.retry);
}
