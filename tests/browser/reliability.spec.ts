// Faults and load against a server of this spec's own: its own embedded PostgreSQL (a temporary
// HYPELINE_HOME on a free port, never the machine's 5432 or the shared .hypeline/ one), loaded with
// the demo corpus, and `next start` from the existing build pointed at it.
// - A short bounded load (5 s × 10 connections per target, twice): no failed request, and the
//   server's memory does not keep growing from one round to the next.
// - Exports whose clients hang up before the answer leave no pooled connection behind.
// - PostgreSQL stopped and started again while requests keep coming: every answer is a 200 or a
//   503 with Retry-After (never a 500), and the same server process answers 200 again by itself.
// - An ingest running while PostgreSQL restarts: it waits, resumes, and stores every document once.
// - After all that (and the error logs a restart causes), the server's log holds no secret: not
//   the admin token, not the database password.
// Nothing waits a fixed time: each step polls for the state it needs.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { embeddedUrl, ensureEmbeddedPostgres, stopEmbeddedPostgres } from "../../lib/db/embedded";
import { runLoad } from "../../scripts/lib/load";
import { freePort, type RunningServer, startServer } from "../../scripts/lib/server";

test.describe.configure({ mode: "serial" });

const saved = { home: process.env.HYPELINE_HOME, port: process.env.HYPELINE_PG_PORT };
let home = "";
let databaseUrl = "";
let server: RunningServer;
const ADMIN_TOKEN = `secret-${randomBytes(16).toString("hex")}`;

