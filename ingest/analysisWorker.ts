// The body of one analysis thread (started by analysisPool.ts through analysisWorker.mjs): it
// loads the NLP model once, then runs analyzeDocument on each task it is sent, one at a time.
// Messages are plain data; an AnalysisError travels as its code and message so the pool can
// rebuild it and the run report reads exactly as when the analysis ran on the main thread.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { AnalysisError, type AnalyzeInput, analyzeDocument } from "../lib/analysis/analyze";
import type { WorkerReply, WorkerTask } from "./analysisPool";

// A short English text: loading wink's model and the sentiment model happens here, before the
// thread says it is ready, so the first real document is not charged ~200 ms of start-up.
const WARM_UP: AnalyzeInput = {
  rawText: "The trailer looks terrific and the fight choreography is superb. Fans cannot wait for the premiere next month.",
};

const port = parentPort;
if (!port) throw new Error("ingest/analysisWorker.ts runs inside a worker thread started by ingest/analysisPool.ts, not on its own.");

// Analysis is batch work: at a lower priority than the thread that stores documents, PostgreSQL
// and the web server, it takes the CPU they leave and never holds up the store (which it feeds
// ahead of time). On Linux this applies to this thread only; elsewhere it may be refused: no harm.
try {
  os.setPriority(0, 10);
} catch {
  // Not allowed here: the thread runs at normal priority.
}

analyzeDocument(WARM_UP);

port.on("message", (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, ok: true, doc: analyzeDocument(task.input) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: task.id, ok: false, error: { name: e.name, message: e.message, code: e instanceof AnalysisError ? e.code : null } };
  }
  port.postMessage(reply);
});

port.postMessage({ ready: true } satisfies WorkerReply);
