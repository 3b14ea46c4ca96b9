// Themes end to end on real PostgreSQL: the three seeds, then the demo corpus, through the real
// ingest pipeline; then the queries, rollups and CSV exports the title page is built from.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ingestCommand } from "../../ingest/cli";
import { loadDemoCorpus } from "../../ingest/demo";
import { getPool } from "../../lib/db/client";
import { exportCsv } from "../../lib/export/datasets";
import { getAspectComparison } from "../../lib/queries/getAspectComparison";
import { getClaimConflicts } from "../../lib/queries/getClaimConflicts";
import { getDocumentFlags } from "../../lib/queries/getDocumentFlags";
import { getDocumentThemes } from "../../lib/queries/getDocumentThemes";
import { getKeyphraseTrends } from "../../lib/queries/getKeyphraseTrends";
import { getOverview } from "../../lib/queries/getOverview";
import { getTitlePeople } from "../../lib/queries/getTitlePeople";
import { getTitleSummary } from "../../lib/queries/getTitleSummary";
import { getTopKeyphrases } from "../../lib/queries/getTopKeyphrases";
import { rebuildRollups } from "../../lib/store/rollups";
import { saveTitle } from "../../lib/store/titles";
import { runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("themes");

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
const csvRows = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true });

async function documentId(where: string, params: unknown[]): Promise<number> {
  const pool = await getPool();
  const { rows } = await pool.query<{ id: number }>(`select d.id from documents d left join sources s on s.id = d.source_id where ${where}`, params);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** The rollups as stored, and as a rebuild from the documents would make them: they must agree. */
async function rollupsMatchRebuild(titleSlug: string, expectAspects = true): Promise<void> {
  const pool = await getPool();
  const client = await pool.connect();
  const read = async () => ({
    aspects: (await client.query("select aspect, phase, mentions, n, round(score_sum::numeric, 6) s, round(score_sq::numeric, 6) q, positive, negative from title_aspect_stats where title_id = (select id from titles where slug = $1) and aspect <> '*' order by 1, 2", [titleSlug])).rows,
    all: (await client.query("select phase, mentions, n, round(score_sum::numeric, 6) s, round(score_sq::numeric, 6) q, positive, negative from title_aspect_stats where title_id = (select id from titles where slug = $1) and aspect = '*' order by 1", [titleSlug])).rows,
    daily: (await client.query("select day, phase, kind, documents, round(stance_sum::numeric, 6) s, round(stance_sq::numeric, 6) q, excitement, positive, negative, mixed, neutral from title_daily_stats where title_id = (select id from titles where slug = $1) order by 1, 2, 3", [titleSlug])).rows,
    keyphrases: (await client.query("select keyphrase_id, documents, mentions from title_keyphrase_stats where title_id = (select id from titles where slug = $1) order by 1", [titleSlug])).rows,
    keyphraseWeeks: (await client.query("select keyphrase_id, to_char(week, 'YYYY-MM-DD') week, documents from title_keyphrase_weeks where title_id = (select id from titles where slug = $1) order by 1, 2", [titleSlug])).rows,
    events: (await client.query("select day, event, documents from title_event_stats where title_id = (select id from titles where slug = $1) order by 1, 2", [titleSlug])).rows,
    counts: (await client.query("select documents from title_stats where title_id = (select id from titles where slug = $1)", [titleSlug])).rows,
    corpus: (await client.query("select id, corpus_documents from keyphrases where corpus_documents <> 0 order by id")).rows,
  });
  try {
    await client.query("begin");
    const stored = await read();
    const { rows } = await client.query<{ id: number }>("select id from titles where slug = $1", [titleSlug]);
    await rebuildRollups(client, rows[0].id);
    const rebuilt = await read();
    if (expectAspects) expect(stored.aspects.length).toBeGreaterThan(0);
    if (expectAspects) expect(stored.keyphrases.length).toBeGreaterThan(0);
    if (expectAspects) expect(stored.keyphraseWeeks.length).toBeGreaterThan(0);
    expect(stored.all.length).toBeGreaterThan(0);
    expect(stored.daily.length).toBeGreaterThan(0);
    expect(stored.events.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
  } finally {
    await client.query("rollback");
    client.release();
  }
}

describe.skipIf(!existsSync(SEEDS))("themes of the three seeds", () => {
  it("finds the release-date conflict: June 6, 2025 ×2 vs June 7, 2024 ×1, against the registered date", async () => {
    await saveTitle({ name: "Ballerina", releaseDate: "2025-06-06" });
    const ingest = await runCommand(ingestCommand, [SEEDS, "--title", "Ballerina", "--json"]);
    expect(ingest.code).toBe(0);

    const { releaseDate, kinds } = await getClaimConflicts("ballerina");
    expect(releaseDate).toBe("2025-06-06");
    const release = kinds.find((k) => k.kind === "release_date")!;
    expect(release.conflict).toBe(true);
    expect(release.values.map((v) => [v.value, v.documents, v.agreesWithRelease])).toEqual([
      ["2025-06-06", 2, true],
      ["2024-06-07", 1, false],
    ]);
    expect(release.values[1].quotes[0].quote).toBe("Release Date: June 7, 2024");
    const year = kinds.find((k) => k.kind === "year")!;
    expect(year.values.map((v) => [v.value, v.documents, v.agreesWithRelease])).toEqual([["2024", 1, false]]);
    expect(kinds.find((k) => k.kind === "director")?.values.map((v) => [v.display, v.documents])).toEqual([["Len Wiseman", 3]]);
    expect(kinds.find((k) => k.kind === "runtime")?.values.map((v) => v.value)).toEqual(["123"]);

    // The review that says 2024 carries the flag; its themes list the claim with its sentence.
    const review = await documentId("d.text like $1", ["%Rooney doesn’t walk in John’s footsteps%"]);
    const themes = (await getDocumentThemes(review))!;
    expect(themes.flags.map((f) => f.flag)).toEqual(["release_date_disagrees"]);
    expect(themes.claims.find((c) => c.kind === "release_date")).toMatchObject({ value: "2024-06-07", agreesWithRelease: false });
    expect(themes.claims.find((c) => c.kind === "release_date")!.sentenceIndex).not.toBeNull();
  });

  it("ranks action & choreography and performances & cast as Ballerina's leading aspects", async () => {
    const { aspects, overall } = await getAspectComparison("ballerina");
    expect(aspects).toHaveLength(12);
    expect(aspects.slice(0, 2).map((a) => a.key).sort()).toEqual(["action", "performances"]);
    // Below MIN_N there is no number, only "not enough coverage".
    for (const a of aspects) {
      for (const side of [a.anticipation, a.reception]) {
        expect(side.enoughCoverage).toBe(side.n >= 3);
        if (!side.enoughCoverage) expect(side.mean).toBeNull();
        else expect(side.low! <= side.mean! && side.mean! <= side.high!).toBe(true);
      }
    }
    expect(overall.anticipation.n).toBeGreaterThan(0);
    await rollupsMatchRebuild("ballerina");
  });

  it("names Ana de Armas and Keanu Reeves among its people, and never the title or its characters", async () => {
    const people = await getTitlePeople("ballerina");
    const names = people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Ana de Armas", "Keanu Reeves", "Len Wiseman", "Lionsgate"]));
    expect(names).not.toContain("John Wick");
    expect(names).not.toContain("Ballerina");
    expect(people.find((p) => p.name === "Lionsgate")?.kind).toBe("organization");
    const ana = people.find((p) => p.name === "Ana de Armas")!;
    expect(ana.documents).toBe(3);
    expect(ana.mentions).toBeGreaterThanOrEqual(ana.documents);
  });

  it("keeps boilerplate out of keyphrases and counts the scraped repeat once", async () => {
    const pool = await getPool();
    const { rows } = await pool.query<{ key: string }>(
      `select k.key from keyphrases k join document_keyphrases dk on dk.keyphrase_id = k.id
         join documents d on d.id = dk.document_id join titles t on t.id = d.title_id where t.slug = 'ballerina'`,
    );
    const trends = await getKeyphraseTrends("ballerina", 100);
    const keys = [...rows.map((r) => r.key), ...trends.phrases.map((p) => p.key), ...(await getTopKeyphrases("ballerina", {}, 100)).map((k) => k.key)];
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(key).not.toMatch(/reply|email|source link|related posts?/);

    const repeated = await pool.query<{ n: number }>("select count(*)::int as n from sentences where text like 'From snowy landscapes to dark basements%'");
    expect(repeated.rows[0].n).toBe(1);
    const aspects = await pool.query<{ aspects: string[] }>("select aspects from sentences where text like 'From snowy landscapes to dark basements%'");
    expect(aspects.rows[0].aspects).toEqual(expect.arrayContaining(["marketing"]));
  });
});

describe("themes of the demo corpus", () => {
  it("flags Matinee Mind's syndicated copy of the Projector Notes piece and counts it once", async () => {
    const report = await loadDemoCorpus("test");
    expect(report.failed).toBe(0);
    const original = await documentId("s.name = 'Projector Notes' and d.headline like 'What Ballerina''s CinemaCon footage%'", []);
    const copy = await documentId("s.name = 'Matinee Mind' and d.headline like 'Ballerina''s CinemaCon reel%'", []);

    const copyThemes = (await getDocumentThemes(copy))!;
    expect(copyThemes.copyOf?.id).toBe(original);
    expect(copyThemes.flags.map((f) => f.flag)).toContain("copy");
    expect((await getDocumentThemes(original))!.copies.map((c) => c.id)).toEqual([copy]);
    const flagged = await getDocumentFlags("ballerina");
    expect(flagged.counts.copy).toBe(1);
    expect(flagged.documents.find((d) => d.id === copy)?.copyOf?.id).toBe(original);

    // Counted once everywhere: document counts, the daily rollup, aspects, people, keyphrases.
    const pool = await getPool();
    const { rows } = await pool.query<{ all: number; originals: number; dated: number }>(
      `select count(*)::int as all, count(*) filter (where duplicate_of_id is null)::int as originals,
              count(*) filter (where duplicate_of_id is null and published_at is not null and phase is not null)::int as dated
         from documents where title_id = (select id from titles where slug = 'ballerina')`,
    );
    expect(rows[0].all - rows[0].originals).toBe(1);
    const titleId = (await pool.query<{ id: number }>("select id from titles where slug = 'ballerina'")).rows[0].id;
    expect((await getTitleSummary(titleId)).documents).toBe(rows[0].originals);
    expect((await getOverview()).find((t) => t.slug === "ballerina")?.documents).toBe(rows[0].originals);
    const rolled = await pool.query<{ n: number }>("select sum(documents)::int as n from title_daily_stats where title_id = $1", [titleId]);
    expect(rolled.rows[0].n).toBe(rows[0].dated);
    await rollupsMatchRebuild("ballerina");
    const copyLinks = await pool.query<{ n: number }>("select count(*)::int as n from document_keyphrases where document_id = $1", [copy]);
    expect(copyLinks.rows[0].n).toBeGreaterThan(0);
    const top = await getTopKeyphrases("ballerina", {}, 500);
    const { rows: linked } = await pool.query<{ key: string; n: number }>(
      `select k.key, count(*)::int as n from document_keyphrases dk join keyphrases k on k.id = dk.keyphrase_id
         join documents d on d.id = dk.document_id where d.title_id = $1 and d.duplicate_of_id is null group by k.key`,
      [titleId],
    );
    for (const k of top) expect(k.documents).toBe(linked.find((l) => l.key === k.key)?.n);
    // A phrase that is one of the title's names is never one of its trend phrases.
    const before = (await getKeyphraseTrends("ballerina", 500)).phrases.map((p) => p.key);
    expect(before.length).toBeGreaterThan(10);
    const named = before[0];
    await pool.query("update titles set aliases = array_append(aliases, upper($2)) where id = $1", [titleId, named]);
    try {
      const after = (await getKeyphraseTrends("ballerina", 500)).phrases.map((p) => p.key);
      expect(after).toEqual(before.filter((key) => key !== named));
    } finally {
      await pool.query("update titles set aliases = array_remove(aliases, upper($2)) where id = $1", [titleId, named]);
    }
    // Each phrase's weekly use (the title_keyphrase_weeks rollup) is what its documents say.
    const { rows: weekly } = await pool.query<{ key: string; week: string; n: number }>(
      `select k.key, to_char(date_trunc('week', d.published_at::timestamp), 'YYYY-MM-DD') as week, count(*)::int as n
         from document_keyphrases dk join keyphrases k on k.id = dk.keyphrase_id join documents d on d.id = dk.document_id
        where d.title_id = $1 and d.duplicate_of_id is null and d.published_at is not null group by 1, 2`,
      [titleId],
    );
    const expected = new Map(weekly.map((w) => [`${w.key}|${w.week}`, w.n]));
    const trends = await getKeyphraseTrends("ballerina", 500);
    const cells = trends.phrases.flatMap((p) => p.weekly.map((w) => ({ cell: `${p.key}|${w.week}`, documents: w.documents })));
    expect(cells.filter((c) => c.documents > 0).length).toBeGreaterThan(20);
    expect(cells).toEqual(cells.map((c) => ({ cell: c.cell, documents: expected.get(c.cell) ?? 0 })));
  });

  it("finds Signal Fire's release-date conflict: August 15 against one August 22", async () => {
    const { kinds } = await getClaimConflicts("signal-fire");
    const release = kinds.find((k) => k.kind === "release_date")!;
    expect(release.conflict).toBe(true);
    expect(release.values.map((v) => [v.value, v.agreesWithRelease])).toEqual([
      ["2025-08-15", true],
      ["2025-08-22", false],
    ]);
    expect(release.values[0].documents).toBeGreaterThanOrEqual(2);
    expect(release.values[1].documents).toBe(1);
    expect(release.values[1].quotes[0].source).toBe("Projector Notes");

    const conflicts = csvRows(await text(exportCsv("conflicts", { title: "signal-fire" })));
    const dates = conflicts.filter((r) => r.kind === "release_date");
    expect(dates.map((r) => [r.value, r.documents, r.agrees_with_registered, r.registered_release_date])).toEqual([
      ["2025-08-15", String(release.values[0].documents), "true", "2025-08-15"],
      ["2025-08-22", "1", "false", "2025-08-15"],
    ]);
  });

  it("flags reviews published before release, and re-derives flags and aspects when the date moves", async () => {
    const early = await documentId("s.name = 'The Cutting Room' and d.headline like 'Ballerina review%'", []);
    expect((await getDocumentThemes(early))!.flags.map((f) => f.flag)).toContain("review_before_release");

    await saveTitle({ name: "Ballerina", releaseDate: "2025-06-01" });
    expect((await getDocumentThemes(early))!.flags.map((f) => f.flag)).not.toContain("review_before_release");
    await rollupsMatchRebuild("ballerina");
    await saveTitle({ name: "Ballerina", releaseDate: "2025-06-06" });
    expect((await getDocumentThemes(early))!.flags.map((f) => f.flag)).toContain("review_before_release");
  });

  it("exports aspects, people and claims from the same queries as the page", async () => {
    const aspects = csvRows(await text(exportCsv("aspects", { title: "ballerina" })));
    const chart = await getAspectComparison("ballerina");
    expect(aspects.map((r) => r.aspect)).toEqual(chart.aspects.map((a) => a.key));
    expect(aspects.map((r) => Number(r.reception_n))).toEqual(chart.aspects.map((a) => a.reception.n));
    for (const r of aspects) if (Number(r.reception_n) < 3) expect(r.reception_mean).toBe("");

    const people = csvRows(await text(exportCsv("people", { title: "ballerina" })));
    expect(people.map((r) => r.name)).toEqual((await getTitlePeople("ballerina", {}, 500)).map((p) => p.name));
    const claims = csvRows(await text(exportCsv("claims", { title: "ballerina" })));
    expect(claims.some((r) => r.kind === "release_date" && r.value === "2024-06-07" && r.quote === "Release Date: June 7, 2024")).toBe(true);
  });

  it("makes the earlier-published text the original when its copy was stored first", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-copies-"));
    const body = [
      "Orbit Nine, the space thriller from director Mara Quill, finally showed its first footage at a packed convention panel this weekend, and the crowd reaction was loud.",
      "The reel opened on a derelict station drifting above a frozen moon, cut to a zero-gravity fight in a flooded corridor, and closed on a long, silent shot of the crew watching a signal fade.",
      "Quill told the audience that every effect was built in camera wherever the budget allowed, and that the zero-gravity sequences were shot on a rotating set over six weeks.",
      "Orbit Nine is set to hit theaters on March 3, 2026, and the studio promised a full trailer before the end of the year.",
    ].join("\n\n");
    writeFileSync(
      path.join(dir, "copies.jsonl"),
      [
        JSON.stringify({ title: "Orbit Nine", date: "2025-11-12", kind: "article", source: "Late Wire", headline: "Orbit Nine footage, again", text: `${body}\n\nThis story first ran elsewhere.` }),
        JSON.stringify({ title: "Orbit Nine", date: "2025-11-10", kind: "article", source: "First Wire", headline: "Orbit Nine shows its first footage", text: body }),
      ].join("\n"),
    );
    await saveTitle({ name: "Orbit Nine", releaseDate: "2026-03-03" });
    expect((await runCommand(ingestCommand, [dir, "--json"])).code).toBe(0);
    const first = await documentId("s.name = 'First Wire'", []);
    const late = await documentId("s.name = 'Late Wire'", []);
    expect((await getDocumentThemes(late))!.copyOf?.id).toBe(first);
    expect((await getDocumentThemes(first))!.copyOf).toBeNull();
    await rollupsMatchRebuild("orbit-nine", false);
  });
});
