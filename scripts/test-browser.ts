// npm run test:browser: a fresh database with the demo corpus (and the seeds when ../shared/seeds
// exists), a production build, the server on a free port, then Playwright against it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { closeDb } from "../lib/db/client";
import { createScratchDatabase } from "../lib/db/scratch";
import { loadDemoCorpus } from "../ingest/demo";
import { runIngest } from "../ingest/run";
import { buildIsStale, runNext } from "./lib/next";
import { startServer } from "./lib/server";

const log = (line: string) => console.log(`[test:browser] ${line}`);
const SEEDS = path.resolve(process.cwd(), "../shared/seeds");

async function main(): Promise<number> {
  const db = await createScratchDatabase(`hypeline_browser_test_${process.pid}`);
  try {
    process.env.DATABASE_URL = db.url;
    const demo = await loadDemoCorpus("test");
    log(`demo corpus: ${demo.stored} documents`);
    if (existsSync(SEEDS)) {
      const seeds = await runIngest({ targets: [SEEDS], title: "Ballerina", startedBy: "test", request: "seeds" });
      log(`seeds: ${seeds.stored} documents`);
    }
    await closeDb();

    // A token only this run knows, so the browser tests exercise the admin actions end to end.
    const env = { ...process.env, DATABASE_URL: db.url, HYPELINE_ADMIN_TOKEN: process.env.HYPELINE_ADMIN_TOKEN ?? `test-${randomBytes(16).toString("hex")}` };
    if (buildIsStale()) {
      log("building …");
      const code = await runNext(["build"], env);
      if (code !== 0) return code;
    }
    const server = await startServer(env);
    try {
      const url = server.url;
      log(`server on ${url}`);
      const playwright = path.join(process.cwd(), "node_modules", "@playwright", "test", "cli.js");
      const tests = spawn(process.execPath, [playwright, "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...env, HYPELINE_TEST_URL: url } });
      const code: number = await new Promise((resolve) => tests.on("close", (c) => resolve(c ?? 1)));
      if (code !== 0) console.error(`[test:browser] server output:\n${server.output().slice(-4000)}`);
      return code;
    } finally {
      await server.stop();
    }
  } finally {
    await closeDb();
    await db.drop().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[test:browser] ${(error as Error).stack}`);
    process.exit(1);
  },
);
