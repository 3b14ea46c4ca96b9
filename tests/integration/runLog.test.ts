// The batched run log against PostgreSQL: one item row per item with its status, counts and
// errors on the run that match them (each error once), and a flush retried after a lost answer
// that neither loses nor doubles a row.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../ingest/run";
import { getPool } from "../../lib/db/client";
import { getIngestRun } from "../../lib/queries/getIngestRun";
import { startIngestRun } from "../../lib/store/ingestRuns";
import { MAX_RUN_ERRORS, RunLog, type RunLogBatch, saveRunLog } from "../../lib/store/runLog";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("run_log");

const ITEMS = 120;
// Lines (1-based) that fail: three malformed, two without text.
const MALFORMED = new Set([7, 58, 113]);
const NO_TEXT = new Set([30, 91]);

function writeRecords(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hypeline-runlog-"));
  const lines = Array.from({ length: ITEMS }, (_, i) => {
    const line = i + 1;
    if (MALFORMED.has(line)) return `{not json ${line}`;
    if (NO_TEXT.has(line)) return JSON.stringify({ title: "Run Log" });
    return JSON.stringify({
      text: `Run Log review ${line}: the cast is superb in scene ${line * 7}, and the score soars over reel ${line}. A moving film.`,
      title: "Run Log",
      date: "2026-02-10",
      kind: "review",
    });
  });
  const file = path.join(dir, "records.jsonl");
  writeFileSync(file, lines.join("\n"));
  return file;
}

interface ItemRow {
  item: string;
  status: string;
  document_id: number | null;
  error: string | null;
  created_at: Date;
}

async function runRows(run: number) {
  const pool = await getPool();
  const { rows: items } = await pool.query<ItemRow>("select item, status, document_id, error, created_at from ingest_run_items where run_id = $1 order by id", [run]);
  const { rows } = await pool.query<{ status: string; seen: number; stored: number; duplicates: number; failed: number; errors: { item: string; error: string }[]; started_at: Date; finished_at: Date }>(
    "select * from ingest_runs where id = $1",
    [run],
  );
  return { items, run: rows[0] };
}

describe("the batched run log", () => {
  const failing = ITEMS - MALFORMED.size - NO_TEXT.size;
  let file: string;

  it("writes one row per item and counts and errors that match them", async () => {
    file = writeRecords();
    const report = await runIngest({ targets: [file], startedBy: "test", request: "run log" });
    expect(report).toMatchObject({ status: "partial", seen: ITEMS, stored: failing, duplicates: 0, failed: 5 });

    const { items, run } = await runRows(report.run);
    expect(items).toHaveLength(ITEMS);
    // In input order, one per line, each with its status.
    expect(items.map((i) => i.item)).toEqual(Array.from({ length: ITEMS }, (_, i) => `${file}:${i + 1}`));
    items.forEach((row, i) => {
      const line = i + 1;
      if (MALFORMED.has(line)) expect(row).toMatchObject({ status: "failed", document_id: null, error: expect.stringMatching(/malformed JSON/) });
      else if (NO_TEXT.has(line)) expect(row).toMatchObject({ status: "failed", document_id: null, error: expect.stringMatching(/"text"/) });
      else expect(row).toMatchObject({ status: "stored", document_id: expect.any(Number), error: null });
    });
    expect(new Set(items.map((i) => i.document_id).filter((id) => id !== null)).size).toBe(failing);
    // created_at is UTC like Prisma's timestamps: within the run.
    for (const row of items) {
      expect(row.created_at.getTime()).toBeGreaterThanOrEqual(run.started_at.getTime());
      expect(row.created_at.getTime()).toBeLessThanOrEqual(run.finished_at.getTime());
    }

    expect(run).toMatchObject({ status: "partial", seen: ITEMS, stored: failing, duplicates: 0, failed: 5 });
    // Each failed item's error once, in order, as in the report.
    expect(run.errors).toEqual(report.errors);
    expect(run.errors.map((e) => e.item)).toEqual([7, 30, 58, 91, 113].map((line) => `${file}:${line}`));

    // What /jobs shows.
    const detail = await getIngestRun(report.run);
    expect(detail).toMatchObject({ seen: ITEMS, failed: 5, itemCounts: { stored: failing, duplicate: 0, failed: 5 }, runErrors: [] });
    expect(detail?.itemErrors).toHaveLength(5);
  });

  it("a second run of the same file logs every stored item as a duplicate", async () => {
    const report = await runIngest({ targets: [file], startedBy: "test", request: "run log again" });
    expect(report).toMatchObject({ status: "partial", seen: ITEMS, stored: 0, duplicates: failing, failed: 5 });
    const { items, run } = await runRows(report.run);
    expect(items.filter((i) => i.status === "duplicate")).toHaveLength(failing);
    expect(items.filter((i) => i.status === "failed")).toHaveLength(5);
    expect(run).toMatchObject({ seen: ITEMS, duplicates: failing, failed: 5 });
    expect(run.errors).toHaveLength(5);
  });

  it("a flush saved again (its commit's answer lost) adds its rows and errors once", async () => {
    const run = await startIngestRun("lost answer", "test");
    const pool = await getPool();
    const documentId = (await pool.query<{ id: number }>("select min(id) as id from documents")).rows[0].id;
    // Batches as the run would send them, taken without saving.
    const batches: RunLogBatch[] = [];
    const log = new RunLog(async (batch) => void batches.push(batch));
    log.add({ item: "a", status: "stored", documentId });
    log.add({ item: "b", status: "failed", error: "broken" });
    await log.flush();
    log.add({ item: "c", status: "failed", error: "also broken" });
    await log.close();

    await saveRunLog(run, batches[0]);
    await saveRunLog(run, batches[0]);
    // A later flush that still holds the first batch's rows (its save seemed to fail) sends them again.
    await saveRunLog(run, { rows: [...batches[0].rows, ...batches[1].rows], counts: batches[1].counts });

    const { items, run: row } = await runRows(run);
    expect(items.map((i) => [i.item, i.status, i.document_id])).toEqual([["a", "stored", documentId], ["b", "failed", null], ["c", "failed", null]]);
    expect(row).toMatchObject({ seen: 3, stored: 1, failed: 2, errors: [{ item: "b", error: "broken" }, { item: "c", error: "also broken" }] });
  });

  it("keeps at most MAX_RUN_ERRORS item errors on the run; every one is on its item row", async () => {
    const run = await startIngestRun("many errors", "test");
    const log = new RunLog((batch) => saveRunLog(run, batch), { maxRows: 400, maxDelayMs: 60_000 });
    const total = MAX_RUN_ERRORS + 150;
    for (let i = 0; i < total; i++) {
      log.add({ item: `bad-${i}`, status: "failed", error: `error ${i}` });
      await log.flushIfFull();
    }
    await log.close();
    const pool = await getPool();
    const { rows } = await pool.query<{ failed: number; kept: number; items: number; last: string }>(
      `select failed, jsonb_array_length(errors) as kept, errors -> -1 ->> 'item' as last,
              (select count(*)::int from ingest_run_items where run_id = $1 and status = 'failed') as items
         from ingest_runs where id = $1`,
      [run],
    );
    expect(rows[0]).toEqual({ failed: total, kept: MAX_RUN_ERRORS, items: total, last: `bad-${MAX_RUN_ERRORS - 1}` });
  });
});
