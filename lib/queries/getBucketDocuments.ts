import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import { toNumber } from "./_convert";
import { viewConditions } from "./_viewFilters";

/** Why a day or week stands out: the documents behind it, as headlines and keyphrases. */
export interface BucketDocumentsRow {
  /** The bucket asked for (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  documents: number;
  /** Up to HEADLINES of its documents, most central to the title first (highest confidence). */
  headlines: { id: number; headline: string; source: string | null; day: string; kind: string }[];
  /** Its most used keyphrases: documents using each, then mentions. */
  keyphrases: { text: string; documents: number }[];
}

export const BUCKET_HEADLINES = 5;
export const BUCKET_KEYPHRASES = 6;

/**
 * Headlines and top keyphrases of the documents in each bucket, for the spike explanations.
 * One round trip for all buckets; only the few spike buckets are asked for, never every day.
 */
export async function getBucketDocuments(slug: string, buckets: readonly { from: string; to: string }[], filters: ViewFilters): Promise<BucketDocumentsRow[]> {
  if (buckets.length === 0) return [];
  const db = await getDb();
  const froms = buckets.map((b) => b.from);
  const tos = buckets.map((b) => b.to);
  const docs = await db.$queryRaw<{ bucket: number; id: number; headline: string | null; source: string | null; day: string; kind: string; total: unknown }[]>`
    with b as (select ordinality::int - 1 as bucket, f::date as from_day, t::date as to_day
                 from unnest(${froms}::text[], ${tos}::text[]) with ordinality as u(f, t)),
    ranked as (
      select b.bucket, d.id, d.headline, src.name as source, to_char(d.published_at, 'YYYY-MM-DD') as day, d.kind::text as kind,
             count(*) over (partition by b.bucket) as total,
             row_number() over (partition by b.bucket order by d.stance_confidence desc, d.published_at, d.id) as rank
        from b join documents d on d.published_at between b.from_day and b.to_day
        join titles tt on tt.id = d.title_id
        left join sources src on src.id = d.source_id
       where tt.slug = ${slug} and d.phase is not null and ${viewConditions(filters)})
    select bucket, id, headline, source, day, kind, total from ranked where rank <= ${BUCKET_HEADLINES} order by bucket, rank`;
  const phrases = await db.$queryRaw<{ bucket: number; text: string; documents: unknown; rank: unknown }[]>`
    with b as (select ordinality::int - 1 as bucket, f::date as from_day, t::date as to_day
                 from unnest(${froms}::text[], ${tos}::text[]) with ordinality as u(f, t)),
    counted as (
      select b.bucket, k.text, count(distinct d.id)::int as documents, sum(dk.count)::int as mentions
        from b join documents d on d.published_at between b.from_day and b.to_day
        join titles tt on tt.id = d.title_id
        join document_keyphrases dk on dk.document_id = d.id
        join keyphrases k on k.id = dk.keyphrase_id
       where tt.slug = ${slug} and d.phase is not null and ${viewConditions(filters)}
       group by b.bucket, k.id, k.text),
    ranked as (select *, row_number() over (partition by bucket order by documents desc, mentions desc, text) as rank from counted)
    select bucket, text, documents, rank from ranked where rank <= ${BUCKET_KEYPHRASES} order by bucket, rank`;
  return buckets.map((bucket, i) => {
    const mine = docs.filter((d) => d.bucket === i);
    return {
      from: bucket.from,
      to: bucket.to,
      documents: mine.length ? toNumber(mine[0].total) : 0,
      headlines: mine.map((d) => ({ id: d.id, headline: d.headline || `Document ${d.id}`, source: d.source, day: d.day, kind: d.kind })),
      keyphrases: phrases.filter((p) => p.bucket === i).map((p) => ({ text: p.text, documents: toNumber(p.documents) })),
    };
  });
}
