// An ingest run: sources → analysis → one transaction per document, with counts and per-item
// errors recorded on the IngestRun row as it goes. Presentation (progress bar, table, JSON) is the
// caller's; this module only reports events.
import { AnalysisError, analyzeDocument } from "../lib/analysis/analyze";
import type { DocumentKind } from "../lib/analysis/types";
import { finishIngestRun, type ItemError, type RunCounts, recordRunItem, startIngestRun, updateIngestRun } from "../lib/store/ingestRuns";
import { sourceId } from "../lib/store/sources";
import { storeDocument } from "../lib/store/storeDocument";
import { findOrCreateTitle, listTitles, type TitleRecord, titlesMentioned } from "../lib/store/titles";
import { type RawDocument, readSources } from "./sources/files";

export interface IngestOptions {
  targets: string[];
  title?: string;
  kind?: DocumentKind;
  date?: string;
  source?: string;
  /** Recorded on the run: who or what started it ("cli", "demo", …). */
  startedBy: string;
  request: string;
}

export type ItemOutcome =
  | { item: string; status: "stored" | "duplicate"; documentId: number; title: string }
  | { item: string; status: "failed"; error: string };

export interface IngestReport extends RunCounts {
  run: number;
  status: "succeeded" | "partial" | "failed";
  errors: ItemError[];
  elapsedMs: number;
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

async function identifyTitle(doc: RawDocument, options: IngestOptions, known: TitleRecord[]): Promise<TitleRecord> {
  const named = doc.title ?? options.title;
  if (named) return findOrCreateTitle(named);
  const [best] = titlesMentioned(known, `${doc.headline ?? ""}\n${doc.text}`);
  if (best) return best;
  throw new Error("could not tell which title this is about: pass --title NAME, add a \"title\" field, or register the title first (npm run titles -- add NAME)");
}

export async function runIngest(options: IngestOptions, onItem: (outcome: ItemOutcome, counts: RunCounts) => void = () => undefined): Promise<IngestReport> {
  const started = Date.now();
  const run = await startIngestRun(options.request, options.startedBy);
  const counts: RunCounts = { seen: 0, stored: 0, duplicates: 0, failed: 0 };
  const errors: ItemError[] = [];
  const known = await listTitles();

  const record = async (outcome: ItemOutcome) => {
    await recordRunItem(run, outcome.status === "failed" ? { item: outcome.item, status: "failed", error: outcome.error } : { item: outcome.item, status: outcome.status, documentId: outcome.documentId });
    counts.seen++;
    if (outcome.status === "failed") {
      counts.failed++;
      errors.push({ item: outcome.item, error: outcome.error });
    } else if (outcome.status === "stored") counts.stored++;
    else counts.duplicates++;
    onItem(outcome, counts);
  };

  try {
    for await (const source of readSources(options.targets)) {
      if ("error" in source) {
        await record({ item: source.item, status: "failed", error: source.error });
      } else {
        await record(await ingestOne(source.item, source.doc, options, known, run));
      }
      await updateIngestRun(run, counts, errors);
    }
  } catch (error) {
    const message = (error as Error).message;
    const status = await finishIngestRun(run, counts, errors, message).catch(() => "failed" as const);
    return { run, status, ...counts, errors: [...errors, { item: "(run)", error: message }], elapsedMs: Date.now() - started };
  }
  const status = await finishIngestRun(run, counts, errors);
  return { run, status, ...counts, errors, elapsedMs: Date.now() - started };
}

async function ingestOne(item: string, doc: RawDocument, options: IngestOptions, known: TitleRecord[], run: number): Promise<ItemOutcome> {
  try {
    const title = await identifyTitle(doc, options, known);
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
    });
    return { item, status: result.status, documentId: result.documentId, title: title.name };
  } catch (error) {
    if (error instanceof AnalysisError || !isDatabaseError(error)) {
      return { item, status: "failed", error: (error as Error).message };
    }
    throw error;
  }
}

/** Connection-level failures end the run (reported as fatal); per-item problems do not. */
function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return /^(08|57P|53)/.test(code) || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"].includes(code);
}
