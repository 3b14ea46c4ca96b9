import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import { toNumber } from "./_convert";
import { stanceRows } from "./_viewFilters";

/** All coverage tracked on one day, every title together: the denominator of the normalised views. */
export interface TrackedCoverageRow {
  /** YYYY-MM-DD */
  day: string;
  documents: number;
}

/**
 * Dated documents per day across every title between `from` and `to` (inclusive), under the same
 * kind/phase/source/aspect filters as the view (copies and non-English documents left out).
 * Days with no coverage at all are absent. From the daily rollup unless the filters need the documents.
 */
export async function getTrackedCoverage(from: string, to: string, filters: ViewFilters): Promise<TrackedCoverageRow[]> {
  const db = await getDb();
  // The span within the view's own date range, if it has one.
  const span = { ...filters, from: filters.from && filters.from > from ? filters.from : from, to: filters.to && filters.to < to ? filters.to : to };
  const rows = await db.$queryRaw<{ day: string; documents: unknown }[]>`
    with days as (${stanceRows(null, span, { undated: false })})
    select to_char(day, 'YYYY-MM-DD') as day, sum(documents)::int as documents
      from days
     group by day
     order by day`;
  return rows.map((r) => ({ day: r.day, documents: toNumber(r.documents) }));
}
