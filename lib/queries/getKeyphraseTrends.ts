import { getDb } from "../db/client";
import { RISING, isRising, keyphraseDistinctiveness } from "../metrics";
import { toNumber } from "./_convert";

export interface KeyphraseWeek {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  /** Dated documents of the title that week that use the phrase, and all of them. */
  documents: number;
  total: number;
  /** documents / total. */
  share: number;
  /** A sudden jump in share that week (see RISING in lib/metrics.ts). */
  rising: boolean;
}

export interface KeyphraseTrendRow {
  key: string;
  text: string;
  /** Documents of the title that use it (dated or not) and occurrences in them. */
  documents: number;
  mentions: number;
  /** TF-IDF against the whole corpus (keyphraseDistinctiveness in lib/metrics.ts). */
  distinctiveness: number;
  /** One entry per week of the title's dated coverage, in order (zeros included). */
  weekly: KeyphraseWeek[];
  risingWeeks: string[];
}

export interface KeyphraseTrends {
  /** Every week with dated coverage of the title, oldest first. */
  weeks: { week: string; documents: number }[];
  phrases: KeyphraseTrendRow[];
}

interface PhraseRow {
  keyphrase_id: number;
  key: string;
  text: string;
  documents: unknown;
  mentions: unknown;
  corpus_documents: unknown;
}

/**
 * The title's most distinctive keyphrases with their weekly share of coverage. Ranked by
 * distinctiveness (a phrase every title's coverage uses ranks low however often it appears);
 * copies are counted once, as their original; the title's own name and aliases are left out.
 */
export async function getKeyphraseTrends(slug: string, limit = 20): Promise<KeyphraseTrends> {
  const db = await getDb();
  const [totals] = await db.$queryRaw<{ corpus: unknown; title_docs: unknown }[]>`
    select count(*)::int as corpus,
           count(*) filter (where title_id = (select id from titles where slug = ${slug}))::int as title_docs
      from documents where duplicate_of_id is null`;
  const corpus = toNumber(totals?.corpus);
  const titleDocs = toNumber(totals?.title_docs);
  if (titleDocs === 0) return { weeks: [], phrases: [] };

  const phrases = await db.$queryRaw<PhraseRow[]>`
    with title_links as (
      select dk.keyphrase_id, count(*)::int as documents, sum(dk.count)::int as mentions
        from document_keyphrases dk
        join documents d on d.id = dk.document_id
        join titles t on t.id = d.title_id
       where t.slug = ${slug} and d.duplicate_of_id is null
       group by dk.keyphrase_id)
    select tl.keyphrase_id, k.key, k.text, tl.documents, tl.mentions,
           (select count(*) from document_keyphrases dk2 join documents d2 on d2.id = dk2.document_id
             where dk2.keyphrase_id = tl.keyphrase_id and d2.duplicate_of_id is null)::int as corpus_documents
      from title_links tl join keyphrases k on k.id = tl.keyphrase_id
     -- The title's own name is on every page already; it is not a theme of its coverage.
     where k.key not in (select lower(n) from titles t, unnest(array_append(t.aliases, t.name)) as n where t.slug = ${slug})`;
  const ranked = phrases
    .map((p) => ({ p, distinctiveness: keyphraseDistinctiveness(toNumber(p.documents), titleDocs, toNumber(p.corpus_documents), corpus) }))
    .sort((a, b) => b.distinctiveness - a.distinctiveness || toNumber(b.p.documents) - toNumber(a.p.documents) || a.p.text.localeCompare(b.p.text))
    .slice(0, Math.max(1, Math.floor(limit)));

  const weekRows = await db.$queryRaw<{ week: string; documents: unknown }[]>`
    select to_char(date_trunc('week', d.published_at), 'YYYY-MM-DD') as week, count(*)::int as documents
      from documents d join titles t on t.id = d.title_id
     where t.slug = ${slug} and d.duplicate_of_id is null and d.published_at is not null
     group by 1 order by 1`;
  const ids = ranked.map((r) => r.p.keyphrase_id);
  const usage = ids.length
    ? await db.$queryRaw<{ keyphrase_id: number; week: string; documents: unknown }[]>`
        select dk.keyphrase_id, to_char(date_trunc('week', d.published_at), 'YYYY-MM-DD') as week, count(*)::int as documents
          from document_keyphrases dk
          join documents d on d.id = dk.document_id
          join titles t on t.id = d.title_id
         where t.slug = ${slug} and d.duplicate_of_id is null and d.published_at is not null and dk.keyphrase_id = any(${ids}::int[])
         group by 1, 2`
    : [];

  const weeks = weekRows.map((w) => ({ week: w.week, documents: toNumber(w.documents) }));
  const used = new Map(usage.map((u) => [`${u.keyphrase_id}|${u.week}`, toNumber(u.documents)]));
  return {
    weeks,
    phrases: ranked.map(({ p, distinctiveness }) => {
      const weekly = weeks.map((w, i) => {
        const documents = used.get(`${p.keyphrase_id}|${w.week}`) ?? 0;
        // The window is the RISING.windowWeeks calendar weeks before this one.
        const windowStart = shiftDays(w.week, -7 * RISING.windowWeeks);
        let before = 0;
        let beforeTotal = 0;
        for (let j = i - 1; j >= 0 && weeks[j].week >= windowStart; j--) {
          before += used.get(`${p.keyphrase_id}|${weeks[j].week}`) ?? 0;
          beforeTotal += weeks[j].documents;
        }
        return {
          week: w.week,
          documents,
          total: w.documents,
          share: w.documents ? documents / w.documents : 0,
          rising: isRising({ with: documents, total: w.documents }, { with: before, total: beforeTotal }),
        };
      });
      return {
        key: p.key,
        text: p.text,
        documents: toNumber(p.documents),
        mentions: toNumber(p.mentions),
        distinctiveness: Math.round(distinctiveness * 10_000) / 10_000,
        weekly,
        risingWeeks: weekly.filter((w) => w.rising).map((w) => w.week),
      };
    }),
  };
}

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
