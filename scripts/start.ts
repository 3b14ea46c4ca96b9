// npm start: database (embedded unless DATABASE_URL is set) → migrations → demo corpus when the
// database is empty → production build when missing or stale → the dashboard on PORT (3000).
// `--dev` runs `next dev` instead of a build.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { getDb, closeDb } from "../lib/db/client";
import { resolveDatabaseUrl } from "../lib/db/url";
import { applyMigrations } from "../lib/db/migrate";
import { getEnv } from "../lib/env";
import { loadDemoCorpus } from "../ingest/demo";

const log = (line: string) => console.log(`[hypeline] ${line}`);
const dev = process.argv.includes("--dev");
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).filter((n) => n !== "generated").map((n) => newestMtime(path.join(target, n))));
}

function buildIsStale(): boolean {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "next.config.js", "package-lock.json"].some((p) => newestMtime(path.join(process.cwd(), p)) > built);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

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
  if (dev) return run(["dev", "-p", String(env.PORT)], childEnv);
  if (buildIsStale()) {
    log("Building the dashboard (first start, or the code changed) …");
    const code = await run(["build"], childEnv);
    if (code !== 0) return code;
  }
  log(`Dashboard: http://localhost:${env.PORT}`);
  return run(["start", "-p", String(env.PORT)], childEnv);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[hypeline] Could not start: ${(error as Error).message}`);
    process.exit(1);
  },
);
