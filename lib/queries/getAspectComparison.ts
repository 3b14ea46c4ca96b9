import { ASPECTS, type AspectKey } from "../analysis/aspects";
import { getDb } from "../db/client";
import { ALL_ASPECTS } from "../store/aspectStats";
import { type ScoreSummary, STANCE_THRESHOLDS, expectationGap, summarizeScores } from "../metrics";
import { toNumber } from "./_convert";
import { type ThemeFilters, documentConditions, hasFilters } from "./_themeFilters";

/** One phase of one aspect: the evaluative sentences that mention it. */
export interface AspectPhaseStats extends ScoreSummary {
  /** Sentences that lean positive / negative (outside the neutral band, see aspectPolarity). */
  positive: number;
  negative: number;
}

export interface AspectComparisonRow {
  key: AspectKey;
  label: string;
  description: string;
  /** Coverage: sentences of any kind (evaluative or descriptive) that mention the aspect, in documents of a known phase. */
  mentions: number;
  /** 1 = most covered; aspects are listed by coverage, then in taxonomy order. */
  rank: number;
  anticipation: AspectPhaseStats;
  reception: AspectPhaseStats;
  /** Reception minus anticipation mean; null unless both have enough coverage. */
  gap: number | null;
}

export interface AspectComparison {
  aspects: AspectComparisonRow[];
  /** All evaluative sentences of the title, whatever their aspect: the title-level gap on the same scale. */
  overall: { anticipation: AspectPhaseStats; reception: AspectPhaseStats; gap: number | null };
}

interface SumsRow {
  aspect: string;
  phase: "anticipation" | "reception";
  mentions: unknown;
  n: unknown;
  score_sum: unknown;
  score_sq: unknown;
  positive: unknown;
  negative: unknown;
}

/**
 * Anticipation vs reception per aspect for one title (every aspect of the taxonomy, including
 * those with no coverage). Without filters everything comes from the title_aspect_stats rollup
 * (≤ 2 rows per aspect); with filters it is computed from the sentences, with the same definitions.
 * Copies are never counted.
 */
export async function getAspectComparison(slug: string, filters: ThemeFilters = {}): Promise<AspectComparison> {
  const db = await getDb();
  const where = documentConditions(filters);
  // The same neutral band as aspectPolarity() and the rollup.
  const band = STANCE_THRESHOLDS.neutralBand;
  // Per aspect and phase: coverage (every sentence naming it) and the evaluative sums; the row
  // ALL_ASPECTS holds every sentence of the title, for the title-level gap on the same scale.
  const sums = hasFilters(filters)
    ? await db.$queryRaw<SumsRow[]>`
        select a.aspect, d.phase::text as phase, count(*)::int as mentions, count(*) filter (where s.evaluative)::int as n,
               coalesce(sum(s.score) filter (where s.evaluative), 0)::float8 as score_sum,
               coalesce(sum(s.score * s.score) filter (where s.evaluative), 0)::float8 as score_sq,
               count(*) filter (where s.evaluative and s.score >= ${band}::float8)::int as positive,
               count(*) filter (where s.evaluative and s.score <= -(${band}::float8))::int as negative
          from documents d
          join titles t on t.id = d.title_id
          join sentences s on s.document_id = d.id
          cross join lateral unnest(array_append(s.aspects, ${ALL_ASPECTS}::text)) as a(aspect)
         where t.slug = ${slug} and d.phase is not null and ${where}
         group by a.aspect, d.phase`
    : await db.$queryRaw<SumsRow[]>`
        select st.aspect, st.phase::text as phase, st.mentions, st.n, st.score_sum, st.score_sq, st.positive, st.negative
          from title_aspect_stats st join titles t on t.id = st.title_id
         where t.slug = ${slug}`;

  const phaseStats = (aspect: string, phase: "anticipation" | "reception", rows: SumsRow[]): AspectPhaseStats => {
    const row = rows.find((r) => r.aspect === aspect && r.phase === phase);
    const summary = summarizeScores({ n: toNumber(row?.n), sum: toNumber(row?.score_sum), sumSq: toNumber(row?.score_sq) });
    return { ...summary, positive: toNumber(row?.positive), negative: toNumber(row?.negative) };
  };
  const mentionsOf = new Map<string, number>();
  for (const r of sums) mentionsOf.set(r.aspect, (mentionsOf.get(r.aspect) ?? 0) + toNumber(r.mentions));
  const rows = ASPECTS.map((a, order) => {
    const anticipation = phaseStats(a.key, "anticipation", sums);
    const reception = phaseStats(a.key, "reception", sums);
    return { order, row: { key: a.key, label: a.label, description: a.description, mentions: mentionsOf.get(a.key) ?? 0, rank: 0, anticipation, reception, gap: expectationGap(reception, anticipation) } };
  });
  rows.sort((a, b) => b.row.mentions - a.row.mentions || a.order - b.order);
  rows.forEach((r, i) => (r.row.rank = i + 1));
  const anticipation = phaseStats(ALL_ASPECTS, "anticipation", sums);
  const reception = phaseStats(ALL_ASPECTS, "reception", sums);
  return { aspects: rows.map((r) => r.row), overall: { anticipation, reception, gap: expectationGap(reception, anticipation) } };
}
