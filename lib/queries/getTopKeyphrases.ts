import { type ViewFilters, hasViewFilters } from "../filters";
import { getDb } from "../db/client";
import { toNumber } from "./_convert";
import { viewConditions } from "./_viewFilters";

export interface KeyphraseRow {
  /** Normalised key (lower case, singular) that merges spellings. */
  key: string;
  /** Surface form for display. */
  text: string;
  /** Documents of the title that contain the keyphrase. */
  documents: number;
  /** Occurrences summed over those documents. */
  mentions: number;
}

interface RawRow {
  key: string;
  text: string;
  documents: unknown;
  mentions: unknown;
}

/**
 * The title's most widespread keyphrases: ranked by how many documents mention them, then by
 * total mentions, under the view filters (lib/filters.ts). With a date range, undated documents
 * cannot be placed in it and are left out; copies and non-English documents never count.
 */
export async function getTopKeyphrases(
  titleSlug: string,
  filters: ViewFilters,
  limit = 20,
): Promise<KeyphraseRow[]> {
  const db = await getDb();
  const top = Math.max(1, Math.floor(limit));
  // Unfiltered, the title_keyphrase_stats rollup answers; a filter needs the documents.
  const rows = hasViewFilters(filters)
    ? await db.$queryRaw<RawRow[]>`
        select k.key, k.text,
          count(distinct dk.document_id)::int as documents,
          sum(dk.count)::int as mentions
        from document_keyphrases dk
        join documents d on d.id = dk.document_id
        join titles t on t.id = d.title_id
        join keyphrases k on k.id = dk.keyphrase_id
        where t.slug = ${titleSlug} and ${viewConditions(filters)}
        group by k.id, k.key, k.text
        order by documents desc, mentions desc, k.text asc
        limit ${top}`
    : await db.$queryRaw<RawRow[]>`
        select k.key, k.text, st.documents, st.mentions
          from title_keyphrase_stats st
          join titles t on t.id = st.title_id
          join keyphrases k on k.id = st.keyphrase_id
         where t.slug = ${titleSlug}
         order by st.documents desc, st.mentions desc, k.text asc
         limit ${top}`;
  return rows.map((row) => ({
    key: row.key,
    text: row.text,
    documents: toNumber(row.documents),
    mentions: toNumber(row.mentions),
  }));
}