/** Polls `check` until it is true; `what` names it if the server or a child died first. */
async function until(what: string, check: () => boolean | Promise<boolean>, alive: () => boolean = () => true): Promise<void> {
  while (!(await check())) {
    if (!alive()) throw new Error(`gave up waiting for ${what}: the process ended`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function scalar(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number(Object.values((await client.query(sql)).rows[0])[0]);
  } finally {
    await client.end();
  }
}

function runNode(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  home = mkdtempSync(path.join(tmpdir(), "hypeline-faults-"));
  process.env.HYPELINE_HOME = home;
  process.env.HYPELINE_PG_PORT = String(await freePort());
  databaseUrl = await ensureEmbeddedPostgres();
  expect(databaseUrl).toBe(embeddedUrl());
  const seeded = await runNode(["scripts/seed-demo.ts"]);
  expect(seeded.code, seeded.output).toBe(0);
  server = await startServer({ ...process.env, DATABASE_URL: databaseUrl, HYPELINE_ADMIN_TOKEN: ADMIN_TOKEN });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await server?.stop();
  await stopEmbeddedPostgres().catch(() => undefined);
  if (home) rmSync(home, { recursive: true, force: true });
  for (const [key, value] of [["HYPELINE_HOME", saved.home], ["HYPELINE_PG_PORT", saved.port]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

test("a short bounded load: no failed request, and memory levels off", async ({}, testInfo) => {
  test.setTimeout(300_000);
  // Rounds of 5 s × 10 connections per target. The heap grows to its working size over the first
  // rounds, then levels off; a leak keeps growing with every round and never does.
  const LEVEL_MB = 24;
  const rounds = [];
  for (let round = 0; round < 6; round++) {
    const report = await runLoad({ baseUrl: server.url, serverPid: server.pid, durationSeconds: 5, connections: 10, warmupSeconds: round === 0 ? 3 : 0 });
    rounds.push(report);
    for (const t of report.targets) {
      expect(t.requests, t.name).toBeGreaterThan(0);
      expect({ target: t.name, errors: t.errors, timeouts: t.timeouts, non2xx: t.non2xx }).toEqual({ target: t.name, errors: 0, timeouts: 0, non2xx: 0 });
    }
    if (round >= 2 && report.memoryMb.end - rounds[round - 1].memoryMb.end <= LEVEL_MB) break;
  }
  await testInfo.attach("load report", { body: JSON.stringify(rounds, null, 2), contentType: "application/json" });
  for (const t of rounds[0].targets) console.log(`[load] ${t.name}: ${t.requests} requests in 5 s, p99 ${t.latencyMs.p99} ms`);
  const ends = rounds.map((r) => r.memoryMb.end);
  console.log(`[load] server RSS at the end of each round: ${ends.join(", ")} MB`);
  expect(ends.length, `memory never levelled off: ${ends.join(", ")} MB`).toBeLessThan(6);
});

test("exports abandoned before their answer give their connections back: pages still render", async () => {
  test.setTimeout(120_000);
  // Clients that hang up while the export is being set up, or as soon as its headers arrive with
  // the body unread: before streamBody (lib/http.ts) each such export kept a pooled connection,
  // and after ten of them no page could get one. Every one of the 40 hangs up, one way or the other.
  let beforeHeaders = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, lane) => {
      for (let i = 0; i < 4; i++) {
        const hangUp = new AbortController();
        setTimeout(() => hangUp.abort(), (lane * 4 + i) % 16);
        const response = await fetch(`${server.url}/api/export/documents?title=ballerina`, { signal: hangUp.signal }).catch(() => null);
        if (!response) beforeHeaders++;
        hangUp.abort();
        await response?.body?.cancel().catch(() => undefined);
      }
    }),
  );
  console.log(`[load] 40 exports abandoned: ${beforeHeaders} before their headers, the rest with the body unread`);
  // A starved pool never answers: the bound only turns that hang into a failure with a message.
  for (const p of ["/", "/titles/ballerina", "/api/export/documents?title=ballerina"]) {
    const response = await fetch(server.url + p, { signal: AbortSignal.timeout(60_000) });
    expect(response.status, p).toBe(200);
    await response.arrayBuffer();
  }
});

test("PostgreSQL restarted under requests: 503 with Retry-After meanwhile, then 200 again from the same process", async ({}, testInfo) => {
  test.setTimeout(240_000);
  const paths = ["/", "/titles/ballerina", "/documents/1", "/api/export/documents?title=ballerina", "/api/jobs", "/api/health"];
  const answers: { path: string; status: number; retryAfter: string | null; phase: string }[] = [];
  let phase = "before";
  let running = true;
  const traffic = (async () => {
    while (running) {
      for (const p of paths) {
        // The phase when the request was sent: one already rendering when PostgreSQL goes away
        // (sent before the stop completed) may fail; every request sent later must not.
        const sentIn = phase;
        const response = await fetch(server.url + p, { redirect: "manual" }).catch(() => null);
        if (!response) {
          answers.push({ path: p, status: 0, retryAfter: null, phase: sentIn });
          continue;
        }
        await response.arrayBuffer().catch(() => undefined);
        answers.push({ path: p, status: response.status, retryAfter: response.headers.get("retry-after"), phase: sentIn });
      }
    }
  })();
  const alive = () => server.child.exitCode === null;
  try {
    await until("answers before the outage", () => answers.filter((a) => a.status === 200).length >= 2 * paths.length, alive);
    phase = "stopping";
    await stopEmbeddedPostgres();
    phase = "down";
    const outage = answers.length;
    await until("503s for pages and API routes", () => {
      const during = answers.slice(outage);
      return paths.every((p) => during.some((a) => a.path === p && a.status === 503));
    }, alive);
    phase = "starting";
    await ensureEmbeddedPostgres();
    phase = "up";
    const back = answers.length;
    await until("every path answering 200 again", () => {
      const after = answers.slice(back);
      return paths.every((p) => after.some((a) => a.path === p && a.status === 200)) && after.slice(-paths.length).every((a) => a.status === 200);
    }, alive);
  } finally {
    running = false;
    await traffic;
    writeFileSync(testInfo.outputPath("server.log"), server.output());
  }
  const inFlight = answers.filter((a) => a.phase === "before" || a.phase === "stopping");
  const sentDuringOrAfter = answers.filter((a) => a.phase !== "before" && a.phase !== "stopping");
  const unexpected = sentDuringOrAfter.filter((a) => a.status !== 200 && a.status !== 503);
  expect(unexpected, "only 200 and 503 answers to requests sent once PostgreSQL was down").toEqual([]);
  // In flight as PostgreSQL shut down: at most the one request per path that was mid-render.
  const failedInFlight = inFlight.filter((a) => a.status !== 200 && a.status !== 503);
  expect(failedInFlight.length, "requests in flight at the shutdown that failed").toBeLessThanOrEqual(paths.length);
  for (const a of answers.filter((x) => x.status === 503)) expect(a.retryAfter, a.path).toBe("5");
  expect(server.child.exitCode).toBeNull();
  console.log(`[faults] ${answers.length} requests across the restart: ${answers.filter((a) => a.status === 503).length} answered 503 with Retry-After, the rest 200`);
});

test("an ingest running while PostgreSQL restarts waits, resumes and stores every document once", async () => {
  test.setTimeout(300_000);
  const inputs = 30;
  const dir = mkdtempSync(path.join(tmpdir(), "hypeline-restart-ingest-"));
  const texts = readFileSync("tests/fixtures/film-docs.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string);
  texts.slice(0, inputs).forEach((t, i) => writeFileSync(path.join(dir, `${String(i).padStart(3, "0")}.txt`), `${t}\n\nFiled under restart ${i}.`));
  const before = await scalar("select count(*) from documents");

  const child = spawn(process.execPath, ["--import", "tsx", "ingest/cli.ts", dir, "--title", "Restart"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const alive = () => child.exitCode === null;
  try {
    await until("3 documents stored", async () => (await scalar("select count(*) from documents")) >= before + 3, alive);
    await stopEmbeddedPostgres();
    await until("the ingest to notice and retry", () => /database connection lost/.test(output), alive);
    await ensureEmbeddedPostgres();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  expect(await exit, output).toBe(0);
  const run = Number(/Run #(\d+) succeeded/.exec(output)?.[1]);
  expect(run, output).toBeGreaterThan(0);
  expect(await scalar(`select count(*) from documents where ingest_run_id = ${run}`)).toBe(inputs);
  expect(await scalar("select count(*) from documents") - before).toBe(inputs);
  expect(await scalar(`select stored from ingest_runs where id = ${run}`)).toBe(inputs);
  expect(await scalar("select count(*) from documents d where sentence_count = 0 or sentence_count <> (select count(*) from sentences s where s.document_id = d.id)")).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

test("the server's log holds no secret: neither the admin token nor the database password", async () => {
  const post = (token: string, body: unknown) =>
    fetch(`${server.url}/api/jobs`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await post("wrong-token-0000000000000000", { target: "https://example.com/feed" })).status).toBe(401);
  expect((await post(ADMIN_TOKEN, { target: "file:///etc/passwd" })).status).toBe(400);
  expect((await post(ADMIN_TOKEN, { target: "http://127.0.0.1:81/feed.xml" })).status).toBe(202);
  const password = new URL(databaseUrl).password;
  expect(password.length).toBeGreaterThan(0);
  const log = server.output();
  // Every 503 above came from an outage the server logged, with its cause, when it began and
  // ended (lib/db/health.ts): there is something to look through.
  expect(log).toContain("[db] database unavailable (");
  expect(log).toContain("[db] database answering again");
  expect(log).not.toContain(ADMIN_TOKEN);
  expect(log).not.toContain(`:${password}@`);
  expect(log).not.toContain(databaseUrl);
});
