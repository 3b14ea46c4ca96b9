import { getDb } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { type DaySignals, EVENT_KINDS, detectEvents } from "../timeline/events";
import { isoDay, toNumber } from "./_convert";

export interface TitleEventRow {
  /** YYYY-MM-DD */
  day: string;
  label: string;
  /** "manual": added with `npm run events -- add`; "detected": found in the coverage (lib/timeline/events.ts). */
  origin: "manual" | "detected";
  /** Detected events: the matching documents in the burst window; null for manual ones. */
  documents: number | null;
  /** Detected events: the rule that fired (EVENT_KINDS key); null for manual ones. */
  kind: string | null;
}

/**
 * A title's timeline events, oldest first: the ones stored in title_events and the ones detected
 * from its coverage (per-day counts of articles whose headline or keyphrases match each event
 * kind, and of reviews, counted in SQL; copies and non-English documents left out). A detected event on the same
 * day as a stored one with the same label is shown once, as stored.
 */
export async function getTitleEvents(slug: string): Promise<TitleEventRow[]> {
  const db = await getDb();
  const stored = await db.titleEvent.findMany({
    where: { title: { slug } },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    select: { day: true, label: true, origin: true },
  });
  const counts = EVENT_KINDS.map((kind) =>
    kind.pattern === null
      ? Prisma.sql`count(*) filter (where d.kind = 'review')::int`
      : Prisma.sql`count(*) filter (where d.kind = 'article' and (d.headline ~* ${kind.pattern} or exists (
          select 1 from document_keyphrases dk join keyphrases k on k.id = dk.keyphrase_id
           where dk.document_id = d.id and k.text ~* ${kind.pattern})))::int`,
  );
  const rows = await db.$queryRaw<{ day: string; counts: unknown[] }[]>`
    select to_char(d.published_at, 'YYYY-MM-DD') as day, array[${Prisma.join(counts)}] as counts
      from documents d join titles t on t.id = d.title_id
     where t.slug = ${slug} and d.published_at is not null and d.duplicate_of_id is null and d.language = 'en'
     group by d.published_at
     order by d.published_at`;
  const days: DaySignals[] = rows.map((r) => ({
    day: r.day,
    signals: Object.fromEntries(EVENT_KINDS.map((k, i) => [k.key, toNumber(r.counts[i])])),
  }));
  const events: TitleEventRow[] = stored.map((e) => ({
    day: isoDay(e.day)!,
    label: e.label,
    origin: e.origin === "detected" ? "detected" : "manual",
    documents: null,
    kind: null,
  }));
  const taken = new Set(events.map((e) => `${e.day}|${e.label.toLowerCase()}`));
  for (const e of detectEvents(days)) {
    if (taken.has(`${e.day}|${e.label.toLowerCase()}`)) continue;
    events.push({ day: e.day, label: e.label, origin: "detected", documents: e.documents, kind: e.kind });
  }
  return events.sort((a, b) => a.day.localeCompare(b.day));
}
