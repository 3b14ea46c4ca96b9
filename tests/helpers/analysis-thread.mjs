// Worker-thread entry for tests that must not hang the test runner: a synchronous analysis that
// never ends would block vitest's own thread (and its timeout) forever. A fresh thread has no tsx
// loader, so the TypeScript task is imported through tsx's API (as ingest/analysisWorker.mjs does).
import { tsImport } from "tsx/esm/api";

await tsImport("./analysis-thread-task.ts", import.meta.url);
