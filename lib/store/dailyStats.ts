// The per title/day/phase/kind rollup behind the timeline and the scores. Updated in the same
// transaction as each document, so charts never see a document without its rollup (or the
// reverse). Like every score, it counts English originals only (lib/metrics.ts).
import type { Queryable } from "../db/transaction";
import type { CteWrite } from "./cteWrites";

export interface DailyStatDelta {
  titleId: number;
  day: string;
  phase: "anticipation" | "reception";
  kind: "review" | "article";
  stanceScore: number;
  stanceLabel: "positive" | "mixed" | "negative" | "neutral";
  /** The document's excitement signals (excitementSignals in lib/metrics.ts). */
  excitement: number;
}

/** Adds one document to its title's rollup row (a write for lib/store/rollups.ts). */
export function dailyStatsWrite(d: DailyStatDelta): CteWrite {
  return {
    ctes: [
      {
        name: "daily_add",
        sql: `insert into title_daily_stats (title_id, day, phase, kind, documents, stance_sum, stance_sq, excitement, positive, negative, mixed, neutral)
     values ($1, $2::date, $3::"Phase", $4::"DocumentKind", 1, $5::float8, $5::float8 * $5::float8, $7::int,
             ($6::text = 'positive')::int, ($6::text = 'negative')::int, ($6::text = 'mixed')::int, ($6::text = 'neutral')::int)
     on conflict (title_id, day, phase, kind) do update set
       documents = title_daily_stats.documents + 1,
       stance_sum = title_daily_stats.stance_sum + excluded.stance_sum,
       stance_sq = title_daily_stats.stance_sq + excluded.stance_sq,
       excitement = title_daily_stats.excitement + excluded.excitement,
       positive = title_daily_stats.positive + excluded.positive,
       negative = title_daily_stats.negative + excluded.negative,
       mixed = title_daily_stats.mixed + excluded.mixed,
       neutral = title_daily_stats.neutral + excluded.neutral`,
      },
    ],
    params: [d.titleId, d.day, d.phase, d.kind, d.stanceScore, d.stanceLabel, d.excitement],
  };
}

/** Recomputes one title's rollup from its documents (after its release date, phases or copies change); copies count once, as their original. */
export async function rebuildDailyStats(client: Queryable, titleId: number): Promise<void> {
  await client.query("delete from title_daily_stats where title_id = $1", [titleId]);
  await client.query(
    `insert into title_daily_stats (title_id, day, phase, kind, documents, stance_sum, stance_sq, excitement, positive, negative, mixed, neutral)
     select title_id, published_at, phase, kind, count(*), sum(stance_score), sum(stance_score * stance_score), sum(excitement),
            count(*) filter (where stance_label = 'positive'), count(*) filter (where stance_label = 'negative'),
            count(*) filter (where stance_label = 'mixed'), count(*) filter (where stance_label = 'neutral')
       from documents
      where title_id = $1 and published_at is not null and phase is not null and duplicate_of_id is null and language = 'en'
      group by title_id, published_at, phase, kind`,
    [titleId],
  );
}
