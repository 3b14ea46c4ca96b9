import { getDb } from "../db/client";
import { toNumber } from "./_convert";

export interface TitleSourceRow {
  name: string;
  /** Documents of the title from this source (copies and non-English documents left out). */
  documents: number;
}

/** The outlets that covered a title, most documents first: the choices of the source filter. */
export async function getTitleSources(slug: string): Promise<TitleSourceRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ name: string; documents: unknown }[]>`
    select s.name, count(*)::int as documents
      from documents d join titles t on t.id = d.title_id join sources s on s.id = d.source_id
     where t.slug = ${slug} and d.duplicate_of_id is null and d.language = 'en'
     group by s.name
     order by documents desc, s.name`;
  return rows.map((r) => ({ name: r.name, documents: toNumber(r.documents) }));
}
