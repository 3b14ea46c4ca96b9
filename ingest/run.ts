// An ingest run: sources → analysis → one transaction per document, with counts and per-item
// errors recorded on the IngestRun row as it goes. Presentation (progress bar, table, JSON) is the
// caller's; this module only reports events.
//
// Counting is tied to commits: an item counts as stored only once its transaction committed. A
// database that drops mid-run (a restart) is retried with backoff (lib/db/retry); a store whose
// commit got through but whose answer was lost is recognised on the retry by its content hash and
// this run's id, so it is counted once. If the database does not come back, the run ends as
// failed with what was really stored.
import { analyzeDocument } from "../lib/analysis/analyze";
import type { DocumentKind } from "../lib/analysis/types";
import { DEFAULT_RETRY, DatabaseUnavailableError, type RetryPolicy, describeDbError, isConnectionError, withDbRetry } from "../lib/db/retry";
import { markFeedItemSeen } from "../lib/store/feedItems";
import { finishIngestRun, type ItemError, type RunCounts, recordRunItem, startIngestRun, updateIngestRun } from "../lib/store/ingestRuns";
import { sourceId } from "../lib/store/sources";
import { storeDocument } from "../lib/store/storeDocument";
import { findOrCreateTitle, listTitles, type TitleRecord, titlesMentioned } from "../lib/store/titles";
import type { FieldMap } from "./sources/csv";
import { type FeedItemKeys, type RawDocument, readSources } from "./sources/index";
import type { FetchLimits } from "./sources/url";

export interface IngestOptions {
  targets: string[];
  title?: string;
  kind?: DocumentKind;
  date?: string;
  source?: string;
  /** Column mapping for JSON, JSONL and CSV records. */
  map?: FieldMap;
  /** Fetch limits for URLs and feeds (timeout, size, redirects); defaults in sources/url.ts. */
  limits?: FetchLimits;
  /** How a lost database connection is retried; defaults in lib/db/retry.ts. */
  retry?: RetryPolicy;
  /** Hears how many more items to expect (for a progress bar); see sources/index.ts. */
  onExpected?: (more: number) => void;
  /** Recorded on the run: who or what started it ("cli", "demo", …). */
  startedBy: string;
  request: string;
}

export type ItemOutcome =
  | {
      item: string;
      status: "stored" | "duplicate";
      documentId: number;
      title: string;
      /** ISO 639-1; anything but "en" was stored unscored. */
      language: string;
      publishedAt: string | null;
      /** How the date was known: "article:published_time", "feed pubDate", "text", "url", "cli", "none"… */
      dateFrom: string;
      /** Warnings and remarks (non-English, undated, unreadable date tags). */
      notes: string[];
    }
  | { item: string; status: "failed"; error: string };

/** Something the user should read that is not an item's error (feed entries skipped, a retry, a language). */
export interface ItemNote {
  item: string;
  note: string;
}

