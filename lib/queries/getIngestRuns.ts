import { getDb } from "../db/client";

export type RunStatus = "running" | "succeeded" | "partial" | "failed" | "stopped";

/** One ingest run as /jobs lists it. Timestamps are ISO strings. */
export interface IngestRunRow {
  id: number;
  status: RunStatus;
  request: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** Null while the run is still going. */
  durationMs: number | null;
  seen: number;
  stored: number;
  duplicates: number;
  failed: number;
}

export const RUN_ROW_SELECT = {
  id: true,
  status: true,
  request: true,
  startedBy: true,
  startedAt: true,
  finishedAt: true,
  seen: true,
  stored: true,
  duplicates: true,
  failed: true,
} as const;

export function toRunRow(r: {
  id: number;
  status: RunStatus;
  request: string;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  seen: number;
  stored: number;
  duplicates: number;
  failed: number;
}): IngestRunRow {
  return {
    ...r,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  };
}

/** The most recent runs, newest first, and how many there are in all. */
export async function getIngestRuns(options: { limit?: number } = {}): Promise<{ rows: IngestRunRow[]; total: number }> {
  const db = await getDb();
  const [rows, total] = await Promise.all([
    db.ingestRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: options.limit ?? 50, select: RUN_ROW_SELECT }),
    db.ingestRun.count(),
  ]);
  return { rows: rows.map(toRunRow), total };
}
