// Nothing lost, nothing doubled: a run killed with SIGKILL half way, and a database that goes away
// mid-run (through a TCP proxy on 127.0.0.1 that the test cuts and restores, as a restart would).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../ingest/cli";
import { runIngest } from "../../ingest/run";
import { closeDb, getPool } from "../../lib/db/client";
import { lastJson, runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("kill9");

type Report = { run: number; status: string; seen: number; stored: number; duplicates: number; failed: number; errors: { item: string; error: string }[] };

/** `count` distinct documents, one .txt per document, from the original fixture and demo texts. */
function writeCorpus(count: number, variant: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hypeline-${variant}-`));
  const texts = ["tests/fixtures/film-docs.jsonl", "demo/corpus.jsonl"].flatMap((file) =>
    readFileSync(path.resolve(file), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line).text as string),
  );
  expect(texts.length).toBeGreaterThanOrEqual(count);
  texts.slice(0, count).forEach((text, i) => {
    writeFileSync(path.join(dir, `${String(i).padStart(3, "0")}.txt`), `${text}\n\nFiled under ${variant} ${i}.`);
  });
  return dir;
}

async function scalar(sql: string, params: unknown[] = []): Promise<number> {
  const pool = await getPool();
  const { rows } = await pool.query(sql, params);
  return Number(Object.values(rows[0])[0]);
}

/** Every stored document is whole: all its sentences, and its share of the daily rollup (one transaction). */
async function expectOnlyWholeDocuments() {
  expect(await scalar("select count(*) from documents d where sentence_count <> (select count(*) from sentences s where s.document_id = d.id)")).toBe(0);
  expect(await scalar("select count(*) from documents where sentence_count = 0")).toBe(0);
  // Syndicated copies (duplicate_of_id) are left out of the rollup on purpose.
  expect(await scalar("select coalesce(sum(documents), 0) from title_daily_stats")).toBe(await scalar("select count(*) from documents where published_at is not null and phase is not null and duplicate_of_id is null and language = 'en'"));
}

async function until(condition: () => Promise<boolean>, what: string, isOver: () => boolean): Promise<void> {
  for (;;) {
    if (await condition()) return;
    if (isOver()) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("kill -9 half way", () => {
  it("leaves only whole documents, and the next run stores exactly the rest", async () => {
    const inputs = 60;
    const dir = writeCorpus(inputs, "kill9");
    // Its own process group: tsx runs the CLI in a child node process, and kill -9 must reach both.
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["ingest/cli.ts", dir, "--title", "Kill Nine", "--json"], {
      env: { ...process.env, DATABASE_URL: db.url() },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let exited = false;
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exit = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => ((exited = true), resolve(signal ?? code))));

    try {
      await until(async () => (await scalar("select count(*) from documents")) >= 10, "10 documents stored by the CLI", () => exited);
    } catch (error) {
      throw new Error(`${(error as Error).message}; the CLI said: ${stderr}`);
    } finally {
      if (!exited) process.kill(-child.pid!, "SIGKILL");
    }
    expect(await exit).toBe("SIGKILL");

    const afterKill = await scalar("select count(*) from documents");
    // Killed while there was still work left, or the test proves nothing.
    expect(afterKill).toBeGreaterThanOrEqual(10);
    expect(afterKill).toBeLessThan(inputs);
    await expectOnlyWholeDocuments();

    const second = await runCommand(ingestCommand, [dir, "--title", "Kill Nine", "--json"]);
    expect(second.code).toBe(0);
    expect(lastJson<Report>(second.stdout)).toMatchObject({ seen: inputs, stored: inputs - afterKill, duplicates: afterKill, failed: 0 });
    expect(await scalar("select count(*) from documents")).toBe(inputs);
    await expectOnlyWholeDocuments();

    const third = await runCommand(ingestCommand, [dir, "--title", "Kill Nine", "--json"]);
    expect(lastJson<Report>(third.stdout)).toMatchObject({ seen: inputs, stored: 0, duplicates: inputs, failed: 0 });
    expect(await scalar("select count(*) from documents")).toBe(inputs);
  });
});

/** A TCP proxy to the test database that can drop every connection and refuse new ones, like a restarting server. */
async function startDbProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => undefined);
      s.on("close", () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
    up: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe("the database goes away mid-run", () => {
  // Watches the database directly, past the proxy the run goes through.
  let direct: Promise<pg.Client> | undefined;
  const documents = async () => {
    direct ??= (async () => {
      const client = new pg.Client({ connectionString: db.url() });
      await client.connect();
      return client;
    })();
    return Number((await (await direct).query("select count(*) from documents")).rows[0].count);
  };
  afterAll(async () => {
    await (await direct)?.end();
  });

  /** Runs an ingest through the proxy, calling `cut` once `after` documents of the run are stored. */
  async function ingestThroughProxy(dir: string, proxyUrl: string, after: number, cut: () => Promise<void>, retry: { attempts: number; baseDelayMs: number }) {
    const before = await documents();
    await closeDb();
    const directUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = proxyUrl;
    let done = false;
    try {
      const running = runIngest({ targets: [dir], title: "Outage", retry, startedBy: "test", request: "outage" }).finally(() => (done = true));
      const watch = until(async () => (await documents()) - before >= after, `${after} documents stored`, () => done).then(cut);
      const report = await running;
      await watch;
      return report;
    } finally {
      await closeDb();
      process.env.DATABASE_URL = directUrl;
    }
  }

  it("retries and resumes after a restart: every document stored once, counts true", async () => {
    const dir = writeCorpus(40, "restart");
    const proxy = await startDbProxy(new URL(db.url()));
    const notes: string[] = [];
    const report = await ingestThroughProxy(dir, proxy.url, 5, async () => {
      await proxy.down();
      await new Promise((resolve) => setTimeout(resolve, 800));
      await proxy.up();
    }, { attempts: 8, baseDelayMs: 200 }).then((r) => {
      notes.push(...r.notes.map((n) => n.note));
      return r;
    });
    expect(notes).toContainEqual(expect.stringMatching(/^database connection lost \(.+\); retrying in [\d.]+ s \(try 2 of 8\)$/));
    expect(report).toMatchObject({ status: "succeeded", seen: 40, stored: 40, failed: 0 });
    expect(await scalar("select count(*) from documents where ingest_run_id = $1", [report.run])).toBe(40);
    expect(await scalar("select stored from ingest_runs where id = $1", [report.run])).toBe(40);
    await expectOnlyWholeDocuments();
    proxy.close();
  });

  it("fails with a clear message when it does not come back, never counting what was not stored; a re-run stores the rest", async () => {
    const dir = writeCorpus(40, "gone");
    const proxy = await startDbProxy(new URL(db.url()));
    const report = await ingestThroughProxy(dir, proxy.url, 5, () => proxy.down(), { attempts: 3, baseDelayMs: 100 });
    proxy.close();
    expect(report.status).toBe("failed");
    expect(report.errors.at(-1)).toEqual({
      item: "(run)",
      error: expect.stringMatching(/^lost the database connection \(.+\) and it did not come back after 3 tries over 0\.3 s\. Check that PostgreSQL is running and DATABASE_URL points at it\. \d+ document\(s\) of this run were committed before that; run the same command again to store the rest/),
    });
    const committed = await scalar("select count(*) from documents where ingest_run_id = $1", [report.run]);
    expect(committed).toBeGreaterThanOrEqual(5);
    expect(committed).toBeLessThan(40);
    // At most one commit whose answer was lost in the cut goes uncounted; none is counted that was not made.
    expect(report.stored).toBeLessThanOrEqual(committed);
    expect(report.stored).toBeGreaterThanOrEqual(committed - 1);
    await expectOnlyWholeDocuments();

    const rerun = await runCommand(ingestCommand, [dir, "--title", "Outage", "--json"]);
    expect(lastJson<Report>(rerun.stdout)).toMatchObject({ seen: 40, stored: 40 - committed, duplicates: committed, failed: 0 });
  });
});
