import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import {
  type HypeSummary,
  type Score100Summary,
  type ShareSummary,
  anticipationAverage,
  expectationGap100,
  receptionAverage,
  receptionPositive,
  summarizeHype,
} from "../metrics";
import { toNumber } from "./_convert";
import { viewConditions } from "./_viewFilters";

/** The KPI cards of one title: every score with its n and interval (lib/metrics.ts). */
export interface TitleScoresRow {
  /** Reception-phase reviews: % labelled positive (Wilson 95%) and the 0–100 average (t 95%). */
  receptionPositive: ShareSummary;
  receptionAverage: Score100Summary;
  /** Anticipation-phase documents: the 0–100 average (t 95%) and the hype index. */
  anticipationAverage: Score100Summary;
  hype: HypeSummary;
  /** Reception 0–100 minus anticipation 0–100; null unless both have enough coverage. */
  expectationGap: number | null;
}

interface RawRow {
  reviews: unknown;
  positive: unknown;
  review_sum: unknown;
  review_sq: unknown;
  anticipation_n: unknown;
  anticipation_sum: unknown;
  anticipation_sq: unknown;
  excitement: unknown;
}

/**
 * One aggregate query over the title's documents under the view filters (copies and non-English
 * documents never count). Undated documents count when their phase is known (inferred from the
 * text), unless a date range is set.
 */
export async function getTitleScores(slug: string, filters: ViewFilters): Promise<TitleScoresRow> {
  const db = await getDb();
  const [row] = await db.$queryRaw<RawRow[]>`
    with docs as (
      select d.id, d.phase, d.kind, d.stance_score, d.stance_label
        from documents d join titles t on t.id = d.title_id
       where t.slug = ${slug} and d.phase is not null and ${viewConditions(filters)}
    )
    select
      count(*) filter (where phase = 'reception' and kind = 'review')::int as reviews,
      count(*) filter (where phase = 'reception' and kind = 'review' and stance_label = 'positive')::int as positive,
      coalesce(sum(stance_score) filter (where phase = 'reception' and kind = 'review'), 0)::float8 as review_sum,
      coalesce(sum(stance_score * stance_score) filter (where phase = 'reception' and kind = 'review'), 0)::float8 as review_sq,
      count(*) filter (where phase = 'anticipation')::int as anticipation_n,
      coalesce(sum(stance_score) filter (where phase = 'anticipation'), 0)::float8 as anticipation_sum,
      coalesce(sum(stance_score * stance_score) filter (where phase = 'anticipation'), 0)::float8 as anticipation_sq,
      (select count(*) from docs join sentences s on s.document_id = docs.id
        where docs.phase = 'anticipation' and s.anticipation > 0)::int as excitement
    from docs`;
  const reviews = toNumber(row?.reviews);
  const reception = receptionAverage({ n: reviews, sum: toNumber(row?.review_sum), sumSq: toNumber(row?.review_sq) });
  const anticipationN = toNumber(row?.anticipation_n);
  const anticipationSum = toNumber(row?.anticipation_sum);
  const anticipation = anticipationAverage({ n: anticipationN, sum: anticipationSum, sumSq: toNumber(row?.anticipation_sq) });
  return {
    receptionPositive: receptionPositive(toNumber(row?.positive), reviews),
    receptionAverage: reception,
    anticipationAverage: anticipation,
    hype: summarizeHype({ documents: anticipationN, stanceSum: anticipationSum, excitement: toNumber(row?.excitement) }),
    expectationGap: expectationGap100(reception, anticipation),
  };
}
