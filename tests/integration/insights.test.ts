// The insights queries and the events command against a real PostgreSQL with the demo corpus:
// events detected from coverage and added by hand, scores that leave out copies and non-English
// documents, and the timeline CSV that draws the same rows as the chart under the view filters.
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { eventsCommand } from "../../ingest/events-cli";
import { loadDemoCorpus } from "../../ingest/demo";
import { getPool } from "../../lib/db/client";
import { exportCsv } from "../../lib/export/datasets";
import { getTimeline } from "../../lib/queries/getTimeline";
import { getTitleEvents } from "../../lib/queries/getTitleEvents";
import { rebuildRollups } from "../../lib/store/rollups";
import { getTitleScores } from "../../lib/queries/getTitleScores";
import { runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("insights");

beforeAll(async () => {
  await loadDemoCorpus("test");
});

describe("events", () => {
  it("detects the trailer, the CinemaCon footage and the first reviews from Ballerina's coverage", async () => {
    const events = await getTitleEvents("ballerina");
    expect(events.filter((e) => e.origin === "detected").map((e) => [e.day, e.label])).toEqual([
      ["2025-02-18", "Trailer"],
      ["2025-04-02", "CinemaCon footage"],
      ["2025-06-03", "Reviews out (embargo lifts)"],
    ]);
  });

  it("adds, lists and removes an event by hand, validating its options", async () => {
    const added = await runCommand(eventsCommand, ["add", "--title", "Ballerina", "--date", "2025-05-13", "--label", "Final trailer"]);
    expect(added).toMatchObject({ code: 0, stdout: "Added: Ballerina · 2025-05-13 · Final trailer" });
    expect((await runCommand(eventsCommand, ["add", "--title", "ballerina", "--date", "2025-05-13", "--label", "Final trailer"])).stdout).toMatch(/^Already there/);
    const listed = await runCommand(eventsCommand, ["list", "--title", "Ballerina", "--json"]);
    expect(JSON.parse(listed.stdout)).toContainEqual({ day: "2025-05-13", label: "Final trailer", origin: "manual", documents: null, kind: null });

    const badDate = await runCommand(eventsCommand, ["add", "--title", "Ballerina", "--date", "13/05/2025", "--label", "x"]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--date "13\/05\/2025": expected a date as YYYY-MM-DD/);
    const longLabel = await runCommand(eventsCommand, ["add", "--title", "Ballerina", "--date", "2025-05-13", "--label", "x".repeat(61)]);
    expect(longLabel.stderr).toMatch(/at most 60 characters/);
    const unknown = await runCommand(eventsCommand, ["list", "--title", "No Such Film"]);
    expect(unknown.stderr).toMatch(/No title "No Such Film"\. See the registered ones with: npm run titles -- list/);

    expect((await runCommand(eventsCommand, ["remove", "--title", "Ballerina", "--date", "2025-05-13", "--label", "Final trailer"])).code).toBe(0);
    expect((await runCommand(eventsCommand, ["remove", "--title", "Ballerina", "--date", "2025-05-13", "--label", "Final trailer"])).stderr).toMatch(/No event "Final trailer"/);
  });
});

describe("scores", () => {
  it("count reception reviews for the reception score and leave out copies and non-English documents", async () => {
    const pool = await getPool();
    const { rows } = await pool.query(`
      select count(*) filter (where d.kind = 'review' and d.phase = 'reception')::int as reviews,
             count(*) filter (where d.kind = 'review' and d.phase = 'reception' and d.stance_label = 'positive')::int as positive,
             count(*) filter (where d.phase = 'anticipation')::int as anticipation
        from documents d join titles t on t.id = d.title_id
       where t.slug = 'ballerina' and d.duplicate_of_id is null and d.language = 'en'`);
    const scores = await getTitleScores("ballerina", {});
    expect(scores.receptionPositive).toMatchObject({ n: rows[0].reviews, successes: rows[0].positive, enoughCoverage: true });
    expect(scores.hype.n).toBe(rows[0].anticipation);
    // The syndicated CinemaCon copy is in the corpus but never counted.
    const { rows: copies } = await pool.query("select count(*)::int as n from documents d join titles t on t.id = d.title_id where t.slug = 'ballerina' and d.duplicate_of_id is not null");
    expect(copies[0].n).toBe(1);

    // A French review is stored but is no score's evidence, whether the rollup or the documents answer.
    const rebuild = async () => {
      const client = await pool.connect();
      try {
        await rebuildRollups(client, (await client.query("select id from titles where slug = 'ballerina'")).rows[0].id);
      } finally {
        client.release();
      }
    };
    await pool.query(`update documents set language = 'fr' where id = (
      select d.id from documents d join titles t on t.id = d.title_id where t.slug = 'ballerina' and d.kind = 'review' and d.phase = 'reception' order by d.id limit 1)`);
    await rebuild();
    try {
      expect((await getTitleScores("ballerina", {})).receptionPositive.n).toBe(rows[0].reviews - 1);
    } finally {
      await pool.query("update documents set language = 'en' where language = 'fr'");
      await rebuild();
    }
  });

  it("say not enough coverage below the minimum n", async () => {
    const scores = await getTitleScores("ballerina", { from: "2025-06-06", to: "2025-06-07" });
    expect(scores.receptionPositive).toMatchObject({ n: 2, share: null, enoughCoverage: false });
    expect(scores.expectationGap).toBeNull();
  });
});

describe("rollups", () => {
  // The timeline and the scores read title_daily_stats when the filters allow. The reference here
  // is the same figures straight from the documents and their sentences, as before the rollup.
  const reference = async (slug: string, f: { from?: string; to?: string; kind?: string; phase?: string }) => {
    const pool = await getPool();
    const { rows } = await pool.query(
      `select to_char(d.published_at, 'YYYY-MM-DD') as day, d.phase::text as phase, d.kind::text as kind, count(*)::int as documents,
              round(sum(d.stance_score)::numeric, 9)::float8 as stance_sum,
              (select count(*) from documents d2 join sentences s on s.document_id = d2.id
                where d2.title_id = d.title_id and d2.published_at = d.published_at and d2.phase = d.phase and d2.kind = d.kind
                  and d2.duplicate_of_id is null and d2.language = 'en' and s.anticipation > 0)::int as excitement
         from documents d join titles t on t.id = d.title_id
        where t.slug = $1 and d.published_at is not null and d.phase is not null and d.duplicate_of_id is null and d.language = 'en'
          and ($2::date is null or d.published_at >= $2::date) and ($3::date is null or d.published_at <= $3::date)
          and ($4::text is null or d.kind::text = $4) and ($5::text is null or d.phase::text = $5)
        group by d.title_id, d.published_at, d.phase, d.kind`,
      [slug, f.from ?? null, f.to ?? null, f.kind ?? null, f.phase ?? null],
    );
    return rows as { day: string; phase: string; kind: string; documents: number; stance_sum: number; excitement: number }[];
  };

  it("answer the timeline and the scores exactly as the documents do, under every filter they cover", async () => {
    const pool = await getPool();
    const slugs = (await pool.query<{ slug: string }>("select slug from titles order by slug")).rows.map((r) => r.slug);
    expect(slugs.length).toBeGreaterThan(1);
    const filterSets = [{}, { kind: "review" as const }, { phase: "anticipation" as const }, { from: "2025-03-01", to: "2025-06-30" }, { kind: "article" as const, phase: "reception" as const }];
    let checkedDays = 0;
    for (const slug of slugs) {
      for (const filters of filterSets) {
        const expected = await reference(slug, filters);
        const timeline = await getTimeline(slug, filters);
        const days = [...new Set(expected.map((r) => r.day))].sort();
        expect(timeline.map((r) => r.day)).toEqual(days);
        for (const row of timeline) {
          const of = (phase: string, kind?: string) => expected.filter((r) => r.day === row.day && r.phase === phase && (!kind || r.kind === kind));
          const sum = (rows: typeof expected, key: "documents" | "stance_sum" | "excitement") => rows.reduce((t, r) => t + r[key], 0);
          expect(row.anticipationArticles).toBe(sum(of("anticipation", "article"), "documents"));
          expect(row.receptionReviews).toBe(sum(of("reception", "review"), "documents"));
          expect(row.anticipationStanceSum).toBeCloseTo(sum(of("anticipation"), "stance_sum"), 6);
          expect(row.receptionStanceSum).toBeCloseTo(sum(of("reception"), "stance_sum"), 6);
          expect(row.excitement).toBe(sum(of("anticipation"), "excitement"));
          checkedDays++;
        }
        const scores = await getTitleScores(slug, filters);
        const undated = filters.from
          ? { reviews: 0, anticipation: 0 }
          : (
              await pool.query(
                `select count(*) filter (where d.phase = 'reception' and d.kind = 'review')::int as reviews, count(*) filter (where d.phase = 'anticipation')::int as anticipation
                   from documents d join titles t on t.id = d.title_id
                  where t.slug = $1 and d.published_at is null and d.phase is not null and d.duplicate_of_id is null and d.language = 'en'
                    and ($2::text is null or d.kind::text = $2) and ($3::text is null or d.phase::text = $3)`,
                [slug, "kind" in filters ? filters.kind : null, "phase" in filters ? filters.phase : null],
              )
            ).rows[0];
        const reviews = expected.filter((r) => r.phase === "reception" && r.kind === "review").reduce((t, r) => t + r.documents, 0);
        expect(scores.receptionAverage.n).toBe(reviews + undated.reviews);
        expect(scores.hype.n).toBe(expected.filter((r) => r.phase === "anticipation").reduce((t, r) => t + r.documents, 0) + undated.anticipation);
      }
    }
    expect(checkedDays).toBeGreaterThan(20);
  });

  it("are left as they were by a source or aspect filter, which the documents answer", async () => {
    const pool = await getPool();
    const { rows } = await pool.query<{ name: string }>(
      "select s.name from documents d join sources s on s.id = d.source_id join titles t on t.id = d.title_id where t.slug = 'ballerina' group by s.name order by count(*) desc limit 1",
    );
    const source = rows[0].name;
    const bySource = await getTimeline("ballerina", { source });
    const { rows: days } = await pool.query<{ n: number }>(
      `select count(distinct d.published_at)::int as n from documents d join sources s on s.id = d.source_id join titles t on t.id = d.title_id
        where t.slug = 'ballerina' and s.name = $1 and d.published_at is not null and d.phase is not null and d.duplicate_of_id is null and d.language = 'en'`,
      [source],
    );
    expect(bySource.length).toBe(days[0].n);
    expect(bySource.reduce((t, r) => t + r.documents, 0)).toBeLessThan((await getTimeline("ballerina", {})).reduce((t, r) => t + r.documents, 0));
  });
});

describe("timeline CSV", () => {
  it("exports the rows the chart draws under every view filter, with hype and the normalised view", async () => {
    const filters = { title: "ballerina", kind: "review", phase: "reception", from: "2025-06-01" } as const;
    const chart = await getTimeline("ballerina", filters);
    const csv = parse(await text(exportCsv("timeline", filters)), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.map((r) => r.day)).toEqual(chart.map((r) => r.day));
    expect(csv.map((r) => Number(r.reception_reviews))).toEqual(chart.map((r) => r.receptionReviews));
    for (const r of csv) {
      expect(Number(r.anticipation_articles) + Number(r.reception_articles)).toBe(0);
      expect(Number(r.share_of_tracked_percent)).toBeGreaterThan(0);
      expect(Number(r.share_of_tracked_percent)).toBeLessThanOrEqual(100);
    }
  });
});
