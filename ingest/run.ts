// An ingest run: sources → analysis → one transaction per document, with counts, per-item rows
// and errors recorded on the IngestRun row as it goes (in batches, lib/store/runLog.ts).
// Presentation (progress bar, table, JSON) is the caller's; this module only reports events.
//
// Counting is tied to commits: an item counts as stored only once its transaction committed. A
// database that drops mid-run (a restart) is retried with backoff (lib/db/retry); a store whose
// commit got through but whose answer was lost is recognised on the retry by its content hash and
// this run's id, so it is counted once. If the database does not come back, the run ends as
// failed with what was really stored.
import type { AnalyzeInput, AnalyzedDocument } from "../lib/analysis/analyze";
import type { DocumentKind } from "../lib/analysis/types";
import { DEFAULT_RETRY, DatabaseUnavailableError, type RetryPolicy, describeDbError, isConnectionError, withDbRetry } from "../lib/db/retry";
import { markFeedItemSeen } from "../lib/store/feedItems";
import { finishIngestRun, type ItemError, type RunCounts, startIngestRun } from "../lib/store/ingestRuns";
import { RunLog, saveRunLog } from "../lib/store/runLog";
import { sourceId } from "../lib/store/sources";
import { storeDocument } from "../lib/store/storeDocument";
import { findOrCreateTitle, listTitles, type TitleRecord, titlesMentioned } from "../lib/store/titles";
import type { FieldMap } from "./sources/csv";
import { getAnalysisPool } from "./analysisPool";
import { type FeedItemKeys, type RawDocument, type SourceItem, readSources } from "./sources/index";
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
  /**
   * Aborted (SIGTERM, Ctrl-C): the document being stored is finished, nothing more is started, and
   * the run is recorded as stopped; the next run stores the rest (what is stored is skipped).
   */
  signal?: AbortSignal;
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
  status: "succeeded" | "partial" | "failed" | "stopped";
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
  // Item rows, counts and errors go to the database every ~50 items or ~1 s (lib/store/runLog.ts);
  // a flush is retried like any other write, and is always done before the run is finished.
  const log = new RunLog((batch) => retried("(run)", () => saveRunLog(run, batch)));
  const counts = log.counts;
  const titles: RunTitles = { known: await retried("(run)", () => listTitles()), named: new Map() };
  // Documents this run counted as stored, to tell its own lost-acknowledgement commits from true duplicates.
  const storedIds = new Set<number>();

  const record = async (outcome: ItemOutcome) => {
    // Counted first: the outcome is already committed (or final), whatever happens to the log row.
    log.add(outcome.status === "failed" ? { item: outcome.item, status: "failed", error: outcome.error } : { item: outcome.item, status: outcome.status, documentId: outcome.documentId });
    if (outcome.status === "failed") errors.push({ item: outcome.item, error: outcome.error });
    else for (const n of outcome.notes) note({ item: outcome.item, note: n });
    onItem(outcome, counts);
    await log.flushIfFull();
  };

  // Analysis runs on worker threads (analysisPool.ts) up to `lookahead` items ahead of the store,
  // which stays one item at a time in input order, so counts, errors and notes read as before.
  // Titles are still identified one at a time in input order, so a new title is created once.
  const lookahead = 2 * getAnalysisPool().threads + 2;
  let titleTurn: Promise<unknown> = Promise.resolve();
  const startAnalysis = (doc: RawDocument): (() => Promise<Analysed>) => {
    const begin = (): Promise<Analysed> => {
      const title = titleTurn.then(() => identifyTitle(doc, options, titles));
      titleTurn = title.catch(() => undefined);
      return title.then(async (t) => ({ title: t, analyzed: await getAnalysisPool().analyze(analysisInput(doc, options, t)) }));
    };
    let ahead: Promise<Analysed> | undefined = begin();
    // Awaited (and its error reported) when the item's turn comes; never an unhandled rejection.
    ahead.catch(() => undefined);
    // The first try uses the analysis started ahead; a retry after a lost connection starts again.
    return () => {
      const analysis = ahead ?? begin();
      ahead = undefined;
      return analysis;
    };
  };
  const settle = async ({ source, analysis }: { source: SourceItem; analysis?: () => Promise<Analysed> }) => {
    if ("note" in source) {
      note({ item: source.item, note: source.note });
      return;
    }
    if ("error" in source) {
      await record({ item: source.item, status: "failed", error: source.error });
    } else {
      const outcome = await retried(source.item, () => ingestOne(source.item, source.doc, source.feedItem, options, run, storedIds, analysis!));
      if (outcome.status === "stored") storedIds.add(outcome.documentId);
      await record(outcome);
    }
  };

  try {
    const window: { source: SourceItem; analysis?: () => Promise<Analysed> }[] = [];
    const reading = readSources(options.targets, { map: options.map, limits: options.limits, retry: policy, onExpected: options.onExpected });
    // A source that fails mid-read still lets the items read before it finish, as when nothing was read ahead.
    let readFailure: { error: unknown } | undefined;
    try {
      for (;;) {
        if (options.signal?.aborted) break;
        let next: IteratorResult<SourceItem>;
        try {
          next = await reading.next();
        } catch (error) {
          readFailure = { error };
          break;
        }
        if (next.done) break;
        window.push({ source: next.value, analysis: "doc" in next.value ? startAnalysis(next.value.doc) : undefined });
        while (window.length > lookahead && !options.signal?.aborted) await settle(window.shift()!);
      }
      while (window.length && !options.signal?.aborted) await settle(window.shift()!);
    } finally {
      // Closes the sources (open files, feeds) when the run stops early, as for-await would.
      await reading.return(undefined).catch(() => undefined);
    }
    if (readFailure) throw readFailure.error;
    await log.close();
  } catch (error) {
    let message = (error as Error).message;
    if (error instanceof DatabaseUnavailableError) {
      message += `. ${counts.stored} document(s) of this run were committed before that; run the same command again to store the rest (what is stored is skipped)`;
    }
    // One try each, as the database may be what failed: the items counted so far, then the run.
    await log.close((batch) => saveRunLog(run, batch)).catch(() => undefined);
    const status = await finishIngestRun(run, counts, message).catch(() => "failed" as const);
    return { run, status, ...counts, errors: [...errors, { item: "(run)", error: message }], notes, elapsedMs: Date.now() - started };
  }
  const stopped = options.signal?.aborted === true;
  if (stopped) {
    note({ item: "(run)", note: `stopped (${String(options.signal?.reason ?? "asked to")}) after ${counts.seen} item(s); every stored document is whole. Run the same command again to store the rest (what is stored is skipped)` });
  }
  const status = await retried("(run)", () => finishIngestRun(run, counts, undefined, stopped)).catch(() => "failed" as const);
  return { run, status, ...counts, errors, notes, elapsedMs: Date.now() - started };
}

interface Analysed {
  title: TitleRecord;
  analyzed: AnalyzedDocument;
}

function analysisInput(doc: RawDocument, options: IngestOptions, title: TitleRecord): AnalyzeInput {
  return {
    rawText: doc.text,
    headline: doc.headline,
    metadataDate: doc.metadataDate,
    url: doc.url,
    cliDate: options.date,
    kind: doc.kind ?? options.kind,
    releaseDate: title.releaseDate,
  };
}

async function ingestOne(
  item: string,
  doc: RawDocument,
  feedItem: FeedItemKeys | undefined,
  options: IngestOptions,
  run: number,
  storedIds: Set<number>,
  analysis: () => Promise<Analysed>,
): Promise<ItemOutcome> {
  try {
    const { title, analyzed } = await analysis();
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
