import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import { toNumber } from "./_convert";
import { stanceRows } from "./_viewFilters";

/**
 * One calendar day of a title's coverage. Only days with at least one dated document appear;
 * undated documents cannot be placed on a timeline. Copies and non-English documents are left out.
 */
export interface TimelineRow {
  /** YYYY-MM-DD */
  day: string;
  documents: number;
  anticipationArticles: number;
  anticipationReviews: number;
  receptionArticles: number;
  receptionReviews: number;
  /** Documents of the phase that day (the n behind its mean stance). */
  anticipationN: number;
  receptionN: number;
  /** Mean document stance of the phase that day, null when the phase has no document that day. */
  anticipationStance: number | null;
  receptionStance: number | null;
  /** Sums behind the means, so days can be added up into weeks. */
  anticipationStanceSum: number;
  receptionStanceSum: number;
  /** Excitement signals: sentences of that day's anticipation-phase documents with anticipation > 0. */
  excitement: number;
}

interface RawRow {
  day: string;
  anticipation_articles: unknown;
  anticipation_reviews: unknown;
  reception_articles: unknown;
  reception_reviews: unknown;
  anticipation_stance_sum: unknown;
  reception_stance_sum: unknown;
  excitement: unknown;
}

/**
 * Per-day volume, stance and excitement for a title, oldest first, under the view filters
 * (`from`/`to` inclusive YYYY-MM-DD). Read from the daily rollup unless the filters need the
 * documents (stanceRows): the page never loads the documents themselves.
 */
export async function getTimeline(titleSlug: string, filters: ViewFilters): Promise<TimelineRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<RawRow[]>`
    with days as (${stanceRows(titleSlug, filters, { undated: false })})
    select to_char(day, 'YYYY-MM-DD') as day,
      coalesce(sum(documents) filter (where phase = 'anticipation' and kind = 'article'), 0)::int as anticipation_articles,
      coalesce(sum(documents) filter (where phase = 'anticipation' and kind = 'review'), 0)::int as anticipation_reviews,
      coalesce(sum(documents) filter (where phase = 'reception' and kind = 'article'), 0)::int as reception_articles,
      coalesce(sum(documents) filter (where phase = 'reception' and kind = 'review'), 0)::int as reception_reviews,
      coalesce(sum(stance_sum) filter (where phase = 'anticipation'), 0)::float8 as anticipation_stance_sum,
      coalesce(sum(stance_sum) filter (where phase = 'reception'), 0)::float8 as reception_stance_sum,
      coalesce(sum(excitement) filter (where phase = 'anticipation'), 0)::int as excitement
    from days
    group by day
    order by day`;
  return rows.map((row) => {
    const anticipationArticles = toNumber(row.anticipation_articles);
    const anticipationReviews = toNumber(row.anticipation_reviews);
    const receptionArticles = toNumber(row.reception_articles);
    const receptionReviews = toNumber(row.reception_reviews);
    const anticipationN = anticipationArticles + anticipationReviews;
    const receptionN = receptionArticles + receptionReviews;
    const anticipationStanceSum = toNumber(row.anticipation_stance_sum);
    const receptionStanceSum = toNumber(row.reception_stance_sum);
    return {
      day: row.day,
      documents: anticipationN + receptionN,
      anticipationArticles,
      anticipationReviews,
      receptionArticles,
      receptionReviews,
      anticipationN,
      receptionN,
      anticipationStance: mean(anticipationStanceSum, anticipationN),
      receptionStance: mean(receptionStanceSum, receptionN),
      anticipationStanceSum,
      receptionStanceSum,
      excitement: toNumber(row.excitement),
    };
  });
}

// A day without documents of a phase has no stance: null, never 0 (0 would read as "neutral").
function mean(sum: number, n: number): number | null {
  return n === 0 ? null : sum / n;
}
