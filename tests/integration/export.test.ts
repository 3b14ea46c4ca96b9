import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[dataset]/route";
import { exportCommand } from "../../ingest/export-cli";
import { ingestCommand } from "../../ingest/cli";
import { loadDemoCorpus } from "../../ingest/demo";
import { getPool } from "../../lib/db/client";
import { exportCsv } from "../../lib/export/datasets";
import { getTimeline } from "../../lib/queries/getTimeline";
import { runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("export");

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true, bom: true });

beforeAll(async () => {
  await loadDemoCorpus("test");
  if (existsSync(SEEDS)) await runCommand(ingestCommand, [SEEDS, "--title", "Ballerina"]);
});

describe("CSV export", () => {
  it("exports every Ballerina document, parseable and with ISO dates", async () => {
    const pool = await getPool();
    const { rows: count } = await pool.query("select count(*)::int as n from documents d join titles t on t.id = d.title_id where t.slug = 'ballerina'");
    const csv = await text(exportCsv("documents", { title: "ballerina" }));
    expect(csv.split("\r\n")[0]).toBe(
      "document_id,title_slug,title,published_at,date_source,kind,kind_inferred,phase,phase_inferred,source,url,headline,stance_score,stance_label,stance_confidence,evaluative_share,sentence_count,word_count,top_keyphrases",
    );
    const parsed = rows(csv);
    expect(parsed).toHaveLength(count[0].n);
    for (const r of parsed) {
      expect(r.title_slug).toBe("ballerina");
      if (r.published_at) expect(r.published_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number(r.stance_score)).toBeGreaterThanOrEqual(-1);
      expect(Number(r.stance_score)).toBeLessThanOrEqual(1);
    }
  });

  it("honours --from/--to and exports sentences with their flags", async () => {
    const all = rows(await text(exportCsv("sentences", { title: "ballerina" })));
    const window = rows(await text(exportCsv("sentences", { title: "ballerina", from: "2025-06-01", to: "2025-06-30" })));
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThan(all.length);
    for (const r of window) {
      expect(r.published_at >= "2025-06-01" && r.published_at <= "2025-06-30").toBe(true);
      expect(["true", "false"]).toContain(r.evaluative);
    }
  });

  it("exports the same rows the timeline chart draws", async () => {
    const chart = await getTimeline("ballerina", {});
    const csv = rows(await text(exportCsv("timeline", { title: "ballerina" })));
    expect(csv.map((r) => r.day)).toEqual(chart.map((r) => r.day));
    expect(csv.map((r) => Number(r.documents))).toEqual(chart.map((r) => r.documents));
    const releaseDay = csv.find((r) => r.day === "2025-06-06");
    if (releaseDay) expect(releaseDay.days_from_release).toBe("0");
  });

  it("neutralises formula-like cells from hostile input", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-csv-"));
    writeFileSync(
      path.join(dir, "evil.jsonl"),
      JSON.stringify({ title: "Formula Film", headline: '=HYPERLINK("http://x.example","click")', source: "+Evil Source", date: "2025-01-02", kind: "review", text: "@SUM(1+1) is what the credits say. Formula Film is a delight, funny and warm." }) + "\n",
    );
    await runCommand(ingestCommand, [dir]);
    const csv = await text(exportCsv("documents", { title: "formula-film" }));
    const [doc] = rows(csv);
    expect(doc.headline).toBe(`'=HYPERLINK("http://x.example","click")`);
    expect(doc.source).toBe("'+Evil Source");
    // Numbers stay numbers, negative ones included.
    expect(doc.stance_score).toMatch(/^-?\d/);
    const sentences = rows(await text(exportCsv("sentences", { title: "formula-film" })));
    expect(sentences[0].text.startsWith("'@SUM")).toBe(true);
  });

  it("the CLI writes CSV to stdout and refuses unknown datasets and bad dates", async () => {
    const bad = await runCommand(exportCommand, ["nonsense"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Expected one of: documents, sentences, timeline, keyphrases/);
    const badDate = await runCommand(exportCommand, ["documents", "--from", "yesterday"]);
    expect(badDate.stderr).toMatch(/--from: expected a date/);
    const keyphrases = rows(await text(exportCsv("keyphrases", { title: "ballerina" })));
    expect(keyphrases.length).toBeGreaterThan(5);
    for (const k of keyphrases) expect(k.keyphrase.toLowerCase()).not.toMatch(/reply|email|source link|related post/);
  });
});

describe("the export route and its pooled connection", () => {
  /** Pooled connections checked out, polled until none is (or 10 s have passed: a leak). */
  async function untilNoneCheckedOut(): Promise<number> {
    const pool = await getPool();
    for (const deadline = Date.now() + 10_000; pool.totalCount - pool.idleCount > 0 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return pool.totalCount - pool.idleCount;
  }
  const call = (dataset: string, query: string, signal?: AbortSignal) =>
    exportRoute(new Request(`http://hypeline.test/api/export/${dataset}?${query}`, { signal }), { params: Promise.resolve({ dataset }) });

  it("a response nobody reads holds no connection, and a read one still gives the whole CSV", async () => {
    const pool = await getPool();
    // Fewer than the pool's ten, so a regression fails here instead of hanging the next query.
    const ignored = await Promise.all(Array.from({ length: 5 }, () => call("documents", "title=ballerina")));
    for (const response of ignored) expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    // Before the body was made lazy, each unread export held its cursor's connection until read:
    // ten clients that left early and the pool had none left for the pages.
    expect(pool.totalCount - pool.idleCount).toBe(0);
    const csv = await ignored[0].text();
    expect(rows(csv).length).toBeGreaterThan(10);
    expect(await untilNoneCheckedOut()).toBe(0);
  });

  it("a client that goes away mid-download gives the connection back", async () => {
    const aborted = new AbortController();
    const response = await call("sentences", "", aborted.signal);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith("document_id,")).toBe(true);
    aborted.abort();
    expect(await untilNoneCheckedOut()).toBe(0);
    // The same with the consumer cancelling the body instead (what the server does on a closed socket).
    const cancelled = (await call("sentences", "")).body!.getReader();
    await cancelled.read();
    await cancelled.cancel();
    expect(await untilNoneCheckedOut()).toBe(0);
  });
});
