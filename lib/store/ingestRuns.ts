// IngestRun rows: what a run was asked to do, its counts and per-item errors. Counts are written
// as the run goes, so /jobs shows progress and a killed run still shows how far it got.
import { getDb } from "../db/client";

export interface ItemError {
  item: string;
  error: string;
}

export interface RunCounts {
  seen: number;
  stored: number;
  duplicates: number;
  failed: number;
}

export async function startIngestRun(request: string, startedBy: string): Promise<number> {
  const db = await getDb();
  const run = await db.ingestRun.create({ data: { request, startedBy } });
  return run.id;
}

export async function updateIngestRun(id: number, counts: RunCounts, errors: ItemError[]): Promise<void> {
  const db = await getDb();
  await db.ingestRun.update({ where: { id }, data: { ...counts, errors: errors as object[] } });
}

/** `stopped`: the run was asked to stop (SIGTERM, Ctrl-C) and finished its current document first. */
export async function finishIngestRun(id: number, counts: RunCounts, errors: ItemError[], fatal?: string, stopped = false): Promise<"succeeded" | "partial" | "failed" | "stopped"> {
  const status = fatal || (counts.failed > 0 && counts.stored + counts.duplicates === 0) ? "failed" : stopped ? "stopped" : counts.failed > 0 ? "partial" : "succeeded";
  const db = await getDb();
  const allErrors = fatal ? [...errors, { item: "(run)", error: fatal }] : errors;
  await db.ingestRun.update({ where: { id }, data: { ...counts, errors: allErrors as object[], status, finishedAt: new Date() } });
  return status;
}

/** One item's outcome, kept for /jobs (a run's items and their errors). */
export async function recordRunItem(runId: number, item: { item: string; status: "stored" | "duplicate" | "failed"; documentId?: number | null; error?: string | null }): Promise<void> {
  const db = await getDb();
  await db.ingestRunItem.create({
    data: { runId, item: item.item.slice(0, 2000), status: item.status, documentId: item.documentId ?? null, error: item.error?.slice(0, 2000) ?? null },
  });
}
