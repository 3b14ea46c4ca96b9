// A worker killed with SIGKILL in the middle of a queued ingest: another worker notices (its job
// lease is gone, lib/jobs/leases.ts), takes the job again, and every item ends up stored exactly
// once. Real pg-boss, real worker processes, a feed on 127.0.0.1 whose later pages are held back
// until the first worker is dead, so the kill lands mid-job without waiting a fixed time.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../../lib/db/client";
import { queueIngest, stopQueue } from "../../lib/jobs/queue";
import { type FixtureServer, startFixtureServer } from "../helpers/fixture-server";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("worker_kill");

const ENTRIES = 12;
/** Pages from this entry on wait for the gate: the first worker is killed while waiting for one. */
const HELD_FROM = 5;

const texts = readFileSync("tests/fixtures/film-docs.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string).slice(0, ENTRIES);
const escape = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

let web: FixtureServer;
let openGate: () => void = () => undefined;
const gate = new Promise<void>((resolve) => (openGate = resolve));
const children: ChildProcess[] = [];

beforeAll(async () => {
  web = await startFixtureServer();
  process.env.HYPELINE_FETCH_ALLOW_HOSTS = new URL(web.base).host;
  const items = texts
    .map((_, i) => `<item><title>Story ${i}</title><link>${web.url(`/story/${i}`)}</link><guid>${web.url(`/story/${i}`)}</guid><pubDate>${new Date(Date.UTC(2025, 4, 1 + i)).toUTCString()}</pubDate><description>Story ${i}.</description></item>`)
    .join("");
  web.set("/feed.xml", { type: "application/rss+xml", body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Kill feed</title><link>${web.base}</link><description>x</description>${items}</channel></rss>` });
  texts.forEach((text, i) => {
    const page = `<!doctype html><html><head><title>Story ${i}</title><meta property="article:published_time" content="2025-05-${String(i + 1).padStart(2, "0")}"></head><body><article><h1>Story ${i}</h1>${text
      .split(/\n+/)
      .map((p) => `<p>${escape(p)}</p>`)
      .join("")}<p>Filed as story ${i}.</p></article></body></html>`;
    web.set(`/story/${i}`, (_req: http.IncomingMessage, res: http.ServerResponse) => {
      const answer = () => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      if (i < HELD_FROM) answer();
      else void gate.then(answer);
    });
  });
});

afterAll(async () => {
  openGate();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await stopQueue();
  await web?.close();
});

function startWorker(name: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "ingest/worker.ts", "--name", name], { env: { ...process.env, DATABASE_URL: db.url() }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { child, log: () => log, exited };
}

async function scalar(sql: string, params: unknown[] = []): Promise<number> {
  const pool = await getPool();
  return Number(Object.values((await pool.query(sql, params)).rows[0])[0]);
}

async function until(what: string, check: () => Promise<boolean> | boolean, alive: () => boolean, log: () => string): Promise<void> {
  while (!(await check())) {
    if (!alive()) throw new Error(`gave up waiting for ${what}: the worker exited\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a worker killed mid-job", () => {
  it("is noticed by another worker, which runs the job again; every item is stored once", async () => {
    const a = startWorker("A");
    const aAlive = () => a.child.exitCode === null && a.child.signalCode === null;
    await until("worker A to be ready", () => /ready: taking/.test(a.log()), aAlive, a.log);
    const { jobId } = await queueIngest({ target: web.url("/feed.xml"), title: "Worker Kill", startedBy: "test" });

    await until("worker A to store the first pages and wait for the next", async () => (await scalar("select count(*) from documents")) >= HELD_FROM && web.hits(`/story/${HELD_FROM}`) > 0, aAlive, a.log);
    a.child.kill("SIGKILL");
    expect(await a.exited).toBe("SIGKILL");
    const storedByA = await scalar("select count(*) from documents");
    expect(storedByA).toBe(HELD_FROM);
    expect(await scalar("select count(*) from pgboss.job where id = $1 and state = 'active'", [jobId])).toBe(1);
    openGate();

    const b = startWorker("B");
    const bAlive = () => b.child.exitCode === null && b.child.signalCode === null;
    await until("worker B to put the orphaned job back", () => /its worker died mid-job; put back for another worker/.test(b.log()), bAlive, b.log);
    await until("the job to complete", async () => (await scalar("select count(*) from pgboss.job where id = $1 and state = 'completed'", [jobId])) === 1, bAlive, b.log);

    expect(await scalar("select count(*) from documents")).toBe(ENTRIES);
    expect(await scalar("select count(distinct url) from documents")).toBe(ENTRIES);
    expect(await scalar("select count(*) from feed_items")).toBe(ENTRIES);
    expect(await scalar("select count(*) from documents d where sentence_count = 0 or sentence_count <> (select count(*) from sentences s where s.document_id = d.id)")).toBe(0);
    expect(await scalar("select retry_count from pgboss.job where id = $1", [jobId])).toBe(1);
    // The dead worker's run is closed with the reason; the retry's run stored the rest.
    const pool = await getPool();
    const { rows: runs } = await pool.query<{ status: string; stored: number; errors: { item: string; error: string }[] }>("select status, stored, errors from ingest_runs order by id");
    expect(runs).toHaveLength(2);
    expect(runs[0].status).toBe("failed");
    expect(runs[0].errors.at(-1)?.error).toMatch(/^its worker died mid-job/);
    expect(runs[1]).toMatchObject({ status: "succeeded", stored: ENTRIES - HELD_FROM });
    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  });
});
