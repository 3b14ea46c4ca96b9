// The per title/keyphrase rollups behind the title's keyphrase list and trends: how many original
// documents of the title use each phrase and how often; keyphrases.corpus_documents keeps its sum
// over titles (the phrase's corpus document frequency), so distinctiveness never scans
// document_keyphrases; title_keyphrase_weeks splits the dated ones by week for the trends. Kept in
// the same transaction as each document; copies never add to them.
import type { Queryable } from "../db/transaction";
import type { CteWrite } from "./cteWrites";

export interface KeyphraseUse {
  keyphraseId: number;
  count: number;
}

/** The Monday of a date's week, as the trends' weeks are keyed (timestamp, not timestamptz: no time zone in play). */
const WEEK_OF = (date: string) => `date_trunc('week', ${date}::timestamp)::date`;

/**
 * Adds one document's keyphrases to its title's rollups and their corpus counts (a write for
 * lib/store/rollups.ts); `publishedAt` null (undated) adds nothing to the weeks.
 */
export function keyphraseStatsWrite(titleId: number, uses: readonly KeyphraseUse[], publishedAt: string | null): CteWrite | null {
  if (uses.length === 0) return null;
  // The keyphrase rows are already locked by this transaction (storeDocument upserted them).
  return {
    ctes: [
      {
        name: "keyphrase_add",
        sql: `insert into title_keyphrase_stats (title_id, keyphrase_id, documents, mentions)
       select $1::int, k, 1, c from unnest($2::int[], $3::int[]) as v(k, c)
       on conflict (title_id, keyphrase_id) do update set
         documents = title_keyphrase_stats.documents + 1,
         mentions = title_keyphrase_stats.mentions + excluded.mentions
       returning keyphrase_id`,
      },
      { name: "keyphrase_corpus_add", sql: `update keyphrases set corpus_documents = corpus_documents + 1 where id in (select keyphrase_id from keyphrase_add)` },
      {
        name: "keyphrase_week_add",
        sql: `insert into title_keyphrase_weeks (title_id, keyphrase_id, week, documents)
       select $1::int, k, ${WEEK_OF("$4::date")}, 1 from unnest($2::int[]) as v(k) where $4::date is not null
       on conflict (title_id, keyphrase_id, week) do update set documents = title_keyphrase_weeks.documents + 1`,
      },
    ],
    params: [titleId, uses.map((u) => u.keyphraseId), uses.map((u) => u.count), publishedAt],
  };
}

/** Recomputes one title's keyphrase rollups from its documents (after copies change). */
export async function rebuildKeyphraseStats(client: Queryable, titleId: number): Promise<void> {
  // The title's share of each corpus count goes out with its old rows and back in with the new.
  const corpusShare = (sign: "+" | "-") =>
    client.query(
      `update keyphrases k set corpus_documents = k.corpus_documents ${sign} st.documents
         from title_keyphrase_stats st where st.title_id = $1 and k.id = st.keyphrase_id`,
      [titleId],
    );
  await corpusShare("-");
  await client.query("delete from title_keyphrase_stats where title_id = $1", [titleId]);
  await client.query(
    `insert into title_keyphrase_stats (title_id, keyphrase_id, documents, mentions)
     select d.title_id, dk.keyphrase_id, count(*), sum(dk.count)
       from documents d join document_keyphrases dk on dk.document_id = d.id
      where d.title_id = $1 and d.duplicate_of_id is null
      group by d.title_id, dk.keyphrase_id`,
    [titleId],
  );
  await corpusShare("+");
  await client.query("delete from title_keyphrase_weeks where title_id = $1", [titleId]);
  await client.query(
    `insert into title_keyphrase_weeks (title_id, keyphrase_id, week, documents)
     select d.title_id, dk.keyphrase_id, ${WEEK_OF("d.published_at")}, count(*)
       from documents d join document_keyphrases dk on dk.document_id = d.id
      where d.title_id = $1 and d.duplicate_of_id is null and d.published_at is not null
      group by 1, 2, 3`,
    [titleId],
  );
}
