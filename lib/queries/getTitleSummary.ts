import { getDb } from "../db/client";
import { toNullableNumber, toNumber } from "./_convert";
import type { PhaseStance } from "./getOverview";

/** The KPI numbers of one title. */
export interface TitleSummaryRow {
  documents: number;
  articles: number;
  reviews: number;
  undatedDocuments: number;
  unknownPhaseDocuments: number;
  anticipation: PhaseStance;
  reception: PhaseStance;
  /** First and last publication day among dated documents (YYYY-MM-DD). */
  firstDay: string | null;
  lastDay: string | null;
}

interface RawRow {
  documents: unknown;
  articles: unknown;
  reviews: unknown;
  undated_documents: unknown;
  unknown_phase_documents: unknown;
  anticipation_n: unknown;
  anticipation_mean: unknown;
  anticipation_spread: unknown;
  reception_n: unknown;
  reception_mean: unknown;
  reception_spread: unknown;
  first_day: string | null;
  last_day: string | null;
}

export async function getTitleSummary(titleId: number): Promise<TitleSummaryRow> {
  const db = await getDb();
  const [row] = await db.$queryRaw<RawRow[]>`
    select
      count(*)::int as documents,
      count(*) filter (where kind = 'article')::int as articles,
      count(*) filter (where kind = 'review')::int as reviews,
      count(*) filter (where published_at is null)::int as undated_documents,
      count(*) filter (where phase is null)::int as unknown_phase_documents,
      count(*) filter (where phase = 'anticipation')::int as anticipation_n,
      avg(stance_score) filter (where phase = 'anticipation')::float8 as anticipation_mean,
      stddev_pop(stance_score) filter (where phase = 'anticipation')::float8 as anticipation_spread,
      count(*) filter (where phase = 'reception')::int as reception_n,
      avg(stance_score) filter (where phase = 'reception')::float8 as reception_mean,
      stddev_pop(stance_score) filter (where phase = 'reception')::float8 as reception_spread,
      to_char(min(published_at), 'YYYY-MM-DD') as first_day,
      to_char(max(published_at), 'YYYY-MM-DD') as last_day
    from documents
    where title_id = ${titleId} and duplicate_of_id is null`;
  return {
    documents: toNumber(row.documents),
    articles: toNumber(row.articles),
    reviews: toNumber(row.reviews),
    undatedDocuments: toNumber(row.undated_documents),
    unknownPhaseDocuments: toNumber(row.unknown_phase_documents),
    anticipation: {
      mean: toNullableNumber(row.anticipation_mean),
      spread: toNullableNumber(row.anticipation_spread),
      n: toNumber(row.anticipation_n),
    },
    reception: {
      mean: toNullableNumber(row.reception_mean),
      spread: toNullableNumber(row.reception_spread),
      n: toNumber(row.reception_n),
    },
    firstDay: row.first_day,
    lastDay: row.last_day,
  };
}
