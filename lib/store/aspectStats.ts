// The per title/aspect/phase rollup behind the aspects chart: coverage (every sentence naming the
// aspect) and n, sum and sum of squares of the scores of the evaluative ones. The row with aspect
// ALL_ASPECTS ("*") takes every sentence of the document, whatever its aspects: the title-level
// figures on the same scale. Kept in the same transaction as each document; copies never add to it.
import type { Queryable } from "../db/transaction";
import type { AnalyzedSentence, Phase } from "../analysis/types";
import { STANCE_THRESHOLDS, aspectPolarity } from "../metrics";
import type { CteWrite } from "./cteWrites";

/** The rollup row that holds every sentence of the title. */
export const ALL_ASPECTS = "*";

interface Delta {
  mentions: number;
  n: number;
  sum: number;
  sumSq: number;
  positive: number;
  negative: number;
}

/** One document's sentences as rollup deltas, one per aspect it names plus ALL_ASPECTS. */
export function aspectDeltas(sentences: readonly AnalyzedSentence[]): Map<string, Delta> {
  const deltas = new Map<string, Delta>();
  for (const s of sentences) {
    for (const aspect of [...s.aspects, ALL_ASPECTS]) {
      let d = deltas.get(aspect);
      if (!d) deltas.set(aspect, (d = { mentions: 0, n: 0, sum: 0, sumSq: 0, positive: 0, negative: 0 }));
      d.mentions++;
      if (!s.evaluative) continue;
      d.n++;
      d.sum += s.score;
      d.sumSq += s.score * s.score;
      const polarity = aspectPolarity(s.score);
      if (polarity === "positive") d.positive++;
      if (polarity === "negative") d.negative++;
    }
  }
  return deltas;
}

/** Adds one document's sentences to its title's aspect rollup (a write for lib/store/rollups.ts). */
export function aspectStatsWrite(titleId: number, phase: Phase, sentences: readonly AnalyzedSentence[]): CteWrite | null {
  const rows = [...aspectDeltas(sentences)];
  if (rows.length === 0) return null;
  return {
    ctes: [
      {
        name: "aspect_add",
        sql: `insert into title_aspect_stats (title_id, aspect, phase, mentions, n, score_sum, score_sq, positive, negative)
     select $1::int, a, $2::"Phase", c, n, s, q, p, m
       from unnest($3::text[], $4::int[], $5::int[], $6::float8[], $7::float8[], $8::int[], $9::int[]) as v(a, c, n, s, q, p, m)
     on conflict (title_id, aspect, phase) do update set
       mentions = title_aspect_stats.mentions + excluded.mentions,
       n = title_aspect_stats.n + excluded.n,
       score_sum = title_aspect_stats.score_sum + excluded.score_sum,
       score_sq = title_aspect_stats.score_sq + excluded.score_sq,
       positive = title_aspect_stats.positive + excluded.positive,
       negative = title_aspect_stats.negative + excluded.negative`,
      },
    ],
    params: [
      titleId,
      phase,
      rows.map(([a]) => a),
      rows.map(([, d]) => d.mentions),
      rows.map(([, d]) => d.n),
      rows.map(([, d]) => d.sum),
      rows.map(([, d]) => d.sumSq),
      rows.map(([, d]) => d.positive),
      rows.map(([, d]) => d.negative),
    ],
  };
}

/** Recomputes one title's aspect rollup from its sentences (after phases or copies change). */
export async function rebuildAspectStats(client: Queryable, titleId: number): Promise<void> {
  await client.query("delete from title_aspect_stats where title_id = $1", [titleId]);
  // Same polarity band as aspectPolarity().
  await client.query(
    `insert into title_aspect_stats (title_id, aspect, phase, mentions, n, score_sum, score_sq, positive, negative)
     select d.title_id, a.aspect, d.phase, count(*), count(*) filter (where s.evaluative),
            coalesce(sum(s.score) filter (where s.evaluative), 0), coalesce(sum(s.score * s.score) filter (where s.evaluative), 0),
            count(*) filter (where s.evaluative and s.score >= $2), count(*) filter (where s.evaluative and s.score <= -$2)
       from documents d
       join sentences s on s.document_id = d.id
       cross join lateral unnest(array_append(s.aspects, $3::text)) as a(aspect)
      where d.title_id = $1 and d.phase is not null and d.duplicate_of_id is null
      group by d.title_id, a.aspect, d.phase`,
    [titleId, STANCE_THRESHOLDS.neutralBand, ALL_ASPECTS],
  );
}
