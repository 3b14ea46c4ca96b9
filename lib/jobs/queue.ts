// The job queue: pg-boss on the app's own PostgreSQL (its tables live in the `pgboss` schema,
// which pg-boss creates and upgrades itself). Queueing needs nothing but the database, so the
// dashboard, the CLI and any number of workers on any number of machines share one queue: a job
// is handed to exactly one worker (SELECT … FOR UPDATE SKIP LOCKED).
import PgBoss from "pg-boss";
import type { DocumentKind } from "../analysis/types";
import { getPool } from "../db/client";
import { dueFeedIds } from "./feeds";

export const QUEUES = {
  /** One ingest of a page, feed, file or folder. */
  ingest: "ingest",
  /** One poll of a registered feed; singletonKey = feed id. */
  pollFeed: "poll-feed",
  /** Sent once a minute by pg-boss's cron: queues a poll-feed job for every due feed. */
  feedSchedule: "feed-schedule",
} as const;

export interface IngestJobData {
  target: string;
  title?: string;
  kind?: DocumentKind;
  startedBy: string;
  /** Recorded on the IngestRun, as the CLI records its arguments. */
  request: string;
}

export interface PollFeedJobData {
  feedId: number;
}

/** Longest a job may run before pg-boss considers its worker dead and retries it elsewhere. */
export const JOB_EXPIRE_SECONDS = 60 * 60;

// Ingests are idempotent (content hashes, seen feed items), so a retry after a crash or a lost
// database connection stores only what the first attempt did not.
const RETRY = { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: JOB_EXPIRE_SECONDS };

/**
 * "stately": at most one queued and one active job per feed. Two workers can never poll the same
 * feed at once, and a tick that finds a poll already queued adds nothing.
 */
const QUEUE_OPTIONS: Record<(typeof QUEUES)[keyof typeof QUEUES], Omit<PgBoss.Queue, "name">> = {
  [QUEUES.ingest]: { policy: "standard", ...RETRY },
  [QUEUES.pollFeed]: { policy: "stately", ...RETRY },
  [QUEUES.feedSchedule]: { policy: "standard", retryLimit: 0, expireInSeconds: 5 * 60 },
};

export type QueueRole =
  /** Sends jobs only (dashboard, CLI, tests). */
  | "client"
  /** Also runs pg-boss's maintenance and cron (the worker). */
  | "worker";

/** A started pg-boss on the shared pool, with every Hypeline queue created. */
export async function startQueue(role: QueueRole, onError: (error: Error) => void = () => undefined): Promise<PgBoss> {
  const pool = await getPool();
  const boss = new PgBoss({
    // The app's pool: no second set of connections, and closeDb() stays the one place to end it.
    db: { executeSql: (text, values) => pool.query(text, values) },
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: true,
    pollingIntervalSeconds: 2,
  });
  // Without a listener an "error" event would crash the process: pg-boss reports transient
  // failures (a lost connection during a poll) this way and keeps going.
  boss.on("error", onError);
  // Creating a queue attaches a partition to pgboss.job, and two processes doing that at once
  // (workers started together on a new database) deadlock: one process at a time, and only the
  // queues still missing. pg-boss's start creates its own cron queue, so it goes inside too.
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('hypeline:pgboss-setup'))");
    await boss.start();
    for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
    }
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('hypeline:pgboss-setup'))").catch(() => undefined);
    client.release();
  }
  return boss;
}

// The sending side is one per process, kept across Next.js dev reloads like the database pool.
const globalForQueue = globalThis as unknown as { hypelineQueue?: Promise<PgBoss> };

export function getQueue(): Promise<PgBoss> {
  globalForQueue.hypelineQueue ??= startQueue("client", (error) => console.error(`[queue] ${error.message}`)).catch((error) => {
    globalForQueue.hypelineQueue = undefined;
    throw error;
  });
  return globalForQueue.hypelineQueue;
}

/** Stops the sending side (before closeDb(): it uses the shared pool). */
export async function stopQueue(): Promise<void> {
  const pending = globalForQueue.hypelineQueue;
  globalForQueue.hypelineQueue = undefined;
  const boss = await pending?.catch(() => undefined);
  await boss?.stop({ graceful: false, close: false });
}

export interface QueuedIngest {
  jobId: string;
  request: string;
}

/** "ingest https://… --title Ballerina --kind review": what the run will record as its request. */
export function describeIngest(input: { target: string; title?: string; kind?: DocumentKind }): string {
  const parts = ["ingest", input.target];
  if (input.title) parts.push("--title", JSON.stringify(input.title));
  if (input.kind) parts.push("--kind", input.kind);
  return parts.join(" ");
}

/** Queues an ingest of a page, feed, file or folder; a worker runs it as an IngestRun. */
export async function queueIngest(input: { target: string; title?: string; kind?: DocumentKind; startedBy: string }): Promise<QueuedIngest> {
  const boss = await getQueue();
  const data: IngestJobData = { ...input, request: describeIngest(input) };
  const jobId = await boss.send(QUEUES.ingest, data, RETRY);
  if (!jobId) throw new Error("the queue refused the job (pg-boss returned no id)");
  return { jobId, request: data.request };
}

/** Queues a poll of every due feed; a feed whose poll is already queued is skipped. Returns how many were queued. */
export async function queueDueFeedPolls(boss: PgBoss): Promise<number> {
  let queued = 0;
  for (const feedId of await dueFeedIds()) {
    const data: PollFeedJobData = { feedId };
    if (await boss.send(QUEUES.pollFeed, data, { ...RETRY, singletonKey: String(feedId) })) queued++;
  }
  return queued;
}
