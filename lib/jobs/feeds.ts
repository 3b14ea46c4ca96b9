// Feeds polled on a schedule: register, list, remove, and the "is it due?" rule the worker's
// scheduler and its poll jobs share. Items already seen are skipped by the ingest itself
// (feed_items and content hashes), so polling too often wastes work but never doubles data.
import { getDb, getPool } from "../db/client";
import { findOrCreateTitle } from "../store/titles";

export { formatEvery, parseEvery } from "./requests";

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  /** 0: not polled on a schedule (met by a one-off ingest). */
  everyMinutes: number;
  /** ISO timestamps. */
  lastPolledAt: string | null;
  /** Null when not scheduled. */
  nextPollAt: string | null;
  lastError: string | null;
  createdAt: string;
}

// A feed is due once its interval has passed since its last poll. The scheduler ticks once a
// minute, so 30 s of slack keeps a "every 30m" feed from slipping to 31 minutes each time.
// every_minutes = 0 is a feed met by a one-off ingest (lib/store/feedItems): known, never polled.
const DUE = `(f.every_minutes > 0 and (f.last_polled_at is null or f.last_polled_at + make_interval(mins => f.every_minutes) <= now() + interval '30 seconds'))`;

interface FeedSqlRow {
  id: number;
  url: string;
  title: string | null;
  every_minutes: number;
  last_polled_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

const SELECT_FEED = `select f.id, f.url, t.name as title, f.every_minutes, f.last_polled_at, f.last_error, f.created_at
  from feeds f left join titles t on t.id = f.title_id`;

function toRow(r: FeedSqlRow): FeedRow {
  const next = r.every_minutes <= 0 ? null : r.last_polled_at ? new Date(r.last_polled_at.getTime() + r.every_minutes * 60_000) : r.created_at;
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    everyMinutes: r.every_minutes,
    lastPolledAt: r.last_polled_at?.toISOString() ?? null,
    nextPollAt: next?.toISOString() ?? null,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
  };
}

/** Registers a feed, or updates the interval and title of one already registered. */
export async function addFeed(input: { url: string; title?: string; everyMinutes: number }): Promise<{ feed: FeedRow; created: boolean }> {
  const db = await getDb();
  const titleId = input.title ? (await findOrCreateTitle(input.title)).id : null;
  const existing = await db.feed.findUnique({ where: { url: input.url }, select: { id: true } });
  const saved = await db.feed.upsert({
    where: { url: input.url },
    create: { url: input.url, titleId, everyMinutes: input.everyMinutes },
    update: { everyMinutes: input.everyMinutes, ...(titleId !== null && { titleId }) },
  });
  return { feed: (await getFeed(saved.id))!, created: !existing };
}

export async function getFeed(id: number): Promise<FeedRow | null> {
  const pool = await getPool();
  const { rows } = await pool.query<FeedSqlRow>(`${SELECT_FEED} where f.id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function listFeeds(): Promise<FeedRow[]> {
  const pool = await getPool();
  const { rows } = await pool.query<FeedSqlRow>(`${SELECT_FEED} order by f.every_minutes = 0, f.url`);
  return rows.map(toRow);
}

/** Removes a feed (and its seen-items list); false when no feed has that URL. */
export async function removeFeed(url: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.feed.deleteMany({ where: { url } });
  return count > 0;
}

/** Ids of the feeds whose interval has passed (never polled counts as due). */
export async function dueFeedIds(): Promise<number[]> {
  const pool = await getPool();
  const { rows } = await pool.query<{ id: number }>(`select f.id from feeds f where ${DUE} order by f.last_polled_at nulls first, f.id`);
  return rows.map((r) => r.id);
}

/**
 * Marks a due feed as being polled now and returns it; null when it is not due (another worker
 * polled it a moment ago, or a queued poll went stale) or was removed. One UPDATE, so two workers
 * can never both claim the same poll.
 */
export async function claimFeedPoll(id: number): Promise<FeedRow | null> {
  const pool = await getPool();
  const { rows } = await pool.query<{ id: number }>(`update feeds f set last_polled_at = now() where f.id = $1 and ${DUE} returning f.id`, [id]);
  return rows[0] ? getFeed(id) : null;
}

/** The outcome of a poll, shown on /jobs and by `npm run feeds -- list`. */
export async function recordFeedPoll(id: number, error: string | null): Promise<void> {
  const db = await getDb();
  await db.feed.updateMany({ where: { id }, data: { lastError: error?.slice(0, 2000) ?? null } });
}
