// npm run load [-- --duration 30 --connections 50 --rounds 2 --json]: a bounded load test on 127.0.0.1.
// A fresh database with the demo corpus (and the seeds when ../shared/seeds exists), the
// production build (built when stale), a server of its own, then autocannon on the overview, a
// title page and a CSV export in turn, with the server's memory sampled (scripts/lib/load.ts).
// The round is repeated: memory that grows again in the last round, as much as in the first, is
// a leak; memory that levels off is the heap reaching its working size.
// Exit code 1 when any request failed (connection error, timeout or non-2xx answer).
import { existsSync } from "node:fs";
import path from "node:path";
import { defineCommand } from "citty";
import { loadDemoCorpus } from "../ingest/demo";
import { runIngest } from "../ingest/run";
import { CliError, ExitCode, runCli } from "../ingest/cli-kit";
import { closeDb } from "../lib/db/client";
import { createScratchDatabase } from "../lib/db/scratch";
import { runLoad } from "./lib/load";
import { buildIsStale, runNext } from "./lib/next";
import { startServer } from "./lib/server";

const log = (line: string) => console.error(`[load] ${line}`);
const SEEDS = path.resolve(process.cwd(), "../shared/seeds");

function positiveInt(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError("EARG", `--${name} must be a whole number from 1 to ${max} (got ${JSON.stringify(value)})`);
  return n;
}

const command = defineCommand({
  meta: { name: "load", description: "Bounded load test of the overview, a title page and a CSV export on 127.0.0.1" },
  args: {
    duration: { type: "string", default: "30", description: "Seconds per target (at most 300)" },
    connections: { type: "string", default: "50", description: "Concurrent connections (at most 200)" },
    rounds: { type: "string", default: "2", description: "Times to run the three targets (at most 5)" },
    json: { type: "boolean", description: "Print the report as JSON on the last line" },
  },
  async run({ args }) {
    const durationSeconds = positiveInt("duration", args.duration, 300);
    const connections = positiveInt("connections", args.connections, 200);
    const rounds = positiveInt("rounds", args.rounds, 5);
    const db = await createScratchDatabase("hypeline_load");
    try {
      process.env.DATABASE_URL = db.url;
      const demo = await loadDemoCorpus("test");
      if (existsSync(SEEDS)) await runIngest({ targets: [SEEDS], title: "Ballerina", startedBy: "test", request: "seeds" });
      log(`database ${db.name}: ${demo.stored} demo documents${existsSync(SEEDS) ? " and the seeds" : ""}`);
      await closeDb();
      const env = { ...process.env, DATABASE_URL: db.url };
      if (buildIsStale()) {
        log("building …");
        if ((await runNext(["build"], env)) !== 0) throw new CliError("EINPUT", "next build failed: fix the build first (npx next build)");
      }
      const server = await startServer(env);
      log(`server on ${server.url} (pid ${server.pid})`);
      try {
        const reports = [];
        for (let round = 0; round < rounds; round++) {
          log(`round ${round + 1} of ${rounds}`);
          reports.push(await runLoad({ baseUrl: server.url, serverPid: server.pid, durationSeconds, connections, log, warmupSeconds: round === 0 ? 3 : 0 }));
        }
        if (args.json) console.log(JSON.stringify({ durationSeconds, connections, rounds: reports }));
        else {
          console.table(
            reports.flatMap((report, round) =>
              report.targets.map((t) => ({
                round: round + 1,
                target: `${t.name} ${t.path}`,
                requests: t.requests,
                "req/s": t.requestsPerSecond,
                "p50 ms": t.latencyMs.p50,
                "p99 ms": t.latencyMs.p99,
                "max ms": t.latencyMs.max,
                errors: t.errors + t.timeouts + t.non2xx,
              })),
            ),
          );
          for (const [round, { memoryMb: m }] of reports.entries()) {
            console.log(`round ${round + 1}: server memory (RSS) ${m.afterWarmup} MB at the start, ${m.peak} MB peak, ${m.end} MB at the end (${m.growth >= 0 ? "+" : ""}${m.growth} MB)`);
          }
        }
        if (reports.some((r) => r.targets.some((t) => t.errors + t.timeouts + t.non2xx > 0))) throw new ExitCode(1);
      } finally {
        await server.stop();
      }
    } finally {
      await closeDb();
      await db.drop().catch(() => undefined);
    }
  },
});

await runCli(command);
