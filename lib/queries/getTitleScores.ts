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
import { stanceRows } from "./_viewFilters";

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
 * One aggregate query over the title's documents under the view filters, from the daily rollup
 * where it can answer (stanceRows); copies and non-English documents never count. Undated
 * documents count when their phase is known (inferred from the text), unless a date range is set.
 */
export async function getTitleScores(slug: string, filters: ViewFilters): Promise<TitleScoresRow> {
  const db = await getDb();
  const [row] = await db.$queryRaw<RawRow[]>`
    with days as (${stanceRows(slug, filters, { undated: true })})
    select
      coalesce(sum(documents) filter (where phase = 'reception' and kind = 'review'), 0)::int as reviews,
      coalesce(sum(positive) filter (where phase = 'reception' and kind = 'review'), 0)::int as positive,
      coalesce(sum(stance_sum) filter (where phase = 'reception' and kind = 'review'), 0)::float8 as review_sum,
      coalesce(sum(stance_sq) filter (where phase = 'reception' and kind = 'review'), 0)::float8 as review_sq,
      coalesce(sum(documents) filter (where phase = 'anticipation'), 0)::int as anticipation_n,
      coalesce(sum(stance_sum) filter (where phase = 'anticipation'), 0)::float8 as anticipation_sum,
      coalesce(sum(stance_sq) filter (where phase = 'anticipation'), 0)::float8 as anticipation_sq,
      coalesce(sum(excitement) filter (where phase = 'anticipation'), 0)::int as excitement
    from days`;
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
