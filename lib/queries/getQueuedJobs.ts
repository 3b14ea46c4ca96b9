import { getPool } from "../db/client";

/** A job not yet done: waiting for a worker, waiting to retry, or taken by one (its IngestRun is on its way). */
export interface QueuedJobRow {
  id: string;
  queue: "ingest" | "poll-feed";
  /** What it will ingest: the target, or the feed's URL. */
  target: string;
  startedBy: string;
  state: "created" | "retry" | "active";
  /** ISO timestamps. */
  createdAt: string;
  startAfter: string;
  retryCount: number;
}

/**
 * Read straight from pg-boss's table, so the dashboard can show the queue without starting
 * pg-boss. Empty until pg-boss has created its schema (the first job queued or worker started).
 */
export async function getQueuedJobs(limit = 50): Promise<QueuedJobRow[]> {
  const pool = await getPool();
  const installed = await pool.query<{ t: string | null }>(`select to_regclass('pgboss.job')::text as t`);
  if (!installed.rows[0]?.t) return [];
  const { rows } = await pool.query<{
    id: string;
    name: "ingest" | "poll-feed";
    data: { target?: string; startedBy?: string; feedId?: number } | null;
    feed_url: string | null;
    state: "created" | "retry" | "active";
    created_on: Date;
    start_after: Date;
    retry_count: number;
  }>(
    `select j.id::text, j.name, j.data, f.url as feed_url, j.state::text as state, j.created_on, j.start_after, j.retry_count
       from pgboss.job j
       left join feeds f on j.name = 'poll-feed' and f.id = (j.data->>'feedId')::int
      where j.name in ('ingest', 'poll-feed') and j.state in ('created', 'retry', 'active')
      order by j.created_on, j.id
      limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    queue: r.name,
    target: r.name === "poll-feed" ? (r.feed_url ?? `feed #${r.data?.feedId ?? "?"} (removed)`) : (r.data?.target ?? "?"),
    startedBy: r.name === "poll-feed" ? "schedule" : (r.data?.startedBy ?? "?"),
    state: r.state,
    createdAt: r.created_on.toISOString(),
    startAfter: r.start_after.toISOString(),
    retryCount: r.retry_count,
  }));
}
