import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestCommand } from "../../ingest/cli";
import { loadDemoCorpus } from "../../ingest/demo";
import { titlesCommand } from "../../ingest/titles-cli";
import { getDb, getPool } from "../../lib/db/client";
import { lastJson, runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("ingest");

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
type Report = { run: number; seen: number; stored: number; duplicates: number; failed: number; errors: { item: string; error: string }[] };

describe("ingest", () => {
  it("loads the whole demo corpus, then stores nothing new on a second run", async () => {
    const first = await loadDemoCorpus("test");
    expect(first.failed).toBe(0);
    expect(first.stored).toBeGreaterThanOrEqual(40);
    const second = await loadDemoCorpus("test");
    expect(second).toMatchObject({ stored: 0, duplicates: first.stored, failed: 0 });

    const db = await getDb();
    const titles = await db.title.findMany({ include: { _count: { select: { documents: true } } } });
    expect(titles.length).toBeGreaterThanOrEqual(3);
    expect(titles.find((t) => t.slug === "ballerina")?.releaseDate?.toISOString().slice(0, 10)).toBe("2025-06-06");
    // Every stored document has all its sentences and its rollup contribution.
    const pool = await getPool();
    const { rows } = await pool.query(`select count(*)::int as n from documents d where sentence_count <> (select count(*) from sentences s where s.document_id = d.id)`);
    expect(rows[0].n).toBe(0);
    const rollup = await pool.query(`select (select coalesce(sum(documents), 0) from title_daily_stats)::int as rolled, (select count(*) from documents where published_at is not null and phase is not null and duplicate_of_id is null and language = 'en')::int as dated`);
    expect(rollup.rows[0].rolled).toBe(rollup.rows[0].dated);
  });

  it.skipIf(!existsSync(SEEDS))("ingests the three seeds once: 3 stored, then 0", async () => {
    const first = await runCommand(ingestCommand, [SEEDS, "--title", "Ballerina", "--json"]);
    expect(first.code).toBe(0);
    expect(lastJson<Report>(first.stdout)).toMatchObject({ seen: 3, stored: 3, duplicates: 0, failed: 0, errors: [] });
    const second = await runCommand(ingestCommand, [SEEDS, "--title", "Ballerina", "--json"]);
    expect(lastJson<Report>(second.stdout)).toMatchObject({ seen: 3, stored: 0, duplicates: 3, failed: 0 });

    const db = await getDb();
    const seeds = await db.document.findMany({ where: { OR: [{ text: { contains: "Rooney doesn’t walk in John’s footsteps" } }, { text: { contains: "The first Ballerina trailer was released recently" } }, { text: { contains: "CinemaCon footage for Ana de Armas’ Ballerina" } }] } });
    expect(seeds).toHaveLength(3);
    for (const doc of seeds) expect(["positive", "mixed"]).toContain(doc.stanceLabel);
    const trailer = seeds.find((d) => d.text.includes("The first Ballerina trailer"))!;
    expect(trailer.publishedAt?.toISOString().slice(0, 10)).toBe("2025-03-20");
    expect(trailer.dateSource).toBe("text");
    expect(trailer.text.startsWith("date ")).toBe(false);
    const cinemacon = seeds.find((d) => d.text.includes("CinemaCon footage for Ana de Armas"))!;
    expect(cinemacon.dateSource).toBe("none");
    expect(cinemacon.publishedAt).toBeNull();
    expect(cinemacon.text).not.toMatch(/Leave a Reply|Source link|Related Posts/);
    // Undated: the phase comes from the text and says so.
    expect(cinemacon.phase).toBe("anticipation");
    expect(cinemacon.phaseInferred).toBe(true);
    const review = seeds.find((d) => d.text.includes("Rooney doesn’t walk"))!;
    expect(review.kind).toBe("review");
  });

  it("reports each bad file and stores the rest (exit 2)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-bad-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    writeFileSync(path.join(dir, "records.jsonl"), [
      JSON.stringify({ text: "Orbit Nine is a gorgeous, moving film. The cast is superb and the score soars.", title: "Orbit Nine", date: "2026-01-10", kind: "review", source: "Test Outlet" }),
      "{not json",
      JSON.stringify({ title: "Orbit Nine" }),
    ].join("\n"));
    writeFileSync(path.join(dir, "good.md"), "Orbit Nine first look\n\nThe first trailer for Orbit Nine promises a thrilling ride. It is set to hit theaters on March 3, 2026.");

    const result = await runCommand(ingestCommand, [dir, "--title", "Orbit Nine", "--json"]);
    expect(result.code).toBe(2);
    const report = lastJson<Report>(result.stdout);
    expect(report.errors.map((e) => path.basename(e.item)).sort()).toEqual(["binary.txt", "empty.txt", "latin1.txt", "records.jsonl:2", "records.jsonl:3"]);
    expect(report).toMatchObject({ seen: 7, stored: 2, failed: 5 });
    const byItem = Object.fromEntries(report.errors.map((e) => [path.basename(e.item), e.error]));
    expect(byItem["empty.txt"]).toMatch(/empty/);
    expect(byItem["binary.txt"]).toMatch(/binary/);
    expect(byItem["latin1.txt"]).toMatch(/UTF-8/);
    expect(byItem["records.jsonl:2"]).toMatch(/malformed JSON/);
    expect(byItem["records.jsonl:3"]).toMatch(/"text"/);

    const db = await getDb();
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: report.run } });
    expect(run).toMatchObject({ status: "partial", seen: 7, stored: 2, failed: 5 });
    expect(run.finishedAt).not.toBeNull();
  });

  it("creates unknown titles, and re-derives phases when a release date is registered", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-title-"));
    writeFileSync(path.join(dir, "a.txt"), "date 2026-02-01 The cast of Lanterns Down gathered for a first table read. The film promises a haunting ride.");
    writeFileSync(path.join(dir, "b.txt"), "date 2026-05-01 Lanterns Down is a triumph. The performances are superb and the direction is confident.");
    const ingest = await runCommand(ingestCommand, [dir, "--title", "Lanterns Down", "--json"]);
    expect(lastJson<Report>(ingest.stdout).stored).toBe(2);

    const db = await getDb();
    const title = await db.title.findUniqueOrThrow({ where: { slug: "lanterns-down" } });
    expect(title.releaseDate).toBeNull();

    const add = await runCommand(titlesCommand, ["add", "Lanterns Down", "--release", "2026-04-01", "--alias", "Lanterns"]);
    expect(add.code).toBe(0);
    // A command closes the connection it used, as a process exit would: reconnect.
    const after = await getDb();
    const docs = await after.document.findMany({ where: { titleId: title.id }, orderBy: { publishedAt: "asc" } });
    expect(docs.map((d) => [d.phase, d.phaseInferred])).toEqual([["anticipation", false], ["reception", false]]);
    const stats = await after.titleDailyStat.findMany({ where: { titleId: title.id }, orderBy: { day: "asc" } });
    expect(stats.map((s) => s.phase)).toEqual(["anticipation", "reception"]);

    const list = await runCommand(titlesCommand, ["list", "--json"]);
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ slug: "lanterns-down", releaseDate: "2026-04-01", aliases: ["Lanterns"] }));
  });

  it("refuses bad options with a clear message and no stack trace", async () => {
    const badDate = await runCommand(ingestCommand, ["somewhere", "--date", "2025-02-30"]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--date "2025-02-30": expected a date as YYYY-MM-DD/);
    expect(badDate.stderr).not.toMatch(/\n\s+at /);
    const none = await runCommand(ingestCommand, []);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/at least one file or folder/);
    const badRelease = await runCommand(titlesCommand, ["add", "X", "--release", "June 6"]);
    expect(badRelease.stderr).toMatch(/--release/);
    const help = await runCommand(ingestCommand, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--title/);
  });

  it("asks for a title when a document names none it knows", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-notitle-"));
    writeFileSync(path.join(dir, "x.txt"), "A film nobody registered is reviewed here. It is wonderful.");
    const result = await runCommand(ingestCommand, [dir, "--json"]);
    expect(result.code).toBe(1);
    expect(lastJson<Report>(result.stdout).errors[0].error).toMatch(/--title/);
  });
});
