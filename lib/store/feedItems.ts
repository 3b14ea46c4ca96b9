// Feed bookkeeping: which entries of a feed were already handled, by guid and by link, so a poll
// fetches and analyses only new ones. An entry is marked seen in the same transaction as its
// document (see storeDocument), or right after its text turned out to be stored already; an
// entry that failed is never marked, so the next poll tries it again.
import type { Queryable } from "../db/transaction";
import { getDb, getPool } from "../db/client";

/**
 * The id of the feed at `url`, registering it on first sight. A feed first met by a one-off
 * ingest gets `every_minutes = 0`: known, but not polled on a schedule until someone asks.
 */
export async function ensureFeed(url: string): Promise<number> {
  const db = await getDb();
  const feed = await db.feed.upsert({ where: { url }, update: {}, create: { url, everyMinutes: 0 } });
  return feed.id;
}

/** Which of these keys (guids, links) the feed has already handled. */
export async function seenFeedKeys(feedId: number, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const pool = await getPool();
  const { rows } = await pool.query<{ guid: string }>("select guid from feed_items where feed_id = $1 and guid = any($2::text[])", [feedId, keys]);
  return new Set(rows.map((r) => r.guid));
}

/** Marks an entry handled under each of its keys. Idempotent. */
export async function markFeedItemSeen(client: Queryable | null, feedId: number, keys: string[], documentId: number | null): Promise<void> {
  if (!keys.length) return;
  const target = client ?? (await getPool());
  await target.query(
    `insert into feed_items (feed_id, guid, document_id) select $1, k, $3 from unnest($2::text[]) as k
     on conflict (feed_id, guid) do nothing`,
    [feedId, [...new Set(keys)], documentId],
  );
}

/** When the feed was last read, and why it could not be (null: it could). */
export async function recordFeedPoll(feedId: number, error: string | null): Promise<void> {
  const db = await getDb();
  await db.feed.update({ where: { id: feedId }, data: { lastPolledAt: new Date(), lastError: error } });
}
