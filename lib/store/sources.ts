import { getDb } from "../db/client";

const cache = new Map<string, number>();

/** The id of the named source (an outlet or feed), registering it on first sight. */
export async function sourceId(name: string): Promise<number> {
  const key = name.trim();
  const hit = cache.get(key);
  if (hit) return hit;
  const db = await getDb();
  const row = await db.source.upsert({ where: { name: key }, update: {}, create: { name: key } });
  cache.set(key, row.id);
  return row.id;
}
