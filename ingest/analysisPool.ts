// Runs analyzeDocument on worker threads so ingest uses every core: the analysis is pure and
// CPU-bound (wink-nlp, the sentiment model, keyphrases, aspects), while storing is I/O, so the
// main thread stores one document while the threads analyse the next ones.
//
// - N = cores − 1 threads by default (at least 1): the main thread stores and PostgreSQL runs on
//   the core that is left. On the 2-vCPU machine we measured, ingest ran faster with one analysis
//   thread than with two (docs/performance.md), because two threads analysing at once each run
//   slower there and the store then waits for CPU. HYPELINE_ANALYSIS_THREADS overrides it.
// - Each thread has up to two items in hand: it analyses one while the next waits in its message
//   queue, so it never idles waiting for a busy main thread to hand it work. It analyses them in
//   order, so a crash is pinned on the first: that item fails with an AnalysisWorkerError, the
//   second goes back to the queue, the thread is replaced and the rest go on.
// - A thread that never finishes an item (a pathological input) is stopped after `taskTimeoutMs`.
// - Idle threads are unref'd: a CLI whose work is done exits without closing the pool.
// - analyzeInOrder() keeps a bounded look-ahead and yields results in input order.
import os from "node:os";
import type { EventLoopUtilization } from "node:perf_hooks";
import { type ResourceLimits, Worker } from "node:worker_threads";
import { getEnv } from "../lib/env";
import { AnalysisError, type AnalysisErrorCode, type AnalyzeInput, type AnalyzedDocument } from "../lib/analysis/analyze";

/** Main thread → worker. */
export interface WorkerTask {
  id: number;
  input: AnalyzeInput;
}

/** Worker → main thread: "ready" once the models are loaded, then one reply per task. */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; doc: AnalyzedDocument }
  | { id: number; ok: false; error: { name: string; message: string; code: AnalysisErrorCode | null } };

/** The thread analysing an item stopped (crash, out of memory, time limit): only that item fails. */
export class AnalysisWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalysisWorkerError";
  }
}

export interface AnalysisPoolOptions {
  /** Worker threads; default defaultThreads() (cores − 1, at least 1). */
  threads?: number;
  /** Per-thread V8 limits; an item that exceeds them fails alone (the thread is replaced). */
  resourceLimits?: ResourceLimits;
  /** An item still being analysed after this long fails and its thread is replaced. Default 120 s. */
  taskTimeoutMs?: number;
}

export type AnalysisOutcome<T> = { item: T; ok: true; doc: AnalyzedDocument } | { item: T; ok: false; error: Error };

const ENTRY = new URL("./analysisWorker.mjs", import.meta.url);
const DEFAULT_TASK_TIMEOUT_MS = 120_000;
/** Items sent to a thread before it answers the first: one analysing, one waiting. */
const IN_HAND = 2;
/** Threads that die before saying "ready" this many times in a row mean the pool cannot start. */
const MAX_START_FAILURES = 3;

interface Task {
  id: number;
  input: AnalyzeInput;
  resolve: (doc: AnalyzedDocument) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent and not yet answered, in the order the thread analyses them. */
  tasks: Task[];
  /** Time limit of the first task. */
  timer: NodeJS.Timeout | null;
  /** Why the thread stopped, when it said so ('error' event) or we stopped it. */
  failure: Error | null;
}

export function defaultThreads(): number {
  return getEnv().HYPELINE_ANALYSIS_THREADS ?? Math.max(1, os.availableParallelism() - 1);
}

/** Every core: what the analysis alone can do on this machine (the benchmark's ceiling). */
export function allCoreThreads(): number {
  return Math.max(1, os.availableParallelism());
}

export class AnalysisPool {
  readonly threads: number;
  private readonly options: AnalysisPoolOptions;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private startFailures = 0;
  private closed = false;
  private readyWaiters: ((error?: Error) => void)[] = [];

  constructor(options: AnalysisPoolOptions = {}) {
    this.options = options;
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  }

