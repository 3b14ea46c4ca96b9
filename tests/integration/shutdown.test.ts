// Graceful shutdown of the ingest command: SIGTERM (what `docker stop`, systemd and `kill` send)
// half way through a run. The command finishes the document it is storing, records the run as
// stopped, prints its report and exits with 143; every stored document is whole, and the next
// run stores exactly the rest. Nothing waits a fixed time: the test polls the database.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestCommand } from "../../ingest/cli";
import { getPool } from "../../lib/db/client";
import { lastJson, runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("shutdown");

type Report = { run: number; status: string; seen: number; stored: number; duplicates: number; failed: number; notes: { item: string; note: string }[] };

/** `count` distinct documents, one .txt each, from the fixture and demo texts. */
function writeCorpus(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hypeline-shutdown-"));
  const texts = ["tests/fixtures/film-docs.jsonl", "demo/corpus.jsonl"].flatMap((file) =>
    readFileSync(path.resolve(file), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line).text as string),
  );
  texts.slice(0, count).forEach((text, i) => writeFileSync(path.join(dir, `${String(i).padStart(3, "0")}.txt`), `${text}\n\nFiled under shutdown ${i}.`));
  return dir;
}

async function scalar(sql: string): Promise<number> {
  const pool = await getPool();
  const { rows } = await pool.query(sql);
  return Number(Object.values(rows[0])[0]);
}

describe("SIGTERM during an ingest", () => {
  it("finishes the current document, records the run as stopped, exits 143; the next run stores the rest", async () => {
    const inputs = 60;
    const dir = writeCorpus(inputs);
    // One process (no tsx wrapper), so the signal reaches the command itself.
    const child = spawn(process.execPath, ["--import", "tsx", "ingest/cli.ts", dir, "--title", "Shutdown", "--json"], {
      env: { ...process.env, DATABASE_URL: db.url() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let exited = false;
    void exit.then(() => (exited = true));

    while ((await scalar("select count(*) from documents")) < 5) {
      if (exited) throw new Error(`the command ended before storing 5 documents: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGTERM");
    expect(await exit, stderr).toBe(143);
    expect(stderr).toContain("SIGTERM: finishing the current document, then stopping");

    const report = lastJson<Report>(stdout);
    const stored = await scalar("select count(*) from documents");
    // Stopped with work left, or the test proves nothing.
    expect(stored).toBeGreaterThanOrEqual(5);
    expect(stored).toBeLessThan(inputs);
    expect(report).toMatchObject({ status: "stopped", stored, failed: 0 });
    expect(report.notes.find((n) => n.item === "(run)")?.note).toMatch(/^stopped \(SIGTERM\) after \d+ item\(s\); every stored document is whole/);

    // The run is recorded as stopped with true counts, and no document is half-written.
    const pool = await getPool();
    const { rows: runs } = await pool.query<{ status: string; stored: number; finished_at: Date | null }>("select status, stored, finished_at from ingest_runs where id = $1", [report.run]);
    expect(runs[0]).toMatchObject({ status: "stopped", stored });
    expect(runs[0].finished_at).not.toBeNull();
    expect(await scalar("select count(*) from documents d where sentence_count = 0 or sentence_count <> (select count(*) from sentences s where s.document_id = d.id)")).toBe(0);
    expect(await scalar("select count(*) from ingest_run_items where run_id = " + report.run)).toBe(report.seen);

    const next = await runCommand(ingestCommand, [dir, "--title", "Shutdown", "--json"]);
    expect(next.code).toBe(0);
    expect(lastJson<Report>(next.stdout)).toMatchObject({ status: "succeeded", seen: inputs, stored: inputs - stored, duplicates: stored, failed: 0 });
    expect(await scalar("select count(*) from documents")).toBe(inputs);
  });
});
