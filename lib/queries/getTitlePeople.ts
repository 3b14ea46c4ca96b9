import { getDb } from "../db/client";
import { MIN_N } from "../metrics";
import { toNumber } from "./_convert";
import { type ThemeFilters, documentConditions } from "./_themeFilters";

export interface TitlePersonRow {
  id: number;
  /** Merge key (lower case, no accents): stable across spellings. */
  key: string;
  name: string;
  kind: "person" | "organization";
  /** Documents of the title that name them (copies excluded). */
  documents: number;
  /** Every mention, surnames included. */
  mentions: number;
  /** Evaluative sentences that name them: the n behind `meanScore`. */
  evaluativeMentions: number;
  /** Mean score of those sentences; null below MIN_N ("not enough coverage"). */
  meanScore: number | null;
  enoughCoverage: boolean;
}

interface RawRow {
  id: number;
  key: string;
  name: string;
  kind: string;
  documents: unknown;
  mentions: unknown;
  evaluative_mentions: unknown;
  score_sum: unknown;
}

/**
 * The people and organisations a title's coverage names, most mentioned first. Unconfirmed names
 * (no role cue in any document, see lib/analysis/people.ts) are never listed.
 */
export async function getTitlePeople(slug: string, filters: ThemeFilters = {}, limit = 50): Promise<TitlePersonRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<RawRow[]>`
    select p.id, p.key, p.name, p.kind,
           count(distinct dp.document_id)::int as documents,
           sum(dp.mentions)::int as mentions,
           sum(dp.evaluative_mentions)::int as evaluative_mentions,
           sum(dp.score_sum)::float8 as score_sum
      from document_people dp
      join documents d on d.id = dp.document_id
      join titles t on t.id = d.title_id
      join people p on p.id = dp.person_id
     where t.slug = ${slug} and p.kind in ('person', 'organization') and ${documentConditions(filters)}
     group by p.id
     order by mentions desc, documents desc, p.name
     limit ${Math.max(1, Math.floor(limit))}`;
  return rows.map((row) => {
    const evaluativeMentions = toNumber(row.evaluative_mentions);
    const enoughCoverage = evaluativeMentions >= MIN_N;
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      kind: row.kind === "organization" ? "organization" : "person",
      documents: toNumber(row.documents),
      mentions: toNumber(row.mentions),
      evaluativeMentions,
      meanScore: enoughCoverage ? toNumber(row.score_sum) / evaluativeMentions : null,
      enoughCoverage,
    };
  });
}
