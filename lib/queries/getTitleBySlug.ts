import { getDb } from "../db/client";
import { isoDay } from "./_convert";

export interface TitleRow {
  id: number;
  name: string;
  slug: string;
  aliases: string[];
  /** YYYY-MM-DD, or null while no release date is registered. */
  releaseDate: string | null;
}

export async function getTitleBySlug(slug: string): Promise<TitleRow | null> {
  const db = await getDb();
  const title = await db.title.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, aliases: true, releaseDate: true },
  });
  if (!title) return null;
  return { ...title, releaseDate: isoDay(title.releaseDate) };
}
