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

    // A French review is stored but is no score's evidence.
    await pool.query(`update documents set language = 'fr' where id = (
      select d.id from documents d join titles t on t.id = d.title_id where t.slug = 'ballerina' and d.kind = 'review' and d.phase = 'reception' order by d.id limit 1)`);
    try {
      expect((await getTitleScores("ballerina", {})).receptionPositive.n).toBe(rows[0].reviews - 1);
    } finally {
      await pool.query("update documents set language = 'en' where language = 'fr'");
    }
  });

  it("say not enough coverage below the minimum n", async () => {
    const scores = await getTitleScores("ballerina", { from: "2025-06-06", to: "2025-06-07" });
    expect(scores.receptionPositive).toMatchObject({ n: 2, share: null, enoughCoverage: false });
    expect(scores.expectationGap).toBeNull();
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