  /** Analyses one document on a worker thread; rejects with the same AnalysisError the main thread would throw. */
  analyze(input: AnalyzeInput): Promise<AnalyzedDocument> {
    if (this.closed) return Promise.reject(new Error("The analysis pool is closed: create a new one (or use getAnalysisPool())."));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.fill();
      this.dispatch();
    });
  }

  /**
   * Analyses items with at most `lookahead` in flight and yields their outcomes in input order;
   * a failed item is an outcome with its error, never a thrown exception.
   */
  async *analyzeInOrder<T>(
    items: Iterable<T> | AsyncIterable<T>,
    toInput: (item: T) => AnalyzeInput,
    lookahead = 4 * this.threads,
  ): AsyncGenerator<AnalysisOutcome<T>> {
    const window: Promise<AnalysisOutcome<T>>[] = [];
    const start = (item: T): Promise<AnalysisOutcome<T>> =>
      this.analyze(toInput(item)).then(
        (doc) => ({ item, ok: true as const, doc }),
        (error: Error) => ({ item, ok: false as const, error }),
      );
    for await (const item of items) {
      window.push(start(item));
      if (window.length >= Math.max(1, lookahead)) yield await window.shift()!;
    }
    while (window.length) yield await window.shift()!;
  }

  /** Resolves once every thread has loaded its models (start-up is otherwise paid by the first items). */
  async ready(): Promise<void> {
    this.fill();
    while (this.readyCount() < this.threads) {
      const error = await new Promise<Error | undefined>((resolve) => {
        this.readyWaiters.push(resolve);
        this.updateRefs();
      });
      if (error) throw error;
    }
  }

  /** Cumulative event-loop utilisation of each live thread: ~1 while it is busy analysing. */
  eventLoopUtilization(): EventLoopUtilization[] {
    return [...this.slots].map((s) => s.worker.performance.eventLoopUtilization());
  }

  /** Stops every thread; queued and running items fail. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error("The analysis pool was closed before this item was analysed.");
    for (const task of this.queue.splice(0)) task.reject(closing);
    for (const wake of this.readyWaiters.splice(0)) wake(closing);
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.failure = closing;
        return slot.worker.terminate();
      }),
    );
  }

  // --- internal ---

  private readyCount(): number {
    return [...this.slots].filter((s) => s.ready).length;
  }

  private fill(): void {
    while (!this.closed && this.slots.size < this.threads) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(ENTRY, { resourceLimits: this.options.resourceLimits });
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, failure: null };
    this.slots.add(slot);
    worker.on("message", (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on("error", (error) => (slot.failure ??= error));
    worker.on("exit", (code) => this.onExit(slot, code));
    this.updateRefs();
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if ("ready" in reply) {
      slot.ready = true;
      this.startFailures = 0;
      for (const wake of this.readyWaiters.splice(0)) wake();
      this.dispatch();
      return;
    }
    const task = slot.tasks[0];
    if (!task || task.id !== reply.id) return;
    slot.tasks.shift();
    this.startTimer(slot);
    if (reply.ok) task.resolve(reply.doc);
    else task.reject(rebuildError(reply.error));
    this.dispatch();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    const [task, ...waiting] = slot.tasks.splice(0);
    if (this.closed) {
      const closing = slot.failure ?? new Error("The analysis pool was closed before this item was analysed.");
      for (const t of task ? [task, ...waiting] : []) t.reject(closing);
    } else {
      // The items it had not started go back to the front of the queue, in order.
      this.queue.unshift(...waiting);
    }
    if (task && !this.closed) {
      const why = slot.failure ? slot.failure.message : `exit code ${code}`;
      task.reject(
        slot.failure instanceof AnalysisWorkerError
          ? slot.failure
          : new AnalysisWorkerError(
              `the analysis thread stopped while analysing this item (${why}); the item was skipped and the run went on. If it happens again for this item, the document is probably too large or malformed for analysis: split it or extract its main text first.`,
            ),
      );
    }
    if (this.closed) return;
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES && this.readyCount() === 0) {
      // Threads cannot even start (broken install, missing model): fail what waits instead of hanging.
      this.startFailures = 0;
      const why = slot.failure?.message ?? `exit code ${code}`;
      const error = new AnalysisWorkerError(`the analysis threads could not start (${why}). Run \`npm install\` and check that ingest/analysisWorker.mjs loads with \`node ingest/analysisWorker.mjs\`.`);
      for (const t of this.queue.splice(0)) t.reject(error);
      for (const wake of this.readyWaiters.splice(0)) wake(error);
      return;
    }
    // Replace the thread only while there is work; an idle pool refills on its next item.
    if (this.queue.length || this.readyWaiters.length) this.fill();
    this.dispatch();
  }

  private dispatch(): void {
    // Round by round, so two threads each get one item before either gets a second.
    for (let round = 0; round < IN_HAND; round++) {
      for (const slot of this.slots) {
        if (!slot.ready || slot.tasks.length > round || this.queue.length === 0) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startTimer(slot);
        slot.worker.postMessage({ id: task.id, input: task.input } satisfies WorkerTask);
      }
    }
    this.updateRefs();
  }

  /** (Re)starts the time limit for the thread's first item, or clears it when it has none. */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.tasks.length === 0) return;
    const limit = this.options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    slot.timer = setTimeout(() => {
      slot.failure = new AnalysisWorkerError(
        `the analysis of this item took longer than ${Math.round(limit / 1000)} s, so its thread was stopped and the item skipped. Split the document or extract its main text first.`,
      );
      void slot.worker.terminate();
    }, limit);
    slot.timer.unref();
  }

  /** A thread keeps the process alive only while there is work for it. */
  private updateRefs(): void {
    const waiting = this.queue.length > 0 || this.readyWaiters.length > 0;
    for (const slot of this.slots) {
      if (waiting || slot.tasks.length) slot.worker.ref();
      else slot.worker.unref();
    }
  }
}

function rebuildError(error: { name: string; message: string; code: AnalysisErrorCode | null }): Error {
  if (error.code) return new AnalysisError(error.code, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

let shared: AnalysisPool | undefined;

/** The process-wide pool, created on first use (threads load their models once, then stay). */
export function getAnalysisPool(): AnalysisPool {
  shared ??= new AnalysisPool();
  return shared;
}

export async function closeAnalysisPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
