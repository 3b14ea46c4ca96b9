// IngestRun rows: what a run was asked to do, its counts and per-item errors. Counts, errors and
// item rows are written as the run goes, in batches (lib/store/runLog.ts), so /jobs shows
// progress and a killed run still shows how far it got.
import { getDb, getPool } from "../db/client";

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

export type RunEndStatus = "succeeded" | "partial" | "failed" | "stopped";

export async function startIngestRun(request: string, startedBy: string): Promise<number> {
  const db = await getDb();
  const run = await db.ingestRun.create({ data: { request, startedBy } });
  return run.id;
}

/** How a run ended, from its counts: `fatal` ended it early, `stopped` it was asked to stop. */
export function runEndStatus(counts: RunCounts, fatal?: string, stopped = false): RunEndStatus {
  return fatal || (counts.failed > 0 && counts.stored + counts.duplicates === 0) ? "failed" : stopped ? "stopped" : counts.failed > 0 ? "partial" : "succeeded";
}

/**
 * Closes the run with its final counts. Item errors are already on the row (appended by each
 * run-log flush, so flush first); `fatal` is appended as the "(run)" error.
 * `stopped`: the run was asked to stop (SIGTERM, Ctrl-C) and finished its current document first.
 */
export async function finishIngestRun(id: number, counts: RunCounts, fatal?: string, stopped = false): Promise<RunEndStatus> {
  const status = runEndStatus(counts, fatal, stopped);
  const pool = await getPool();
  // finished_at is "timestamp without time zone" holding UTC, as Prisma writes it: the ISO string's "Z" is ignored.
  await pool.query(
    `update ingest_runs set status = $2::"RunStatus", finished_at = $3::timestamp, seen = $4, stored = $5, duplicates = $6, failed = $7,
            errors = errors || $8::jsonb
      where id = $1`,
    [id, status, new Date().toISOString(), counts.seen, counts.stored, counts.duplicates, counts.failed, JSON.stringify(fatal ? [{ item: "(run)", error: fatal }] : [])],
  );
  return status;
}