export interface IngestReport extends RunCounts {
  run: number;
  status: "succeeded" | "partial" | "failed";
  errors: ItemError[];
  notes: ItemNote[];
  elapsedMs: number;
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/** The titles a run knows: registered ones (to find in the text) and named ones already looked up. */
interface RunTitles {
  known: TitleRecord[];
  /** By lower-cased name: a 10,000-row export naming one film is one lookup, not 10,000. */
  named: Map<string, TitleRecord>;
}

async function identifyTitle(doc: RawDocument, options: IngestOptions, titles: RunTitles): Promise<TitleRecord> {
  const named = doc.title ?? options.title;
  if (named) {
    const key = named.trim().toLowerCase();
    const title = titles.named.get(key) ?? (await findOrCreateTitle(named));
    titles.named.set(key, title);
    return title;
  }
  const [best] = titlesMentioned(titles.known, `${doc.headline ?? ""}\n${doc.text}`);
  if (best) return best;
  throw new Error("could not tell which title this is about: pass --title NAME, add a \"title\" field, or register the title first (npm run titles -- add NAME)");
}

export async function runIngest(
  options: IngestOptions,
  onItem: (outcome: ItemOutcome, counts: RunCounts) => void = () => undefined,
  onNote: (note: ItemNote) => void = () => undefined,
): Promise<IngestReport> {
  const started = Date.now();
  const policy = options.retry ?? DEFAULT_RETRY;
  const counts: RunCounts = { seen: 0, stored: 0, duplicates: 0, failed: 0 };
  const errors: ItemError[] = [];
  const notes: ItemNote[] = [];
  const note = (n: ItemNote) => {
    notes.push(n);
    onNote(n);
  };
  const retried = <T>(what: string, work: () => Promise<T>) =>
    withDbRetry(work, policy, (attempt, error, delayMs) =>
      note({ item: what, note: `database connection lost (${describeDbError(error)}); retrying in ${delayMs / 1000} s (try ${attempt + 1} of ${policy.attempts})` }),
    );

  const run = await retried("(run)", () => startIngestRun(options.request, options.startedBy));
  const titles: RunTitles = { known: await retried("(run)", () => listTitles()), named: new Map() };
  // Documents this run counted as stored, to tell its own lost-acknowledgement commits from true duplicates.
  const storedIds = new Set<number>();

  const record = async (outcome: ItemOutcome) => {
    // Counted first: the outcome is already committed (or final), whatever happens to the log row.
    counts.seen++;
    if (outcome.status === "failed") {
      counts.failed++;
      errors.push({ item: outcome.item, error: outcome.error });
    } else {
      if (outcome.status === "stored") counts.stored++;
      else counts.duplicates++;
      for (const n of outcome.notes) note({ item: outcome.item, note: n });
    }
    onItem(outcome, counts);
    await retried(outcome.item, () =>
      recordRunItem(run, outcome.status === "failed" ? { item: outcome.item, status: "failed", error: outcome.error } : { item: outcome.item, status: outcome.status, documentId: outcome.documentId }),
    );
  };

  try {
    for await (const source of readSources(options.targets, { map: options.map, limits: options.limits, retry: policy, onExpected: options.onExpected })) {
      if ("note" in source) {
        note({ item: source.item, note: source.note });
        continue;
      }
      if ("error" in source) {
        await record({ item: source.item, status: "failed", error: source.error });
      } else {
        const outcome = await retried(source.item, () => ingestOne(source.item, source.doc, source.feedItem, options, titles, run, storedIds));
        if (outcome.status === "stored") storedIds.add(outcome.documentId);
        await record(outcome);
      }
      await retried("(run)", () => updateIngestRun(run, counts, errors));
    }
  } catch (error) {
    let message = (error as Error).message;
    if (error instanceof DatabaseUnavailableError) {
      message += `. ${counts.stored} document(s) of this run were committed before that; run the same command again to store the rest (what is stored is skipped)`;
    }
    const status = await finishIngestRun(run, counts, errors, message).catch(() => "failed" as const);
    return { run, status, ...counts, errors: [...errors, { item: "(run)", error: message }], notes, elapsedMs: Date.now() - started };
  }
  const status = await retried("(run)", () => finishIngestRun(run, counts, errors)).catch(() => "failed" as const);
  return { run, status, ...counts, errors, notes, elapsedMs: Date.now() - started };
}

async function ingestOne(
  item: string,
  doc: RawDocument,
  feedItem: FeedItemKeys | undefined,
  options: IngestOptions,
  titles: RunTitles,
  run: number,
  storedIds: Set<number>,
): Promise<ItemOutcome> {
  try {
    const title = await identifyTitle(doc, options, titles);
    const analyzed = analyzeDocument({
      rawText: doc.text,
      headline: doc.headline,
      metadataDate: doc.metadataDate,
      url: doc.url,
      cliDate: options.date,
      kind: doc.kind ?? options.kind,
      releaseDate: title.releaseDate,
    });
    const sourceName = doc.source ?? options.source ?? hostOf(doc.url);
    const result = await storeDocument(analyzed, {
      titleId: title.id,
      sourceId: sourceName ? await sourceId(sourceName) : null,
      ingestRunId: run,
      url: doc.url ?? null,
      feedItem: feedItem ?? null,
    });
    let status = result.status;
    if (result.status === "duplicate") {
      // Written by this run but not counted: our own commit, whose answer a dropped connection lost.
      if (result.ingestRunId === run && !storedIds.has(result.documentId)) status = "stored";
      else if (feedItem) await markFeedItemSeen(null, feedItem.feedId, feedItem.keys, result.documentId);
    }
    return {
      item,
      status,
      documentId: result.documentId,
      title: title.name,
      language: analyzed.language,
      publishedAt: analyzed.publishedAt,
      dateFrom: analyzed.dateSource === "metadata" ? (doc.dateFrom ?? "metadata") : analyzed.dateSource,
      notes: [...(doc.notes ?? []), ...analyzed.warnings],
    };
  } catch (error) {
    // A lost connection is the caller's to retry; anything else is this item's own problem.
    if (isConnectionError(error)) throw error;
    return { item, status: "failed", error: (error as Error).message };
  }
}
