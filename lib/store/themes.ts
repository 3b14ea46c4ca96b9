// Writes a stored document's themes inside its transaction (storeDocument): copy detection,
// credibility flags, people and claims. A copy keeps its own people and claims (its page shows
// them) but adds nothing to any rollup: the original already counts.
import type { Queryable } from "../db/transaction";
import type { AnalyzedDocument } from "../analysis/analyze";
import { claimIsAboutTitle } from "../analysis/claims";
import { personKey } from "../analysis/people";
import { DOCUMENT_FLAGS, deriveFlags } from "../credibility/flags";
import { COPY_THRESHOLD, SIGNATURE_SIZE } from "../credibility/nearDuplicates";
import { type CteWrite, runWrites } from "./cteWrites";
import { rederiveFlags } from "./documentFlags";
import { inLockOrder } from "./lockOrder";
import { rebuildRollups } from "./rollups";

/** Advisory-lock namespace ("HYLN"): one document of a title at a time runs copy detection. */
const COPY_LOCK = 0x48594c4e;

export interface StoredThemes {
  /** The earlier document this one copies, or null. */
  duplicateOfId: number | null;
  flags: string[];
  /**
   * False when the caller must not add the document to the rollups (lib/store/rollups.ts): it is a
   * copy, or its title's rollups were just rebuilt with it included (it turned out to be an older
   * copy's original).
   */
  addToRollups: boolean;
}

interface TitleFacts {
  name: string;
  aliases: string[];
  release_date: string | null;
}

interface Match {
  id: number;
  published_at: string | null;
  same: number;
}

export async function storeThemes(client: Queryable, documentId: number, titleId: number, doc: AnalyzedDocument): Promise<StoredThemes> {
  // Two near-identical texts stored at once must not both become originals: the lock is taken
  // here, before findOriginal's statement reads the title's originals.
  const { rows: titles } = await client.query<TitleFacts>(
    `select pg_advisory_xact_lock($1, $2) as locked, name, aliases, to_char(release_date, 'YYYY-MM-DD') as release_date from titles where id = $2`,
    [COPY_LOCK, titleId],
  );
  const title = titles[0];
  const titleNames = title ? [title.name, ...title.aliases] : [];
  const claims = doc.claims.filter((c) => claimIsAboutTitle(c, titleNames));

  const match = await findOriginal(client, documentId, titleId, doc.minhash);
  // The earlier-published text is the original; undated or same-day, the one stored first.
  const isOlder = match !== null && doc.publishedAt !== null && match.published_at !== null && doc.publishedAt < match.published_at;
  const duplicateOfId = match && !isOlder ? match.id : null;
  const flags = deriveFlags({ kind: doc.kind, publishedAt: doc.publishedAt, releaseDate: title?.release_date ?? null, isCopy: duplicateOfId !== null, claims });

  await runWrites(client, [
    {
      ctes: [
        {
          name: "document_themes",
          sql: `update documents
        set minhash = $2::int[], duplicate_of_id = $3::int,
            flags = array(select f from unnest(flags) as f where not (f = any($5::text[]))) || $4::text[]
      where id = $1::int`,
        },
      ],
      params: [documentId, doc.minhash, duplicateOfId, flags, Object.keys(DOCUMENT_FLAGS)],
    },
    peopleWrite(documentId, doc, titleNames),
    claimsWrite(documentId, titleId, claims),
  ]);

  if (isOlder) {
    // This text predates its match: it is the original, the match (and its copies) are copies.
    await client.query("update documents set duplicate_of_id = $1 where id = $2 or duplicate_of_id = $2", [documentId, match.id]);
    await rederiveFlags(client, titleId, title?.release_date ?? null);
    await rebuildRollups(client, titleId);
    return { duplicateOfId, flags, addToRollups: false };
  }
  return { duplicateOfId, flags, addToRollups: duplicateOfId === null };
}

/** The most similar earlier original of the same title at or above COPY_THRESHOLD, or null. */
async function findOriginal(client: Queryable, documentId: number, titleId: number, minhash: number[]): Promise<Match | null> {
  if (minhash.length !== SIGNATURE_SIZE) return null;
  const { rows } = await client.query<Match>(
    `select d.id, to_char(d.published_at, 'YYYY-MM-DD') as published_at,
            (select count(*) from unnest(d.minhash, $3::int[]) as u(a, b) where a = b)::int as same
       from documents d
      where d.title_id = $1 and d.id <> $2 and d.duplicate_of_id is null and cardinality(d.minhash) = $4
      order by same desc, d.published_at nulls last, d.id
      limit 1`,
    [titleId, documentId, minhash, SIGNATURE_SIZE],
  );
  const best = rows[0];
  return best && best.same / SIGNATURE_SIZE >= COPY_THRESHOLD ? best : null;
}

/** People, minus the title's own name (a title is not a person, however it is capitalised). */
function peopleWrite(documentId: number, doc: AnalyzedDocument, titleNames: string[]): CteWrite | null {
  const titleKeys = titleNames.map(personKey).filter(Boolean);
  const people = inLockOrder(doc.people.filter((p) => !titleKeys.some((k) => k === p.key || k.startsWith(`${p.key} `))));
  if (people.length === 0) return null;
  const evaluative = people.map((p) => p.sentences.filter((i) => doc.sentences[i]?.evaluative));
  return {
    ctes: [
      {
        // An unconfirmed name becomes a person or organisation as soon as any document confirms it.
        name: "person_rows",
        sql: `insert into people (key, name, kind) select * from unnest($2::text[], $3::text[], $4::text[])
     on conflict (key) do update set
       kind = case when people.kind = 'unconfirmed' then excluded.kind else people.kind end,
       name = case when people.kind = 'unconfirmed' and excluded.kind <> 'unconfirmed' then excluded.name else people.name end
     returning id, key`,
      },
      {
        name: "person_links",
        sql: `insert into document_people (document_id, person_id, mentions, evaluative_mentions, score_sum)
     select $1::int, person_rows.id, v.m, v.e, v.s
       from unnest($2::text[], $5::int[], $6::int[], $7::float8[]) as v(k, m, e, s) join person_rows on person_rows.key = v.k`,
      },
    ],
    params: [
      documentId,
      people.map((p) => p.key),
      people.map((p) => p.name),
      people.map((p) => p.kind),
      people.map((p) => p.mentions),
      evaluative.map((list) => list.length),
      evaluative.map((list) => list.reduce((sum, i) => sum + doc.sentences[i].score, 0)),
    ],
  };
}

function claimsWrite(documentId: number, titleId: number, claims: AnalyzedDocument["claims"]): CteWrite | null {
  if (claims.length === 0) return null;
  return {
    ctes: [
      {
        name: "claim_rows",
        sql: `insert into claims (document_id, title_id, sentence_index, kind, value, quote)
     select $1::int, $2::int, * from unnest($3::int[], $4::text[], $5::text[], $6::text[])`,
      },
    ],
    params: [documentId, titleId, claims.map((c) => c.sentenceIndex), claims.map((c) => c.kind), claims.map((c) => c.value), claims.map((c) => c.quote)],
  };
}
