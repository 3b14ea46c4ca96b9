// npm run worker [-- --name NAME]: takes jobs from the queue (ingests queued from the dashboard,
// feed polls) and runs them, one ingest and one feed poll at a time. Start as many as you like,
// here or on other machines pointed at the same DATABASE_URL: each job goes to exactly one of them.
// SIGTERM / Ctrl-C: stop taking jobs, finish the current ones, exit. A second Ctrl-C exits at once.
import { hostname } from "node:os";
import { defineCommand } from "citty";
import type PgBoss from "pg-boss";
import { getPool } from "../lib/db/client";
import { resolveDatabaseUrl } from "../lib/db/url";
import { claimFeedPoll, recordFeedPoll } from "../lib/jobs/feeds";
import { JobLeases, ORPHAN_CHECK_MS } from "../lib/jobs/leases";
import { type IngestJobData, JOB_EXPIRE_SECONDS, type PollFeedJobData, QUEUES, queueDueFeedPolls, startQueue } from "../lib/jobs/queue";
import { CliError, isMain, runCli } from "./cli-kit";
import { type IngestReport, runIngest } from "./run";

type Log = (line: string) => void;

function summary(report: IngestReport): string {
  const took = `${(report.elapsedMs / 1000).toFixed(1)} s`;
  return `run #${report.run} ${report.status} in ${took}: ${report.seen} seen, ${report.stored} stored, ${report.duplicates} duplicates, ${report.failed} failed`;
}

/** A run that ended on a database or connection failure: let pg-boss retry the job. */
function fatalError(report: IngestReport): string | null {
  return report.errors.find((e) => e.item === "(run)")?.error ?? null;
}

async function handleIngest(job: PgBoss.Job<IngestJobData>, log: Log): Promise<object> {
  const { target, title, kind, startedBy, request } = job.data;
  const report = await runIngest({ targets: [target], title, kind, startedBy, request });
  log(`ingest ${job.id.slice(0, 8)} ${target} → ${summary(report)}`);
  const fatal = fatalError(report);
  if (fatal) throw new Error(`run #${report.run} stopped: ${fatal}`);
  return { run: report.run, status: report.status };
}

async function handlePollFeed(job: PgBoss.Job<PollFeedJobData>, log: Log): Promise<object> {
  const feed = await claimFeedPoll(job.data.feedId);
  if (!feed) {
    log(`poll-feed ${job.id.slice(0, 8)} feed #${job.data.feedId}: skipped (polled moments ago, or removed)`);
    return { skipped: true };
  }
  const report = await runIngest({
    targets: [feed.url],
    title: feed.title ?? undefined,
    startedBy: "schedule",
    request: `poll feed #${feed.id} ${feed.url}`,
  });
  const fatal = fatalError(report);
  const lastError = report.status === "failed" ? (fatal ?? report.errors[0]?.error ?? "every item failed") : null;
  await recordFeedPoll(feed.id, lastError);
  log(`poll-feed ${job.id.slice(0, 8)} ${feed.url} → ${summary(report)}`);
  if (fatal) throw new Error(`run #${report.run} stopped: ${fatal}`);
  return { run: report.run, status: report.status };
}

export interface RunningWorker {
  /** Stops taking jobs, waits for the current ones (up to their expiry), then stops. */
  stop(): Promise<void>;
}

/** Starts pg-boss with Hypeline's handlers and the once-a-minute feed schedule. */
export async function startWorker(log: Log): Promise<RunningWorker> {
  const boss = await startQueue("worker", (error) => log(`queue error: ${error.message}`));
  // pg-boss's cron sends this once a minute however many workers run (it keeps the last send time in the database).
  await boss.schedule(QUEUES.feedSchedule, "* * * * *");
  // Each job runs under a lease, and every worker looks for jobs whose worker died mid-job
  // (SIGKILL, out of memory) and puts them back within seconds (lib/jobs/leases.ts).
  const leases = new JobLeases(await resolveDatabaseUrl(), log);
  // One job at a time per queue: a worker's share of the load is what it can do, and extra
  // workers (processes, machines) are how Hypeline scales.
  await boss.work<IngestJobData>(QUEUES.ingest, { batchSize: 1 }, async ([job]) => leases.during(job.id, () => handleIngest(job, log)));
  await boss.work<PollFeedJobData>(QUEUES.pollFeed, { batchSize: 1 }, async ([job]) => leases.during(job.id, () => handlePollFeed(job, log)));
  await boss.work(QUEUES.feedSchedule, { batchSize: 1 }, async () => {
    const queued = await queueDueFeedPolls(boss);
    if (queued) log(`feed-schedule: queued ${queued} due feed poll${queued === 1 ? "" : "s"}`);
    return { queued };
  });
  const reaper = setInterval(() => {
    leases.reapOrphans([QUEUES.ingest, QUEUES.pollFeed]).catch((error: Error) => log(`looking for orphaned jobs failed: ${error.message}`));
  }, ORPHAN_CHECK_MS);
  return {
    stop: async () => {
      clearInterval(reaper);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: JOB_EXPIRE_SECONDS * 1000 });
      await leases.close();
    },
  };
}

/**
 * Resolves on the first SIGTERM or SIGINT. A second Ctrl-C (SIGINT) exits at once; a repeated
 * SIGTERM does not, since `npm start` sends one after the terminal's Ctrl-C reached us too.
 */
function firstSignal(log: Log): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        if (signal !== "SIGINT") return;
        log("Ctrl-C again: exiting now; another worker puts the current job back within seconds (lib/jobs/leases.ts)");
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}

export const workerCommand = defineCommand({
  meta: { name: "worker", description: "Run queued ingests and scheduled feed polls (several workers share the queue)" },
  args: {
    name: { type: "string", description: "Name shown in the log (default: host:pid)" },
  },
  async run({ args }) {
    const name = args.name || `${hostname()}:${process.pid}`;
    const log: Log = (line) => console.log(`[worker ${name}] ${line}`);
    const url = await resolveDatabaseUrl(log);
    // The worker never migrates: a schema change is the deploy's (npm start, npm run db:migrate), not a worker's.
    const pool = await getPool();
    const { rows } = await pool.query<{ t: string | null }>("select to_regclass('public.ingest_runs')::text as t");
    if (!rows[0]?.t) {
      throw new CliError("EDB", `The database at ${new URL(url).host} has no Hypeline tables yet: run \`npm run db:migrate\` (or \`npm start\`) first.`);
    }
    const worker = await startWorker(log);
    log(`ready: taking ${QUEUES.ingest} and ${QUEUES.pollFeed} jobs (Ctrl-C or SIGTERM to stop)`);
    const signal = await firstSignal(log);
    log(`${signal}: finishing the current job, then exiting`);
    await worker.stop();
    log("stopped");
  },
});

if (isMain(import.meta.url)) await runCli(workerCommand);
