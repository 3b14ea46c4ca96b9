import { getDb } from "../db/client";
import { type DaySignals, type EventKindKey, detectEvents } from "../timeline/events";
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
 * kind, and of reviews: the title_event_stats rollup; copies and non-English documents left out).
 * A detected event on the same day as a stored one with the same label is shown once, as stored.
 */
export async function getTitleEvents(slug: string): Promise<TitleEventRow[]> {
  const db = await getDb();
  const stored = await db.titleEvent.findMany({
    where: { title: { slug } },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    select: { day: true, label: true, origin: true },
  });
  const rows = await db.$queryRaw<{ day: string; event: string; documents: unknown }[]>`
    select to_char(st.day, 'YYYY-MM-DD') as day, st.event, st.documents
      from title_event_stats st join titles t on t.id = st.title_id
     where t.slug = ${slug}
     order by st.day`;
  const byDay = new Map<string, DaySignals>();
  for (const r of rows) {
    const day = byDay.get(r.day) ?? { day: r.day, signals: {} };
    day.signals[r.event as EventKindKey] = toNumber(r.documents);
    byDay.set(r.day, day);
  }
  const days = [...byDay.values()];
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
