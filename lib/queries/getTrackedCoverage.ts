import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import { toNumber } from "./_convert";
import { viewConditions } from "./_viewFilters";

/** All coverage tracked on one day, every title together: the denominator of the normalised views. */
export interface TrackedCoverageRow {
  /** YYYY-MM-DD */
  day: string;
  documents: number;
}

/**
 * Dated documents per day across every title between `from` and `to` (inclusive), under the same
 * kind/phase/source/aspect filters as the view (copies and non-English documents left out).
 * Days with no coverage at all are absent.
 */
export async function getTrackedCoverage(from: string, to: string, filters: ViewFilters): Promise<TrackedCoverageRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ day: string; documents: unknown }[]>`
    select to_char(d.published_at, 'YYYY-MM-DD') as day, count(*)::int as documents
      from documents d
     where d.published_at between ${from}::date and ${to}::date and d.phase is not null and ${viewConditions(filters)}
     group by d.published_at
     order by d.published_at`;
  return rows.map((r) => ({ day: r.day, documents: toNumber(r.documents) }));
}
