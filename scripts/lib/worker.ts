// The queue worker `npm start` runs beside the dashboard: a child process (the same one
// `npm run worker` starts), stopped when the server stops.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const WORKER = path.join(process.cwd(), "ingest", "worker.ts");

/** `node --import tsx ingest/worker.ts`: one process, so signals reach the worker itself. */
export function spawnWorker(env: NodeJS.ProcessEnv, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], { stdio: "inherit", env });
  child.on("exit", (code, signal) => {
    // The dashboard keeps serving; queued jobs wait for another worker.
    if (code !== 0 && signal === null && !child.killed) log(`The worker exited (code ${code}). Queued jobs wait until one runs: npm run worker`);
  });
  return child;
}

/** SIGTERM (finish the current job, then exit) and wait for it; a second Ctrl-C stops it at once. */
export function stopWorker(child: ChildProcess, log: (line: string) => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    log("Stopping the worker: it finishes its current job first (Ctrl-C again to stop it now) …");
    child.kill("SIGTERM");
  });
}
