// The per title/day/phase/kind rollup behind the timeline. Updated in the same transaction as each
// document, so charts never see a document without its rollup (or the reverse).
import type pg from "pg";

type Queryable = Pick<pg.PoolClient, "query">;

export interface DailyStatDelta {
  titleId: number;
  day: string;
  phase: "anticipation" | "reception";
  kind: "review" | "article";
  stanceScore: number;
  stanceLabel: "positive" | "mixed" | "negative" | "neutral";
}

export async function addToDailyStats(client: Queryable, d: DailyStatDelta): Promise<void> {
  await client.query(
    `insert into title_daily_stats (title_id, day, phase, kind, documents, stance_sum, positive, negative, mixed, neutral)
     values ($1, $2::date, $3::"Phase", $4::"DocumentKind", 1, $5, ($6 = 'positive')::int, ($6 = 'negative')::int, ($6 = 'mixed')::int, ($6 = 'neutral')::int)
     on conflict (title_id, day, phase, kind) do update set
       documents = title_daily_stats.documents + 1,
       stance_sum = title_daily_stats.stance_sum + excluded.stance_sum,
       positive = title_daily_stats.positive + excluded.positive,
       negative = title_daily_stats.negative + excluded.negative,
       mixed = title_daily_stats.mixed + excluded.mixed,
       neutral = title_daily_stats.neutral + excluded.neutral`,
    [d.titleId, d.day, d.phase, d.kind, d.stanceScore, d.stanceLabel],
  );
}

/** Recomputes one title's rollup from its documents (after its release date, phases or copies change); copies count once, as their original. */
export async function rebuildDailyStats(client: Queryable, titleId: number): Promise<void> {
  await client.query("delete from title_daily_stats where title_id = $1", [titleId]);
  await client.query(
    `insert into title_daily_stats (title_id, day, phase, kind, documents, stance_sum, positive, negative, mixed, neutral)
     select title_id, published_at, phase, kind, count(*), sum(stance_score),
            count(*) filter (where stance_label = 'positive'), count(*) filter (where stance_label = 'negative'),
            count(*) filter (where stance_label = 'mixed'), count(*) filter (where stance_label = 'neutral')
       from documents
      where title_id = $1 and published_at is not null and phase is not null and duplicate_of_id is null
      group by title_id, published_at, phase, kind`,
    [titleId],
  );
}
