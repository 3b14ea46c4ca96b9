// Every kind of source in one stream of items, in the order given: http(s) URLs (a feed or an
// article page, told apart by content type and, for mislabelled feeds, by the root element) and
// files or folders (files.ts: text, Markdown, HTML, JSON, JSONL, CSV).
import { createReadStream } from "node:fs";
import path from "node:path";
import { DEFAULT_RETRY, type RetryPolicy } from "../../lib/db/retry";
import type { FieldMap } from "./csv";
import { isXmlType, looksLikeFeed, readFeed } from "./feed";
import { type SourceItem, expand, readSources as readFileSources } from "./files";
import { DEFAULT_FETCH_LIMITS, FEED_OR_PAGE_ACCEPT, type FetchLimits, fetchResource, pageFromResource } from "./url";

export type { FeedItemKeys, RawDocument, SourceItem } from "./files";

export interface SourceOptions {
  /** Column mapping for JSON, JSONL and CSV records (`--map text=body,date=published`). */
  map?: FieldMap;
  limits?: FetchLimits;
  /** How feed bookkeeping rides out a database restart. */
  retry?: RetryPolicy;
  /**
   * Hears how many more items to expect, for a progress bar: each file counts its lines or 1,
   * each URL 1, and a feed corrects that to its number of new entries once read.
   */
  onExpected?: (more: number) => void;
}

export function isUrlTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

async function* readUrl(target: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  const limits = options.limits ?? DEFAULT_FETCH_LIMITS;
  let resource;
  try {
    resource = await fetchResource(target, limits, FEED_OR_PAGE_ACCEPT);
  } catch (error) {
    yield { item: target, error: (error as Error).message };
    return;
  }
  if (looksLikeFeed(resource)) {
    yield* readFeed(target, resource, { limits, retry: options.retry ?? DEFAULT_RETRY, onEntries: (fresh) => options.onExpected?.(fresh - 1) });
    return;
  }
  try {
    yield { item: target, doc: pageFromResource(resource) };
  } catch (error) {
    const message = (error as Error).message;
    // XML that is neither RSS nor Atom: say so rather than only "not an HTML page".
    yield { item: target, error: isXmlType(resource.mediaType) ? `${message}: XML, but not an RSS or Atom feed` : message };
  }
}

/** Non-empty lines of a file, read as bytes (a cheap first pass, only made for a progress bar). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let filled = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) {
        if (filled) lines++;
        filled = false;
      } else if (byte !== 13 && byte !== 32) filled = true;
    }
  }
  return lines + (filled ? 1 : 0);
}

async function expectedItems(target: string): Promise<number> {
  if (isUrlTarget(target)) return 1;
  let total = 0;
  for (const file of await expand(target).catch(() => [target])) {
    const ext = path.extname(file).toLowerCase();
    const lines = ext === ".jsonl" || ext === ".csv" ? await countLines(file).catch(() => 1) : 1;
    total += ext === ".csv" ? Math.max(lines - 1, 1) : Math.max(lines, 1);
  }
  return total;
}

/** Every item of every target: URLs fetched, feeds expanded to their new entries, folders walked. */
export async function* readSources(targets: string[], options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  if (options.onExpected) {
    let total = 0;
    for (const target of targets) total += await expectedItems(target);
    options.onExpected(total);
  }
  let files: string[] = [];
  // Consecutive file targets go to files.ts together, so its order and messages stay as they were.
  const flushFiles = async function* () {
    if (files.length) yield* readFileSources(files, { map: options.map });
    files = [];
  };
  for (const target of targets) {
    if (!isUrlTarget(target)) {
      files.push(target);
      continue;
    }
    yield* flushFiles();
    yield* readUrl(target, options);
  }
  yield* flushFiles();
}
