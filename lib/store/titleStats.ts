// The per-title document count (title_stats): original documents, any language, dated or not.
// Summed over titles it is the corpus size behind keyphrase distinctiveness, read without
// counting 100,000 documents. Kept in the same transaction as each document.
import type { Queryable } from "../db/transaction";
import type { CteWrite } from "./cteWrites";

/** Counts one more original document for its title (a write for lib/store/rollups.ts). */
export function titleStatsWrite(titleId: number): CteWrite {
  return {
    ctes: [
      {
        name: "count_add",
        sql: `insert into title_stats (title_id, documents) values ($1::int, 1)
     on conflict (title_id) do update set documents = title_stats.documents + 1`,
      },
    ],
    params: [titleId],
  };
}

/** Recomputes one title's count from its documents (after copies change). */
export async function rebuildTitleStats(client: Queryable, titleId: number): Promise<void> {
  await client.query(
    `insert into title_stats (title_id, documents)
     select $1, count(*) from documents where title_id = $1 and duplicate_of_id is null
     on conflict (title_id) do update set documents = excluded.documents`,
    [titleId],
  );
}
