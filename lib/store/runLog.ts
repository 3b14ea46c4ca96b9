// A run's log (its ingest_run_items rows, and the counts and errors on its ingest_runs row),
// written in batches: one transaction per ~50 items or ~1 s, not two Prisma writes per item.
// So /jobs lags by at most ~1 s, and a kill -9 loses at most the unflushed log rows, never a
// document (documents commit in their own transactions, lib/store/storeDocument.ts).
import { inTransaction } from "../db/transaction";
import type { ItemError, RunCounts } from "./ingestRuns";

export type RunItemStatus = "stored" | "duplicate" | "failed";

/** One item's outcome, as the caller reports it. */
export type RunLogEntry = { item: string; status: "stored" | "duplicate"; documentId: number } | { item: string; status: "failed"; error: string };

export interface RunLogRow {
  /** 1-based position in the run: the run row's `seen` once this row is in. */
  seq: number;
  item: string;
  status: RunItemStatus;
  documentId: number | null;
  error: string | null;
  /** When the item was handled (not when it was flushed). */
  at: Date;
}

export interface RunLogBatch {
  rows: RunLogRow[];
  /** The run's counts as of the last row. */
  counts: RunCounts;
}

/** Writes a batch; must be all-or-nothing and safe to call again with the same rows. */
export type SaveRunLog = (batch: RunLogBatch) => Promise<void>;

export interface RunLogOptions {
  maxRows: number;
  maxDelayMs: number;
}

export const RUN_LOG_DEFAULTS: RunLogOptions = { maxRows: 50, maxDelayMs: 1000 };

// Item and error texts are cut to this on the rows and in the run's errors.
const MAX_TEXT = 2000;
/** Item errors kept on the run row; the rest are on their item rows (and in `failed`). Keeps one row update bounded. */
export const MAX_RUN_ERRORS = 1000;

/**
 * Counts a run's items and buffers their log rows. `add` is synchronous (the counts are final
 * at once); rows go out when `maxRows` are buffered (`flushIfFull`), `maxDelayMs` after the
 * oldest unflushed row (a timer), and on `close`. Rows leave the buffer only once saved.
 */
export class RunLog {
  readonly counts: RunCounts = { seen: 0, stored: 0, duplicates: 0, failed: 0 };
  private pending: RunLogRow[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  // A timer flush that failed: the run hears of it at its next flushIfFull.
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly save: SaveRunLog,
    private readonly options: RunLogOptions = RUN_LOG_DEFAULTS,
  ) {}

  /** Rows not yet saved. */
  get unflushed(): number {
    return this.pending.length;
  }

  add(entry: RunLogEntry): void {
    const c = this.counts;
    c.seen++;
    if (entry.status === "failed") c.failed++;
    else if (entry.status === "stored") c.stored++;
    else c.duplicates++;
    this.pending.push({
      seq: c.seen,
      item: entry.item.slice(0, MAX_TEXT),
      status: entry.status,
      documentId: entry.status === "failed" ? null : entry.documentId,
      error: entry.status === "failed" ? entry.error.slice(0, MAX_TEXT) : null,
      at: new Date(),
    });
    this.arm();
  }

  /** Flushes when a batch is full; throws what a timer flush ran into. */
  async flushIfFull(): Promise<void> {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      throw error;
    }
    if (this.pending.length >= this.options.maxRows) await this.flush();
  }

  /** Saves every buffered row (after any flush already under way). `save` replaces the default, e.g. without retries. */
  async flush(save: SaveRunLog = this.save): Promise<void> {
    this.disarm();
    // One flush at a time: checked and set with no await between, so two callers never both start one.
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (!this.pending.length) return;
    const rows = this.pending.slice();
    const counts = { ...this.counts };
    const flushing = save({ rows, counts })
      .then(() => {
        this.pending.splice(0, rows.length);
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = flushing;
    await flushing;
    // Rows added while this flush ran wait for their own timer.
    this.arm();
  }

  /** The run is over: no more timer, every buffered row saved. */
  async close(save: SaveRunLog = this.save): Promise<void> {
    this.failure = undefined;
    await this.flush(save);
    this.disarm();
  }

  private arm(): void {
    if (this.timer || !this.pending.length) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => (this.failure = { error }));
    }, this.options.maxDelayMs);
    // A pending flush must not keep the process alive; the run closes the log before it ends.
    this.timer.unref?.();
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * One batch in one transaction: its item rows (one multi-row insert) and the run's counts and
 * new errors (one update). The run row's `seen` moves with its rows, so a retry after a commit
 * whose answer was lost skips the rows already in: nothing is lost or doubled.
 */
export async function saveRunLog(runId: number, batch: RunLogBatch): Promise<void> {
  await inTransaction(async (client) => {
    const { rows: runs } = await client.query<{ seen: number; errors: number }>(
      "select seen, jsonb_array_length(errors) as errors from ingest_runs where id = $1 for update",
      [runId],
    );
    if (!runs.length) throw new Error(`ingest run #${runId} does not exist`);
    const fresh = batch.rows.filter((r) => r.seq > runs[0].seen);
    if (fresh.length) {
      // created_at is "timestamp without time zone" holding UTC, as Prisma writes it: the ISO string's "Z" is ignored.
      await client.query(
        `insert into ingest_run_items (run_id, item, status, document_id, error, created_at)
         select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::timestamp[])`,
        [runId, fresh.map((r) => r.item), fresh.map((r) => r.status), fresh.map((r) => r.documentId), fresh.map((r) => r.error), fresh.map((r) => r.at.toISOString())],
      );
    }
    const errors: ItemError[] = fresh
      .filter((r) => r.status === "failed")
      .slice(0, Math.max(0, MAX_RUN_ERRORS - runs[0].errors))
      .map((r) => ({ item: r.item, error: r.error ?? "" }));
    const { seen, stored, duplicates, failed } = batch.counts;
    // Appends only the new errors: the row's errors are never sent back and forth whole.
    await client.query(
      "update ingest_runs set seen = $2, stored = $3, duplicates = $4, failed = $5, errors = errors || $6::jsonb where id = $1",
      [runId, seen, stored, duplicates, failed, JSON.stringify(errors)],
    );
  });
}
