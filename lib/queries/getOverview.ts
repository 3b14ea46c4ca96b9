import { getDb } from "../db/client";
import { toNullableNumber, toNumber } from "./_convert";

/** Mean document stance of one phase; `mean` is null when the phase has no documents. */
export interface PhaseStance {
  mean: number | null;
  /** Population standard deviation of the document stances (disagreement between documents). */
  spread: number | null;
  n: number;
}

export interface OverviewRow {
  id: number;
  name: string;
  slug: string;
  releaseDate: string | null;
  documents: number;
  articles: number;
  reviews: number;
  anticipationDocuments: number;
  receptionDocuments: number;
  /** Documents whose phase could not be told (no release date, no date, no hint in the text). */
  unknownPhaseDocuments: number;
  undatedDocuments: number;
  anticipation: PhaseStance;
  reception: PhaseStance;
  /** ISO timestamp of the newest stored document, null for a title with none. */
  lastIngestAt: string | null;
}

interface RawRow {
  id: number;
  name: string;
  slug: string;
  release_date: string | null;
  documents: unknown;
  articles: unknown;
  reviews: unknown;
  anticipation_documents: unknown;
  reception_documents: unknown;
  unknown_phase_documents: unknown;
  undated_documents: unknown;
  anticipation_mean: unknown;
  anticipation_spread: unknown;
  reception_mean: unknown;
  reception_spread: unknown;
  last_ingest_at: Date | null;
}

/** Every title with its document counts and per-phase stance, ordered by name. */
export async function getOverview(): Promise<OverviewRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<RawRow[]>`
    select t.id, t.name, t.slug,
      to_char(t.release_date, 'YYYY-MM-DD') as release_date,
      count(d.id)::int as documents,
      count(d.id) filter (where d.kind = 'article')::int as articles,
      count(d.id) filter (where d.kind = 'review')::int as reviews,
      count(d.id) filter (where d.phase = 'anticipation')::int as anticipation_documents,
      count(d.id) filter (where d.phase = 'reception')::int as reception_documents,
      count(d.id) filter (where d.phase is null)::int as unknown_phase_documents,
      count(d.id) filter (where d.published_at is null)::int as undated_documents,
      avg(d.stance_score) filter (where d.phase = 'anticipation')::float8 as anticipation_mean,
      stddev_pop(d.stance_score) filter (where d.phase = 'anticipation')::float8 as anticipation_spread,
      avg(d.stance_score) filter (where d.phase = 'reception')::float8 as reception_mean,
      stddev_pop(d.stance_score) filter (where d.phase = 'reception')::float8 as reception_spread,
      max(d.created_at) as last_ingest_at
    from titles t
    -- A copy (duplicate_of_id set) is counted once, as its original.
    left join documents d on d.title_id = t.id and d.duplicate_of_id is null
    group by t.id
    order by lower(t.name), t.id`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    releaseDate: row.release_date,
    documents: toNumber(row.documents),
    articles: toNumber(row.articles),
    reviews: toNumber(row.reviews),
    anticipationDocuments: toNumber(row.anticipation_documents),
    receptionDocuments: toNumber(row.reception_documents),
    unknownPhaseDocuments: toNumber(row.unknown_phase_documents),
    undatedDocuments: toNumber(row.undated_documents),
    anticipation: {
      mean: toNullableNumber(row.anticipation_mean),
      spread: toNullableNumber(row.anticipation_spread),
      n: toNumber(row.anticipation_documents),
    },
    reception: {
      mean: toNullableNumber(row.reception_mean),
      spread: toNullableNumber(row.reception_spread),
      n: toNumber(row.reception_documents),
    },
    lastIngestAt: row.last_ingest_at ? new Date(row.last_ingest_at).toISOString() : null,
  }));
}
