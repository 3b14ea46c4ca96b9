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
  // Original documents, every title and this one: the title_stats rollup.
  const [totals] = await db.$queryRaw<{ corpus: unknown; title_docs: unknown }[]>`
    select coalesce(sum(st.documents), 0)::int as corpus, coalesce(sum(st.documents) filter (where t.slug = ${slug}), 0)::int as title_docs
      from title_stats st join titles t on t.id = st.title_id`;
  const corpus = toNumber(totals?.corpus);
  const titleDocs = toNumber(totals?.title_docs);
  if (titleDocs === 0) return { weeks: [], phrases: [] };

  // From the title_keyphrase_stats rollup: the title's phrases, with each phrase's corpus document
  // frequency kept on the phrase. The title's own names are on every page already, not themes of
  // its coverage; they are lowered once (a materialised CTE), not once per phrase (16 ms down to 7
  // for a title with 5,000 phrases).
  const phrases = await db.$queryRaw<PhraseRow[]>`
    with t as materialized (
      select id, array(select lower(n) from unnest(array_append(aliases, name)) as n) as own_names from titles where slug = ${slug}
    )
    select st.keyphrase_id, k.key, k.text, st.documents, st.mentions, k.corpus_documents
      from t
      join title_keyphrase_stats st on st.title_id = t.id
      join keyphrases k on k.id = st.keyphrase_id
     where k.key <> all(t.own_names)`;
  const ranked = phrases
    .map((p) => ({ p, distinctiveness: keyphraseDistinctiveness(toNumber(p.documents), titleDocs, toNumber(p.corpus_documents), corpus) }))
    .sort((a, b) => b.distinctiveness - a.distinctiveness || toNumber(b.p.documents) - toNumber(a.p.documents) || a.p.text.localeCompare(b.p.text))
    .slice(0, Math.max(1, Math.floor(limit)));

  const weekRows = await db.$queryRaw<{ week: string; documents: unknown }[]>`
    select to_char(date_trunc('week', d.published_at::timestamp), 'YYYY-MM-DD') as week, count(*)::int as documents
      from documents d join titles t on t.id = d.title_id
     where t.slug = ${slug} and d.duplicate_of_id is null and d.published_at is not null
     group by 1 order by 1`;
  const ids = ranked.map((r) => r.p.keyphrase_id);
  // The weekly use of the ranked phrases, from the title_keyphrase_weeks rollup (same definition:
  // dated originals), instead of every keyphrase link of the title's documents.
  const usage = ids.length
    ? await db.$queryRaw<{ keyphrase_id: number; week: string; documents: unknown }[]>`
        select w.keyphrase_id, to_char(w.week, 'YYYY-MM-DD') as week, w.documents
          from title_keyphrase_weeks w
          join titles t on t.id = w.title_id
         where t.slug = ${slug} and w.keyphrase_id = any(${ids}::int[])`
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
