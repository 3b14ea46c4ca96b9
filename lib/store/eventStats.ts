// The per title/day/event-kind rollup behind detected timeline events: how many English original
// documents signal each kind each day (documents.event_signals, found once when a document is
// stored). Kept in the same transaction as each document; copies never add to it.
import type { Queryable } from "../db/transaction";
import type { CteWrite } from "./cteWrites";

/** Adds one dated document's event signals to its title's rollup (a write for lib/store/rollups.ts). */
export function eventStatsWrite(titleId: number, day: string, events: readonly string[]): CteWrite | null {
  if (events.length === 0) return null;
  return {
    ctes: [
      {
        name: "event_add",
        sql: `insert into title_event_stats (title_id, day, event, documents)
     select $1::int, $2::date, e, 1 from unnest($3::text[]) as e
     on conflict (title_id, day, event) do update set documents = title_event_stats.documents + 1`,
      },
    ],
    params: [titleId, day, events],
  };
}

/** Recomputes one title's event rollup from its documents (after copies change). */
export async function rebuildEventStats(client: Queryable, titleId: number): Promise<void> {
  await client.query("delete from title_event_stats where title_id = $1", [titleId]);
  await client.query(
    `insert into title_event_stats (title_id, day, event, documents)
     select d.title_id, d.published_at, e.event, count(*)
       from documents d cross join lateral unnest(d.event_signals) as e(event)
      where d.title_id = $1 and d.published_at is not null and d.duplicate_of_id is null and d.language = 'en'
      group by d.title_id, d.published_at, e.event`,
    [titleId],
  );
}
