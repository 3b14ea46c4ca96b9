// npm start: database (embedded unless DATABASE_URL is set) → migrations → demo corpus when the
// database is empty → production build when missing or stale → the dashboard on PORT (3000).
// `--dev` runs `next dev` instead of a build. One queue worker runs alongside (see docs/jobs.md)
// unless `--no-worker` or HYPELINE_WORKER=0.
import { getDb, closeDb } from "../lib/db/client";
import { resolveDatabaseUrl } from "../lib/db/url";
import { applyMigrations } from "../lib/db/migrate";
import { getEnv } from "../lib/env";
import { loadDemoCorpus } from "../ingest/demo";
import { buildIsStale, runNext } from "./lib/next";
import { spawnWorker, stopWorker } from "./lib/worker";

const log = (line: string) => console.log(`[hypeline] ${line}`);
const dev = process.argv.includes("--dev");
const noWorker = process.argv.includes("--no-worker");
async function main(): Promise<number> {
  const env = getEnv();
  const url = await resolveDatabaseUrl(log);
  log(env.DATABASE_URL ? "Using DATABASE_URL." : `Embedded PostgreSQL ready on 127.0.0.1:${env.HYPELINE_PG_PORT} (stop it with: npm run db:stop).`);
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

  const db = await getDb();
  if ((await db.document.count()) === 0) {
    log("Database is empty: loading the demo corpus (demo/) …");
    const report = await loadDemoCorpus();
    log(`Demo corpus: ${report.stored} documents stored, ${report.failed} failed.`);
  }
  await closeDb();

  const childEnv = { ...process.env, DATABASE_URL: url, PORT: String(env.PORT) };
  const worker = !noWorker && env.HYPELINE_WORKER !== "0";
  if (dev) return withQueueWorker(worker, childEnv, () => runNext(["dev", "-p", String(env.PORT)], childEnv));
  if (buildIsStale()) {
    log("Building the dashboard (first start, or the code changed) …");
    const code = await runNext(["build"], childEnv);
    if (code !== 0) return code;
  }
  log(`Dashboard: http://localhost:${env.PORT}`);
  return withQueueWorker(worker, childEnv, () => runNext(["start", "-p", String(env.PORT)], childEnv));
}

/** Runs the server with one queue worker beside it; the worker stops when the server does. */
async function withQueueWorker(enabled: boolean, childEnv: NodeJS.ProcessEnv, serve: () => Promise<number>): Promise<number> {
  if (!enabled) {
    log("No queue worker (--no-worker or HYPELINE_WORKER=0): queued ingests and feed polls wait for `npm run worker`.");
    return serve();
  }
  const worker = spawnWorker(childEnv, log);
  try {
    return await serve();
  } finally {
    await stopWorker(worker, log);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[hypeline] Could not start: ${(error as Error).message}`);
    process.exit(1);
  },
);
