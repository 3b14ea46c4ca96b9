// The titles registry: names, slugs, aliases and release dates. Changing a release date re-derives
// the phase of every dated document of the title (and rebuilds its rollups), since phase is
// defined by it.
import { getDb } from "../db/client";
import { inTransaction } from "../db/transaction";
import { fromIsoDay, toIsoDay } from "../calendar";
import { slugify } from "../slug";
import { rederiveFlags } from "./documentFlags";
import { rebuildRollups } from "./rollups";

export interface TitleRecord {
  id: number;
  name: string;
  slug: string;
  aliases: string[];
  releaseDate: string | null;
}

function toRecord(row: { id: number; name: string; slug: string; aliases: string[]; releaseDate: Date | null }): TitleRecord {
  return { ...row, releaseDate: row.releaseDate ? toIsoDay(row.releaseDate) : null };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

export async function listTitles(): Promise<TitleRecord[]> {
  const db = await getDb();
  const rows = await db.title.findMany({ orderBy: { name: "asc" } });
  return rows.map(toRecord);
}

/** A title by slug, name or alias (case-insensitive), or null. */
export async function findTitle(nameOrSlug: string): Promise<TitleRecord | null> {
  const wanted = norm(nameOrSlug);
  const titles = await listTitles();
  const hit =
    titles.find((t) => t.slug === slugify(nameOrSlug)) ??
    titles.find((t) => norm(t.name) === wanted || t.aliases.some((a) => norm(a) === wanted));
  return hit ?? null;
}

/** A longer "title" is a pasted paragraph or a hostile record; the limit also keeps slugs within PostgreSQL's index size. */
export const MAX_TITLE_NAME_CHARS = 200;

function checkTitleName(name: string): void {
  const length = name.trim().length;
  if (length > MAX_TITLE_NAME_CHARS) {
    throw new Error(`the title name is ${length} characters long; at most ${MAX_TITLE_NAME_CHARS} are allowed (check --title or the record's "title" field)`);
  }
}

/** Finds the title, or registers it with an unknown release date. */
export async function findOrCreateTitle(name: string): Promise<TitleRecord> {
  checkTitleName(name);
  const existing = await findTitle(name);
  if (existing) return existing;
  const db = await getDb();
  const slug = slugify(name);
  const row = await db.title.upsert({ where: { slug }, update: {}, create: { name: name.trim(), slug } });
  return toRecord(row);
}

/** Registers a title or updates its release date and aliases. */
export async function saveTitle(input: { name: string; releaseDate?: string | null; aliases?: string[] }): Promise<TitleRecord> {
  checkTitleName(input.name);
  for (const alias of input.aliases ?? []) checkTitleName(alias);
  const db = await getDb();
  const existing = await findTitle(input.name);
  const aliases = [...new Set([...(existing?.aliases ?? []), ...(input.aliases ?? [])].map((a) => a.trim()).filter(Boolean))];
  const releaseDate = input.releaseDate === undefined ? undefined : input.releaseDate ? fromIsoDay(input.releaseDate) : null;
  const row = existing
    ? await db.title.update({ where: { id: existing.id }, data: { aliases, ...(releaseDate !== undefined && { releaseDate }) } })
    : await db.title.create({ data: { name: input.name.trim(), slug: slugify(input.name), aliases, releaseDate: releaseDate ?? null } });
  const saved = toRecord(row);
  if (releaseDate !== undefined && saved.releaseDate !== existing?.releaseDate) await rederivePhases(saved);
  return saved;
}

/** Dated documents take their phase from the release date; undated ones keep their inferred phase. */
async function rederivePhases(title: TitleRecord): Promise<void> {
  await inTransaction(async (client) => {
    if (title.releaseDate) {
      await client.query(
        `update documents set phase = case when published_at < $2::date then 'anticipation'::"Phase" else 'reception'::"Phase" end,
                phase_inferred = false
          where title_id = $1 and published_at is not null`,
        [title.id, title.releaseDate],
      );
    }
    // The rollups are per phase, and "review before release" / "release date disagrees" depend on the date.
    await rebuildRollups(client, title.id);
    await rederiveFlags(client, title.id, title.releaseDate);
  });
}

/** Registered titles whose name or an alias appears in the text, most mentioned first. */
export function titlesMentioned(titles: TitleRecord[], text: string): TitleRecord[] {
  const hay = text.toLowerCase();
  const count = (needle: string) => {
    const n = needle.toLowerCase().trim();
    if (n.length < 3) return 0;
    let hits = 0;
    for (let i = hay.indexOf(n); i !== -1; i = hay.indexOf(n, i + n.length)) hits++;
    return hits;
  };
  return titles
    .map((t) => ({ t, hits: Math.max(count(t.name), ...t.aliases.map(count)) }))
    .filter((x) => x.hits > 0)
    .sort((a, b) => b.hits - a.hits || b.t.name.length - a.t.name.length)
    .map((x) => x.t);
}
