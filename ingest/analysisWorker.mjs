// Worker-thread entry of the analysis pool. A worker thread is a fresh Node.js realm that may not
// have tsx's loader (vitest, plain `node`), so it imports the TypeScript worker through tsx's
// namespaced loader: that works whether or not a global tsx is already active in this thread.
import { tsImport } from "tsx/esm/api";

await tsImport("./analysisWorker.ts", import.meta.url);
