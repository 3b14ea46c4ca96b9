// The job queue end to end: real pg-boss on a real database, real worker processes
// (`node --import tsx ingest/worker.ts`, what `npm run worker` runs) and a feed served on 127.0.0.1.
// Nothing waits a fixed time: to make two workers overlap, the test holds a lock on ingest_runs
// so every job that starts blocks at its first write, and waits until both workers hold one.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../../lib/db/client";
import { addFeed } from "../../lib/jobs/feeds";
import { getQueue, queueDueFeedPolls, queueIngest, startQueue, stopQueue } from "../../lib/jobs/queue";
import { getQueuedJobs } from "../../lib/queries/getQueuedJobs";
import { feedsCommand } from "../../ingest/feeds-cli";
import type { FeedRow } from "../../lib/jobs/feeds";
import { lastJson, runCommand } from "../helpers/cli";
import { type FixtureServer, startFixtureServer } from "../helpers/fixture-server";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("jobs");

interface DemoRecord {
  title: string;
  date: string;
  kind: string;
  headline: string;
  text: string;
}

const corpus: DemoRecord[] = readFileSync(path.resolve("demo/corpus.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as DemoRecord);
// The 17 Ballerina records, split between the sources below so every one is stored exactly once.
const ballerina = corpus.filter((r) => r.title === "Ballerina");
const johnWick = corpus.find((r) => r.title === "John Wick: Chapter 4")!;

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** RSS 2.0 with the full text in content:encoded, as many news sites publish it. */
function rss(records: DemoRecord[], base: string, name: string): string {
  const items = records
    .map((r, i) => {
      const link = `${base}/${name}/${i}`;
      const html = r.text
        .split(/\n+/)
        .map((p) => `<p>${escapeXml(p)}</p>`)
        .join("");
      return `<item><title>${escapeXml(r.headline)}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(r.date).toUTCString()}</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${name}</title><link>${base}</link><description>fixture</description>${items}</channel></rss>`;
}

// --- worker processes -----------------------------------------------------------------------

interface WorkerProcess {
  name: string;
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

const workers: WorkerProcess[] = [];

function spawnWorker(name: string): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "ingest/worker.ts", "--name", name], {
    env: { ...process.env, DATABASE_URL: db.url() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const worker = { name, child, lines, exited };
  workers.push(worker);
  return worker;
}

/** Polls `check` until it returns something truthy; fails with `what` if that never happens. */
async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 90_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const waitForLine = (worker: WorkerProcess, pattern: RegExp) =>
  waitFor(`worker ${worker.name} to log ${pattern}\n${worker.lines.join("\n")}`, () => worker.lines.find((l) => pattern.test(l)));

const jobLines = (worker: WorkerProcess) => worker.lines.filter((l) => / (ingest|poll-feed) [0-9a-f]{8} /.test(l));

// --- database helpers -----------------------------------------------------------------------

interface RunRow {
  id: number;
  status: string;
  request: string;
  started_by: string;
  seen: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: { item: string; error: string }[];
}

async function finishedRun(request: string): Promise<RunRow | undefined> {
  const pool = await getPool();
  const { rows } = await pool.query<RunRow>("select * from ingest_runs where request = $1 and status <> 'running' order by id", [request]);
  return rows[0];
}

async function jobCount(queue: string, states: string[]): Promise<number> {
  const pool = await getPool();
  const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from pgboss.job where name = $1 and state::text = any($2)", [queue, states]);
  return rows[0].n;
}

/** Holds an EXCLUSIVE lock on ingest_runs: every run blocks at its first write until released. */
async function holdRunsLock(): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  await client.query("begin");
  await client.query("lock table ingest_runs in exclusive mode");
  return {
    async release() {
      await client.query("commit");
      await client.end();
    },
  };
}

// --- fixtures ---------------------------------------------------------------------------------

let web: FixtureServer;
let dir: string;
const writeRecord = (folder: string, name: string, record: DemoRecord) => {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(record));
  return file;
};

beforeAll(async () => {
  web = await startFixtureServer();
  // Server-side fetching refuses loopback unless allowed (lib/net/safeFetch.ts); the workers inherit it.
  process.env.HYPELINE_FETCH_ALLOW_HOSTS = new URL(web.base).host;
  web.set("/feed.xml", { type: "application/rss+xml", body: rss(ballerina.slice(1, 5), web.base, "feed") });
  web.set("/feed2.xml", { type: "application/rss+xml", body: rss(ballerina.slice(11, 17), web.base, "feed2") });
  dir = mkdtempSync(path.join(tmpdir(), "hypeline-jobs-"));
  writeRecord(dir, "single.json", ballerina[0]);
  const folder = path.join(dir, "folder");
  mkdirSync(folder);
  ballerina.slice(5, 11).forEach((r, i) => writeRecord(folder, `doc-${i}.json`, r));
  writeRecord(dir, "john-wick.json", johnWick);
});

afterAll(async () => {
  // Only the processes this file started, by their own handles.
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await stopQueue();
  await web?.close();
});

describe("jobs", () => {
  let a: WorkerProcess;
  let b: WorkerProcess;

  it("several processes can set up the queue at once on a new database", async () => {
    // Workers started together used to deadlock creating pg-boss's queue partitions.
    const started = await Promise.all([startQueue("worker"), startQueue("client"), startQueue("client")]);
    for (const boss of started) await boss.stop({ graceful: false, close: false });
    const pool = await getPool();
    const { rows } = await pool.query<{ name: string }>("select name from pgboss.queue where name not like '\\_\\_%' order by name");
    expect(rows.map((r) => r.name)).toEqual(["feed-schedule", "ingest", "poll-feed"]);
  });

  it("queues each due feed once, however often the schedule ticks", async () => {
    const { feed, created } = await addFeed({ url: web.url("/feed.xml"), title: "Ballerina", everyMinutes: 6 * 60 });
    expect(created).toBe(true);
    const boss = await getQueue();
    expect(await queueDueFeedPolls(boss)).toBe(1);
    // No worker runs yet: the poll is still queued, and the "stately" queue refuses a second one.
    expect(await queueDueFeedPolls(boss)).toBe(0);
    const queued = await getQueuedJobs();
    expect(queued).toEqual([expect.objectContaining({ queue: "poll-feed", target: feed.url, startedBy: "schedule", state: "created" })]);
  });

  it("a worker runs queued ingests and feed polls, each recorded as a run with its items", async () => {
    a = spawnWorker("A");
    await waitForLine(a, /ready: taking ingest and poll-feed jobs/);

    const single = await queueIngest({ target: path.join(dir, "single.json"), title: "Ballerina", startedBy: "test" });
    const missing = await queueIngest({ target: path.join(dir, "no-such-file.json"), startedBy: "test" });
    expect(single.request).toBe(`ingest ${path.join(dir, "single.json")} --title "Ballerina"`);

    const feedRun = await waitFor("the feed poll's run", async () => {
      const pool = await getPool();
      const { rows } = await pool.query<RunRow>("select * from ingest_runs where request like 'poll feed #%' and status <> 'running'");
      return rows[0];
    });
    expect(feedRun).toMatchObject({ status: "succeeded", started_by: "schedule", seen: 4, stored: 4, duplicates: 0, failed: 0 });

    const singleRun = await waitFor("the single-file run", () => finishedRun(single.request));
    expect(singleRun).toMatchObject({ status: "succeeded", started_by: "test", seen: 1, stored: 1, failed: 0 });

    // A source that cannot be read is a failed run with the item's own error, not a crashed job.
    const missingRun = await waitFor("the failed run", () => finishedRun(missing.request));
    expect(missingRun).toMatchObject({ status: "failed", seen: 1, stored: 0, failed: 1 });
    expect(missingRun.errors[0].error).toMatch(/no such file or folder/);
    await waitFor("the failed run's job to complete", async () => (await jobCount("ingest", ["created", "retry", "active"])) === 0);
    expect(await jobCount("ingest", ["completed"])).toBe(2);

    const pool = await getPool();
    const items = await pool.query<{ status: string; document_id: number | null; error: string | null }>(
      "select status, document_id, error from ingest_run_items where run_id = any($1) order by id",
      [[feedRun.id, singleRun.id, missingRun.id]],
    );
    expect(items.rows.filter((i) => i.status === "stored" && i.document_id !== null)).toHaveLength(5);
    expect(items.rows.filter((i) => i.status === "failed" && i.error)).toHaveLength(1);

    // Polled just now: the next tick queues nothing, and polling the feed again stores nothing new.
    expect(await queueDueFeedPolls(await getQueue())).toBe(0);
    const again = await queueIngest({ target: web.url("/feed.xml"), title: "Ballerina", startedBy: "test" });
    const againRun = await waitFor("the re-poll's run", () => finishedRun(again.request));
    expect(againRun).toMatchObject({ status: "succeeded", stored: 0, failed: 0 });

    expect(jobLines(a).length).toBeGreaterThanOrEqual(4);
    expect(a.lines.some((l) => l.includes(`run #${singleRun.id} succeeded`))).toBe(true);
  });

  it("two workers share one queue, and racing on the same sources store each item once", async () => {
    b = spawnWorker("B");
    await waitForLine(b, /ready: taking ingest and poll-feed jobs/);
    const before = { a: jobLines(a).length, b: jobLines(b).length };

    const lock = await holdRunsLock();
    const folder = path.join(dir, "folder");
    const feed2 = web.url("/feed2.xml");
    const jobs = await Promise.all([
      queueIngest({ target: folder, startedBy: "race" }),
      queueIngest({ target: feed2, title: "Ballerina", startedBy: "race" }),
      queueIngest({ target: folder, startedBy: "race" }),
      queueIngest({ target: feed2, title: "Ballerina", startedBy: "race" }),
      queueIngest({ target: path.join(folder, "doc-0.json"), startedBy: "race" }),
      queueIngest({ target: path.join(folder, "doc-5.json"), startedBy: "race" }),
    ]);
    // Each worker takes one ingest at a time, so two active ingests means both workers hold one.
    await waitFor("both workers to hold an ingest", async () => (await jobCount("ingest", ["active"])) === 2);
    await lock.release();

    await waitFor("every race job to finish", async () => (await jobCount("ingest", ["created", "retry", "active"])) === 0);
    const pool = await getPool();
    const runs = await pool.query<RunRow>("select * from ingest_runs where started_by = 'race' order by id");
    expect(runs.rows).toHaveLength(jobs.length);
    for (const run of runs.rows) expect(run).toMatchObject({ status: "succeeded", failed: 0 });
    // 6 folder documents + 6 feed entries, each stored by exactly one run; every other sighting is a duplicate or a seen entry.
    expect(runs.rows.reduce((n, r) => n + r.stored, 0)).toBe(12);

    const twice = await pool.query("select document_id from ingest_run_items where status = 'stored' group by document_id having count(*) > 1");
    expect(twice.rows).toEqual([]);
    const docs = await pool.query<{ n: number; titles: number }>("select count(*)::int as n, count(distinct title_id)::int as titles from documents");
    expect(docs.rows[0]).toEqual({ n: ballerina.length, titles: 1 });
    const feedItems = await pool.query<{ n: number }>("select count(*)::int as n from feed_items fi join feeds f on f.id = fi.feed_id where f.url = $1", [feed2]);
    expect(feedItems.rows[0].n).toBeGreaterThanOrEqual(6);

    expect(jobLines(a).length).toBeGreaterThan(before.a);
    expect(jobLines(b).length).toBeGreaterThan(before.b);
  });

  it("on SIGTERM a worker finishes its current job, then exits", async () => {
    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);

    const lock = await holdRunsLock();
    const job = await queueIngest({ target: path.join(dir, "john-wick.json"), startedBy: "test" });
    await waitFor("worker A to take the job", async () => (await jobCount("ingest", ["active"])) === 1);
    a.child.kill("SIGTERM");
    await waitForLine(a, /SIGTERM: finishing the current job/);
    await lock.release();

    expect(await a.exited).toBe(0);
    const run = await finishedRun(job.request);
    expect(run).toMatchObject({ status: "succeeded", stored: 1 });
    const done = a.lines.findIndex((l) => l.includes(`run #${run!.id} succeeded`));
    expect(done).toBeGreaterThan(-1);
    expect(done).toBeLessThan(a.lines.findIndex((l) => /\] stopped$/.test(l)));
    expect(await jobCount("ingest", ["active", "created", "retry", "failed"])).toBe(0);
  });

  it("npm run feeds adds, lists and removes feeds, with errors that say what to write", async () => {
    // Each command closes the shared pool when it ends, as its process exit would.
    await stopQueue();
    const bad = await runCommand(feedsCommand, ["add", "https://example.com/feed.xml", "--every", "6x"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--every "6x" is not an interval: write a number and m, h or d, e.g. 30m, 6h or 1d');
    const notUrl = await runCommand(feedsCommand, ["add", "ftp://example.com/feed.xml"]);
    expect(notUrl.stderr).toMatch(/neither an http\(s\) URL nor an existing folder/);

    const added = await runCommand(feedsCommand, ["add", "https://example.com/feed.xml", "--title", "Ballerina", "--every", "30m"]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added feed #\d+ https:\/\/example\.com\/feed\.xml: every 30m, title Ballerina\./);
    const folder = await runCommand(feedsCommand, ["add", path.relative(process.cwd(), path.join(dir, "folder")), "--every", "1d"]);
    expect(folder.stdout).toContain(`${path.join(dir, "folder")}: every 1d`);

    const list = lastJson<FeedRow[]>((await runCommand(feedsCommand, ["list", "--json"])).stdout);
    expect(list.map((f) => [f.url, f.everyMinutes])).toEqual(
      expect.arrayContaining([
        ["https://example.com/feed.xml", 30],
        [path.join(dir, "folder"), 1440],
        [web.url("/feed.xml"), 360],
        [web.url("/feed2.xml"), 0],
      ]),
    );

    expect((await runCommand(feedsCommand, ["remove", "https://example.com/feed.xml"])).code).toBe(0);
    const again = await runCommand(feedsCommand, ["remove", "https://example.com/feed.xml"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("No feed with URL https://example.com/feed.xml");
  });
});
