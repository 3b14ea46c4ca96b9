// Re-derives the credibility flags of a title's documents (lib/credibility/flags.ts) from what is
// stored: kind, date, copy link and claims. Run when the title's release date changes.
import type { Queryable } from "../db/transaction";
import type { DocumentKind } from "../analysis/types";
import { deriveFlags, isDocumentFlag } from "../credibility/flags";

interface Row {
  id: number;
  kind: DocumentKind;
  published_at: string | null;
  duplicate_of_id: number | null;
  flags: string[];
  claims: { kind: string; value: string }[];
}

export async function rederiveFlags(client: Queryable, titleId: number, releaseDate: string | null): Promise<void> {
  const { rows } = await client.query<Row>(
    `select d.id, d.kind::text as kind, to_char(d.published_at, 'YYYY-MM-DD') as published_at, d.duplicate_of_id, d.flags,
            coalesce((select json_agg(json_build_object('kind', c.kind, 'value', c.value)) from claims c where c.document_id = d.id), '[]'::json) as claims
       from documents d
      where d.title_id = $1`,
    [titleId],
  );
  const ids: number[] = [];
  const flags: string[] = [];
  for (const row of rows) {
    const derived = deriveFlags({ kind: row.kind, publishedAt: row.published_at, releaseDate, isCopy: row.duplicate_of_id !== null, claims: row.claims });
    // Flags this module does not own (set by other checks) are kept as they are.
    const next = [...row.flags.filter((f) => !isDocumentFlag(f)), ...derived];
    if (next.join(",") === row.flags.join(",")) continue;
    ids.push(row.id);
    flags.push(next.join(","));
  }
  if (ids.length === 0) return;
  await client.query(
    `update documents d set flags = coalesce(string_to_array(nullif(v.f, ''), ','), '{}')
       from unnest($1::int[], $2::text[]) as v(id, f)
      where d.id = v.id`,
    [ids, flags],
  );
}
