import { getDb } from "../db/client";

const cache = new Map<string, number>();

/** Outlet names are short; a longer one is a hostile or broken record (and would overflow the name index). */
export const MAX_SOURCE_NAME_CHARS = 200;

/** The id of the named source (an outlet or feed), registering it on first sight. */
export async function sourceId(name: string): Promise<number> {
  const key = name.trim();
  if (key.length > MAX_SOURCE_NAME_CHARS) {
    throw new Error(`the source name is ${key.length} characters long; at most ${MAX_SOURCE_NAME_CHARS} are allowed (check --source or the record's "source" field)`);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const db = await getDb();
  const row = await db.source.upsert({ where: { name: key }, update: {}, create: { name: key } });
  cache.set(key, row.id);
  return row.id;
}
