import { getDb } from "../db/client";
import { toNullableNumber, toNumber } from "./_convert";

/**
 * One calendar day of a title's coverage, from the `title_daily_stats` rollup. Only days with
 * at least one dated document appear; undated documents are never in the rollup.
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
}

interface RawRow {
  day: string;
  anticipation_articles: unknown;
  anticipation_reviews: unknown;
  reception_articles: unknown;
  reception_reviews: unknown;
  anticipation_stance_sum: unknown;
  reception_stance_sum: unknown;
}

/** Per-day volume and stance for a title, oldest first; `from`/`to` are inclusive YYYY-MM-DD. */
export async function getTimeline(
  titleSlug: string,
  filters: { from?: string; to?: string },
): Promise<TimelineRow[]> {
  const db = await getDb();
  const from = filters.from ?? null;
  const to = filters.to ?? null;
  const rows = await db.$queryRaw<RawRow[]>`
    select to_char(s.day, 'YYYY-MM-DD') as day,
      coalesce(sum(s.documents) filter (where s.phase = 'anticipation' and s.kind = 'article'), 0)::int as anticipation_articles,
      coalesce(sum(s.documents) filter (where s.phase = 'anticipation' and s.kind = 'review'), 0)::int as anticipation_reviews,
      coalesce(sum(s.documents) filter (where s.phase = 'reception' and s.kind = 'article'), 0)::int as reception_articles,
      coalesce(sum(s.documents) filter (where s.phase = 'reception' and s.kind = 'review'), 0)::int as reception_reviews,
      sum(s.stance_sum) filter (where s.phase = 'anticipation')::float8 as anticipation_stance_sum,
      sum(s.stance_sum) filter (where s.phase = 'reception')::float8 as reception_stance_sum
    from title_daily_stats s
    join titles t on t.id = s.title_id
    where t.slug = ${titleSlug}
      and (${from}::date is null or s.day >= ${from}::date)
      and (${to}::date is null or s.day <= ${to}::date)
    group by s.day
    having sum(s.documents) > 0
    order by s.day`;
  return rows.map((row) => {
    const anticipationArticles = toNumber(row.anticipation_articles);
    const anticipationReviews = toNumber(row.anticipation_reviews);
    const receptionArticles = toNumber(row.reception_articles);
    const receptionReviews = toNumber(row.reception_reviews);
    const anticipationN = anticipationArticles + anticipationReviews;
    const receptionN = receptionArticles + receptionReviews;
    return {
      day: row.day,
      documents: anticipationN + receptionN,
      anticipationArticles,
      anticipationReviews,
      receptionArticles,
      receptionReviews,
      anticipationN,
      receptionN,
      anticipationStance: mean(toNullableNumber(row.anticipation_stance_sum), anticipationN),
      receptionStance: mean(toNullableNumber(row.reception_stance_sum), receptionN),
    };
  });
}

// A day without documents of a phase has no stance: null, never 0 (0 would read as "neutral").
function mean(sum: number | null, n: number): number | null {
  return sum === null || n === 0 ? null : sum / n;
}
