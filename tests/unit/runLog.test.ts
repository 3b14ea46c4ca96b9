// The run log's batching (lib/store/runLog.ts): when rows go out, and that a failed flush loses nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RunLog, type RunLogBatch } from "../../lib/store/runLog";

const stored = (i: number) => ({ item: `doc-${i}`, status: "stored" as const, documentId: i });

function recorder() {
  const batches: RunLogBatch[] = [];
  let failNext = 0;
  const save = vi.fn(async (batch: RunLogBatch) => {
    if (failNext > 0) {
      failNext--;
      throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    }
    batches.push(batch);
  });
  return { batches, save, failTimes: (n: number) => (failNext = n) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("RunLog", () => {
  it("counts each item at once and flushes a full batch with the counts as of its last row", async () => {
    const { batches, save } = recorder();
    const log = new RunLog(save, { maxRows: 3, maxDelayMs: 1000 });
    log.add(stored(1));
    log.add({ item: "bad", status: "failed", error: "x".repeat(3000) });
    await log.flushIfFull();
    expect(save).not.toHaveBeenCalled();
    expect(log.counts).toEqual({ seen: 2, stored: 1, duplicates: 0, failed: 1 });
    log.add({ item: "again", status: "duplicate", documentId: 1 });
    await log.flushIfFull();
    expect(batches).toHaveLength(1);
    expect(batches[0].counts).toEqual({ seen: 3, stored: 1, duplicates: 1, failed: 1 });
    expect(batches[0].rows.map((r) => [r.seq, r.item, r.status, r.documentId])).toEqual([
      [1, "doc-1", "stored", 1],
      [2, "bad", "failed", null],
      [3, "again", "duplicate", 1],
    ]);
    expect(batches[0].rows[1].error).toHaveLength(2000);
    expect(log.unflushed).toBe(0);
  });

  it("flushes on time: maxDelayMs after the oldest unflushed row", async () => {
    const { batches, save } = recorder();
    const log = new RunLog(save, { maxRows: 50, maxDelayMs: 1000 });
    log.add(stored(1));
    await vi.advanceTimersByTimeAsync(600);
    log.add(stored(2));
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(batches.map((b) => b.rows.map((r) => r.seq))).toEqual([[1, 2]]);
    // Nothing buffered: no timer, no empty flush.
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    log.add(stored(3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.map((b) => b.rows.map((r) => r.seq))).toEqual([[1, 2], [3]]);
  });

  it("flushes what is left on close, and stops its timer", async () => {
    const { batches, save } = recorder();
    const log = new RunLog(save, { maxRows: 50, maxDelayMs: 1000 });
    for (let i = 1; i <= 7; i++) log.add(stored(i));
    await log.close();
    expect(batches).toHaveLength(1);
    expect(batches[0].rows).toHaveLength(7);
    expect(batches[0].counts.seen).toBe(7);
    expect(vi.getTimerCount()).toBe(0);
    await log.close();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("keeps the buffer when a flush fails, and sends the same rows (and the new ones) next time", async () => {
    const { batches, save, failTimes } = recorder();
    const log = new RunLog(save, { maxRows: 2, maxDelayMs: 1000 });
    failTimes(1);
    log.add(stored(1));
    log.add(stored(2));
    await expect(log.flushIfFull()).rejects.toThrow(/Connection terminated/);
    expect(log.unflushed).toBe(2);
    log.add(stored(3));
    await log.flushIfFull();
    expect(batches.map((b) => b.rows.map((r) => r.seq))).toEqual([[1, 2, 3]]);
    expect(batches[0].counts.seen).toBe(3);
    expect(log.unflushed).toBe(0);
  });

  it("reports a failed timer flush at the next flushIfFull, and close still saves every row", async () => {
    const { batches, save, failTimes } = recorder();
    const log = new RunLog(save, { maxRows: 50, maxDelayMs: 1000 });
    failTimes(1);
    log.add(stored(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    log.add(stored(2));
    await expect(log.flushIfFull()).rejects.toThrow(/Connection terminated/);
    await log.close();
    expect(batches.map((b) => b.rows.map((r) => r.seq))).toEqual([[1, 2]]);
  });

  it("runs one flush at a time: a full batch waits for the timer's flush, and no row goes out twice", async () => {
    let release: () => void = () => undefined;
    const seqs: number[][] = [];
    let running = 0;
    let most = 0;
    const save = vi.fn(async (batch: RunLogBatch) => {
      running++;
      most = Math.max(most, running);
      if (seqs.length === 0) await new Promise<void>((resolve) => (release = resolve));
      seqs.push(batch.rows.map((r) => r.seq));
      running--;
    });
    const log = new RunLog(save, { maxRows: 3, maxDelayMs: 1000 });
    log.add(stored(1));
    await vi.advanceTimersByTimeAsync(1000);
    // The timer's flush (row 1) is under way; rows 2 and 3 fill a batch meanwhile.
    log.add(stored(2));
    log.add(stored(3));
    const full = log.flushIfFull();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    release();
    await full;
    expect(seqs).toEqual([[1], [2, 3]]);
    expect(most).toBe(1);
  });
});
