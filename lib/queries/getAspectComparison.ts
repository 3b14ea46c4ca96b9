import { ASPECTS, type AspectKey } from "../analysis/aspects";
import { getDb } from "../db/client";
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
  /** Coverage: sentences of any kind (evaluative or descriptive) that mention the aspect. */
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
  n: unknown;
  score_sum: unknown;
  score_sq: unknown;
  positive: unknown;
  negative: unknown;
}

const OVERALL = "*";

/**
 * Anticipation vs reception per aspect for one title (every aspect of the taxonomy, including
 * those with no coverage). Without filters the per-aspect sums come from the title_aspect_stats
 * rollup; with filters they are computed from the sentences, with the same definitions.
 * Copies are never counted.
 */
export async function getAspectComparison(slug: string, filters: ThemeFilters = {}): Promise<AspectComparison> {
  const db = await getDb();
  const where = documentConditions(filters);
  // The same neutral band as aspectPolarity() and the rollup.
  const band = STANCE_THRESHOLDS.neutralBand;
  const sums = hasFilters(filters)
    ? await db.$queryRaw<SumsRow[]>`
        select a.aspect, d.phase::text as phase, count(*)::int as n,
               sum(s.score)::float8 as score_sum, sum(s.score * s.score)::float8 as score_sq,
               count(*) filter (where s.score >= ${band}::float8)::int as positive,
               count(*) filter (where s.score <= -(${band}::float8))::int as negative
          from documents d
          join titles t on t.id = d.title_id
          join sentences s on s.document_id = d.id
          cross join lateral unnest(s.aspects) as a(aspect)
         where t.slug = ${slug} and d.phase is not null and s.evaluative and ${where}
         group by a.aspect, d.phase`
    : await db.$queryRaw<SumsRow[]>`
        select st.aspect, st.phase::text as phase, st.n, st.score_sum, st.score_sq, st.positive, st.negative
          from title_aspect_stats st join titles t on t.id = st.title_id
         where t.slug = ${slug}`;
  const coverage = await db.$queryRaw<{ aspect: string; mentions: unknown }[]>`
    select a.aspect, count(*)::int as mentions
      from documents d
      join titles t on t.id = d.title_id
      join sentences s on s.document_id = d.id
      cross join lateral unnest(s.aspects) as a(aspect)
     where t.slug = ${slug} and ${where}
     group by a.aspect`;
  // The rollup has no "all sentences" row: the title-level sums are read from the sentences.
  const overallRows = await db.$queryRaw<SumsRow[]>`
        select ${OVERALL}::text as aspect, d.phase::text as phase, count(*)::int as n,
               sum(s.score)::float8 as score_sum, sum(s.score * s.score)::float8 as score_sq,
               count(*) filter (where s.score >= ${band}::float8)::int as positive,
               count(*) filter (where s.score <= -(${band}::float8))::int as negative
          from documents d join titles t on t.id = d.title_id join sentences s on s.document_id = d.id
         where t.slug = ${slug} and d.phase is not null and s.evaluative and ${where}
         group by d.phase`;

  const phaseStats = (aspect: string, phase: "anticipation" | "reception", rows: SumsRow[]): AspectPhaseStats => {
    const row = rows.find((r) => r.aspect === aspect && r.phase === phase);
    const summary = summarizeScores({ n: toNumber(row?.n), sum: toNumber(row?.score_sum), sumSq: toNumber(row?.score_sq) });
    return { ...summary, positive: toNumber(row?.positive), negative: toNumber(row?.negative) };
  };
  const mentionsOf = new Map(coverage.map((r) => [r.aspect, toNumber(r.mentions)]));
  const rows = ASPECTS.map((a, order) => {
    const anticipation = phaseStats(a.key, "anticipation", sums);
    const reception = phaseStats(a.key, "reception", sums);
    return { order, row: { key: a.key, label: a.label, description: a.description, mentions: mentionsOf.get(a.key) ?? 0, rank: 0, anticipation, reception, gap: expectationGap(reception, anticipation) } };
  });
  rows.sort((a, b) => b.row.mentions - a.row.mentions || a.order - b.order);
  rows.forEach((r, i) => (r.row.rank = i + 1));
  const anticipation = phaseStats(OVERALL, "anticipation", overallRows);
  const reception = phaseStats(OVERALL, "reception", overallRows);
  return { aspects: rows.map((r) => r.row), overall: { anticipation, reception, gap: expectationGap(reception, anticipation) } };
}
