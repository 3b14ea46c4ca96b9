// The per title/aspect/phase rollup behind the aspects chart: n, sum and sum of squares of the
// scores of the evaluative sentences that mention each aspect. Kept in the same transaction as
// each document; copies never add to it.
import type pg from "pg";
import type { AnalyzedSentence, Phase } from "../analysis/types";
import { STANCE_THRESHOLDS, aspectPolarity } from "../metrics";

type Queryable = Pick<pg.PoolClient, "query">;

interface Delta {
  n: number;
  sum: number;
  sumSq: number;
  positive: number;
  negative: number;
}

/** Adds one document's evaluative sentences to its title's aspect rollup. */
export async function addToAspectStats(client: Queryable, titleId: number, phase: Phase, sentences: readonly AnalyzedSentence[]): Promise<void> {
  const deltas = new Map<string, Delta>();
  for (const s of sentences) {
    if (!s.evaluative) continue;
    for (const aspect of s.aspects) {
      const d = deltas.get(aspect) ?? { n: 0, sum: 0, sumSq: 0, positive: 0, negative: 0 };
      d.n++;
      d.sum += s.score;
      d.sumSq += s.score * s.score;
      const polarity = aspectPolarity(s.score);
      if (polarity === "positive") d.positive++;
      if (polarity === "negative") d.negative++;
      deltas.set(aspect, d);
    }
  }
  if (deltas.size === 0) return;
  const rows = [...deltas];
  await client.query(
    `insert into title_aspect_stats (title_id, aspect, phase, n, score_sum, score_sq, positive, negative)
     select $1, a, $2::"Phase", n, s, q, p, m
       from unnest($3::text[], $4::int[], $5::float8[], $6::float8[], $7::int[], $8::int[]) as v(a, n, s, q, p, m)
     on conflict (title_id, aspect, phase) do update set
       n = title_aspect_stats.n + excluded.n,
       score_sum = title_aspect_stats.score_sum + excluded.score_sum,
       score_sq = title_aspect_stats.score_sq + excluded.score_sq,
       positive = title_aspect_stats.positive + excluded.positive,
       negative = title_aspect_stats.negative + excluded.negative`,
    [
      titleId,
      phase,
      rows.map(([a]) => a),
      rows.map(([, d]) => d.n),
      rows.map(([, d]) => d.sum),
      rows.map(([, d]) => d.sumSq),
      rows.map(([, d]) => d.positive),
      rows.map(([, d]) => d.negative),
    ],
  );
}

/** Recomputes one title's aspect rollup from its sentences (after phases or copies change). */
export async function rebuildAspectStats(client: Queryable, titleId: number): Promise<void> {
  await client.query("delete from title_aspect_stats where title_id = $1", [titleId]);
  // Same polarity band as aspectPolarity().
  await client.query(
    `insert into title_aspect_stats (title_id, aspect, phase, n, score_sum, score_sq, positive, negative)
     select d.title_id, a.aspect, d.phase, count(*), sum(s.score), sum(s.score * s.score),
            count(*) filter (where s.score >= $2), count(*) filter (where s.score <= -$2)
       from documents d
       join sentences s on s.document_id = d.id
       cross join lateral unnest(s.aspects) as a(aspect)
      where d.title_id = $1 and d.phase is not null and d.duplicate_of_id is null and s.evaluative
      group by d.title_id, a.aspect, d.phase`,
    [titleId, STANCE_THRESHOLDS.neutralBand],
  );
}
