// npm run bench [-- --docs 5000 --query-docs 100000 --json]: how fast Hypeline is on this machine.
//   ingest    5,000 generated documents end to end (read, clean, analyse, store) into PostgreSQL,
//             next to the raw analysis ceiling (the same documents through the analysis pool alone)
//   queries   p50/p95 of the title page's data and of the overview at 100,000 documents (~3 M
//             sentences, bulk-loaded), reading the rollups and indexes the migrations create
//   export    rows/s and peak memory of a ~1 M-row sentences CSV, in a process of its own
//   server    requests/s and p99 of title pages under autocannon (10 connections, 10 s)
// Every figure is printed with the load average around it: the machine is shared, so figures
// measured while others build are pessimistic. Scratch databases only; all dropped at the end.
// `--generate N` only writes a corpus. See bench/README.md.
import { createReadStream } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { defineCommand } from "citty";
import pg from "pg";
import { z } from "zod";
import type { AnalyzeInput, AnalyzedDocument } from "../lib/analysis/analyze";
import { analyzeDocument } from "../lib/analysis/analyze";
import { closeDb, getPool } from "../lib/db/client";
import { type ScratchDatabase, createScratchDatabase } from "../lib/db/scratch";
import { hypelineHome } from "../lib/env";
import { storeDocument } from "../lib/store/storeDocument";
import { listTitles, saveTitle } from "../lib/store/titles";
import { AnalysisPool, allCoreThreads, closeAnalysisPool, getAnalysisPool } from "../ingest/analysisPool";
import { CliError, isMain, runCli } from "../ingest/cli-kit";
import { runIngest } from "../ingest/run";
import { bulkLoad } from "./bulkLoad";
import type { ExportProbeResult } from "./exportProbe";
import { type BenchRecord, corpusTitles, writeCorpus } from "./generate";
import { type QueryFigures, explainQueries, measureQueries } from "./queries";
import { type ServerFigures, measureServer } from "./server";

const SCRATCH = "hypeline_bench";
const count = z.coerce.number({ error: "expected a whole number, e.g. 5000" }).int("expected a whole number, e.g. 5000").min(1, "must be at least 1").max(10_000_000, "at most 10,000,000");

const argsSchema = z.object({
  generate: count.optional(),
  docs: count.default(5000),
  queryDocs: count.default(100_000),
  exportRows: count.default(1_000_000),
  seed: z.coerce.number().int().default(20260101),
  serverSeconds: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(100).default(10),
  skipServer: z.boolean().default(false),
  reuseBuild: z.boolean().default(false),
  plans: z.string().optional(),
  json: z.boolean().default(false),
});
type BenchArgs = z.infer<typeof argsSchema>;

/** Load average (1 min) before and after a phase: how much of the 2 cores others were using. */
interface Load {
  before: number;
  after: number;
}

const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

async function phase<T>(name: string, log: (line: string) => void, work: () => Promise<T>): Promise<T & { load: Load; seconds: number }> {
  const before = load1();
  log(`▸ ${name} (load average ${before}) …`);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = load1();
  log(`  done in ${seconds.toFixed(1)} s (load average ${after})`);
  return { ...result, load: { before, after }, seconds };
}

function corpusFile(docs: number, seed: number): string {
  return path.join(hypelineHome(), "bench", `corpus-${docs}-${seed}.jsonl`);
}

async function* readCorpus(file: string): AsyncGenerator<BenchRecord> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as BenchRecord;
}

/** What runIngest hands the analysis for a JSONL record (ingest/run.ts, ingest/sources/files.ts). */
function analyzeInput(record: BenchRecord, releases: Map<string, string>): AnalyzeInput {
  return { rawText: record.text, headline: record.headline, metadataDate: record.date ?? null, url: record.url, kind: record.kind, releaseDate: releases.get(record.title) ?? null };
}

/** Points the app's shared connection at `db` (a fresh pool on next use). */
async function useDatabase(db: ScratchDatabase): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = db.url;
}

async function registerTitles(docs: number, seed: number): Promise<Map<string, string>> {
  const titles = corpusTitles(docs, seed);
  for (const t of titles) await saveTitle({ name: t.name, releaseDate: t.release, aliases: t.aliases });
  return new Map(titles.map((t) => [t.name, t.release]));
}

const perSecond = (n: number, seconds: number) => Math.round((n / seconds) * 10) / 10;
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

/**
 * CPU seconds used so far by the PostgreSQL backends serving `database` (Linux /proc; 0 where it
 * cannot be read, e.g. a server on another machine). With this process's own CPU it gives the
 * CPU cost of a document, which unlike documents/s does not depend on what else the machine runs.
 */
async function postgresCpuSeconds(database: string): Promise<number> {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const pids = await readdir("/proc").catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.startsWith("postgres: ") || !cmdline.includes(` ${database} `)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return total;
}

// --- Phases ------------------------------------------------------------------------------------

/** End to end through runIngest, the way `npm run ingest -- corpus.jsonl` runs. */
async function ingestPhase(file: string, args: BenchArgs, log: (line: string) => void) {
  const db = await createScratchDatabase(SCRATCH);
  try {
    await useDatabase(db);
    await registerTitles(args.docs, args.seed);
    // Threads start and load their models before the clock starts, for both this and the ceiling.
    await getAnalysisPool().ready();
    const dbName = new URL(db.url).pathname.slice(1);
    const cpu = process.cpuUsage();
    const pgBefore = await postgresCpuSeconds(dbName);
    const started = performance.now();
    const report = await runIngest({ targets: [file], startedBy: "bench", request: "npm run bench" });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const pgCpu = (await postgresCpuSeconds(dbName)) - pgBefore;
    if (report.failed) log(`  ${report.failed} item(s) failed, e.g. ${report.errors.slice(0, 3).map((e) => `${e.item}: ${e.error}`).join(" | ")}`);
    const pool = await getPool();
    const { rows } = await pool.query<{ sentences: number; documents: number; rolled: number; dated: number }>(
      `select (select count(*) from sentences)::int as sentences, (select count(*) from documents)::int as documents,
              (select coalesce(sum(documents), 0) from title_daily_stats)::int as rolled,
              (select count(*) from documents where published_at is not null and phase is not null and duplicate_of_id is null and language = 'en')::int as dated`,
    );
    const { sentences, documents, rolled, dated } = rows[0];
    if (rolled !== dated) log(`  WARNING: title_daily_stats counts ${rolled} documents, the documents table ${dated}`);
    return {
      documents,
      sentences,
      failed: report.failed,
      docsPerSecond: perSecond(report.seen, seconds),
      sentencesPerSecond: perSecond(sentences, seconds),
      coresUsed: Math.round((cpuSeconds(used) / seconds) * 100) / 100,
      cpuMsPerDocument: Math.round((cpuSeconds(used) * 1000 * 10) / report.seen) / 10,
      postgresCpuMsPerDocument: Math.round((pgCpu * 1000 * 10) / report.seen) / 10,
      rollupConsistent: rolled === dated,
    };
  } finally {
    await closeDb();
    await db.drop();
  }
}

/**
 * The ceiling: the same documents through the analysis alone on every core (one thread per core,
 * where ingest keeps one core for the store), plus one thread for comparison.
 */
async function analysisPhase(file: string, args: BenchArgs, keep: number) {
  const releases = new Map(corpusTitles(args.docs, args.seed).map((t) => [t.name, t.release]));
  const pool = new AnalysisPool({ threads: allCoreThreads() });
  try {
    return await measureAnalysis(pool, file, args, keep, releases);
  } finally {
    await pool.close();
  }
}

async function measureAnalysis(pool: AnalysisPool, file: string, args: BenchArgs, keep: number, releases: Map<string, string>) {
  await pool.ready();
  const kept: AnalyzedDocument[] = [];
  let documents = 0;
  let sentences = 0;
  let failed = 0;
  const elu = pool.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for await (const outcome of pool.analyzeInOrder(readCorpus(file), (r) => analyzeInput(r, releases))) {
    documents++;
    if (!outcome.ok) {
      failed++;
      continue;
    }
    sentences += outcome.doc.sentences.length;
    if (kept.length < keep) kept.push(outcome.doc);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // Share of the run each thread spent analysing (event-loop utilisation: busy time / elapsed).
  const utilization = pool.eventLoopUtilization().map((now, i) => {
    const then = elu[i];
    if (!then) return null;
    const active = now.active - then.active;
    return Math.round((active / (active + now.idle - then.idle)) * 100) / 100;
  });

  // The same analysis on the main thread alone, on a sample: what the pool adds.
  const sample: AnalyzeInput[] = [];
  for await (const r of readCorpus(file)) {
    sample.push(analyzeInput(r, releases));
    if (sample.length >= Math.min(300, args.docs)) break;
  }
  analyzeDocument(sample[0]);
  const mainCpu = process.cpuUsage();
  const mainStarted = performance.now();
  for (const input of sample) {
    try {
      analyzeDocument(input);
    } catch {
      // Counted by the pool run above.
    }
  }
  const mainSeconds = (performance.now() - mainStarted) / 1000;
  const mainUsed = process.cpuUsage(mainCpu);
  const docsPerSecond = perSecond(documents, seconds);
  const mainDocsPerSecond = perSecond(sample.length, mainSeconds);
  return {
    documents,
    failed,
    threads: pool.threads,
    docsPerSecond,
    sentencesPerSecond: perSecond(sentences, seconds),
    coresUsed: Math.round((cpuSeconds(used) / seconds) * 100) / 100,
    cpuMsPerDocument: Math.round((cpuSeconds(used) * 1000 * 10) / documents) / 10,
    mainThreadCpuMsPerDocument: Math.round((cpuSeconds(mainUsed) * 1000 * 10) / sample.length) / 10,
    threadUtilization: utilization,
    mainThreadDocsPerSecond: mainDocsPerSecond,
    speedup: Math.round((docsPerSecond / mainDocsPerSecond) * 100) / 100,
    kept,
  };
}

/** storeDocument alone, one document per transaction on one connection, as runIngest stores. */
async function storePhase(docs: AnalyzedDocument[], args: BenchArgs) {
  const db = await createScratchDatabase(SCRATCH);
  try {
    await useDatabase(db);
    await registerTitles(args.docs, args.seed);
    const [title] = await listTitles();
    const started = performance.now();
    for (const doc of docs) await storeDocument(doc, { titleId: title.id, sourceId: null, ingestRunId: null, url: null });
    const seconds = (performance.now() - started) / 1000;
    return { documents: docs.length, docsPerSecond: perSecond(docs.length, seconds), msPerDocument: Math.round((seconds * 1000 * 100) / docs.length) / 100 };
  } finally {
    await closeDb();
    await db.drop();
  }
}

function runExportProbe(url: string, to: string | null): Promise<ExportProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "exportProbe.ts"), "sentences", ...(to ? ["--to", to] : [])], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as ExportProbeResult);
      else reject(new Error(`the export probe exited with code ${code}: ${out.trim().slice(-300)}`));
    });
  });
}

/** The last publication day such that the sentences published up to it are about `rows`. */
async function exportCutoff(client: pg.Client, rows: number): Promise<{ to: string | null; expected: number }> {
  const { rows: days } = await client.query<{ day: string; upto: string }>(
    `select to_char(published_at, 'YYYY-MM-DD') as day, sum(sum(sentence_count)) over (order by published_at) as upto
       from documents where published_at is not null group by published_at order by published_at`,
  );
  const hit = days.find((d) => Number(d.upto) >= rows);
  if (!hit) {
    const { rows: all } = await client.query<{ n: number }>("select count(*)::int as n from sentences");
    return { to: null, expected: all[0].n };
  }
  const { rows: n } = await client.query<{ n: number }>("select count(*)::int as n from sentences where published_at <= $1::date", [hit.day]);
  return { to: hit.day, expected: n[0].n };
}

// --- The command ---------------------------------------------------------------------------------

export const benchCommand = defineCommand({
  meta: { name: "bench", description: "Measure ingest throughput, dashboard query latency, CSV export and the server on this machine" },
  args: {
    generate: { type: "string", description: "Only write a corpus of N documents (JSONL) and exit" },
    docs: { type: "string", description: "Documents to ingest (default 5000)" },
    "query-docs": { type: "string", description: "Documents bulk-loaded for the query figures (default 100000)" },
    "export-rows": { type: "string", description: "Sentence rows to export (default 1000000, or all there are)" },
    seed: { type: "string", description: "Corpus seed (default 20260101)" },
    "server-seconds": { type: "string", description: "Seconds of load on the server (default 10)" },
    connections: { type: "string", description: "Concurrent connections of the load generator (default 10)" },
    "skip-server": { type: "boolean", description: "Do not build or start the dashboard" },
    "reuse-build": { type: "boolean", description: "Serve the existing build even if the code is newer (no next build)" },
    plans: { type: "string", description: "Write EXPLAIN ANALYZE of the dashboard queries to this Markdown file" },
    json: { type: "boolean", description: "Print one JSON object with every figure as the last line" },
  },
  async run({ args: raw }) {
    const parsed = argsSchema.safeParse({
      generate: raw.generate,
      docs: raw.docs,
      queryDocs: raw["query-docs"],
      exportRows: raw["export-rows"],
      seed: raw.seed,
      serverSeconds: raw["server-seconds"],
      connections: raw.connections,
      skipServer: raw["skip-server"],
      reuseBuild: raw["reuse-build"],
      plans: raw.plans,
      json: raw.json,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError("EARG", `--${String(issue?.path[0] ?? "argument").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message}`);
    }
    const args = parsed.data;
    const log = (line: string) => console.log(line);

    if (args.generate) {
      const file = corpusFile(args.generate, args.seed);
      const written = await writeCorpus(file, args.generate, args.seed);
      log(`Wrote ${written.documents} documents (${written.words.toLocaleString("en")} words, ${(written.bytes / 1e6).toFixed(1)} MB) to ${file}`);
      return;
    }

    const started = performance.now();
    const figures: Record<string, unknown> = {
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? "?", cores: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      docs: args.docs,
      query_docs: args.queryDocs,
    };
    const file = corpusFile(args.docs, args.seed);
    if (!existsSync(file)) {
      log(`Generating ${args.docs} documents (seed ${args.seed}) …`);
      await writeCorpus(file, args.docs, args.seed);
    }
    let scratch: ScratchDatabase | undefined;
    try {
      // 1. Ingest end to end, then the analysis ceiling on the same documents (the ceiling runs
      //    second, with warmer threads: if anything, that flatters the ceiling, not the ratio).
      const ingest = await phase(`ingest ${args.docs} documents end to end`, log, () => ingestPhase(file, args, log));
      const analysis = await phase(`analysis ceiling on the same ${args.docs} documents`, log, () => analysisPhase(file, args, 500));
      const store = await phase(`storeDocument alone on ${analysis.kept.length} analysed documents`, log, () => storePhase(analysis.kept, args));
      analysis.kept.length = 0;
      Object.assign(figures, {
        ingest_docs_per_s: ingest.docsPerSecond,
        ingest_sentences_per_s: ingest.sentencesPerSecond,
        ingest_cores_used: ingest.coresUsed,
        ingest_cpu_ms_per_doc: ingest.cpuMsPerDocument,
        ingest_postgres_cpu_ms_per_doc: ingest.postgresCpuMsPerDocument,
        ingest_failed: ingest.failed,
        ingest_load: ingest.load,
        analysis_docs_per_s: analysis.docsPerSecond,
        analysis_sentences_per_s: analysis.sentencesPerSecond,
        analysis_threads: analysis.threads,
        ingest_analysis_threads: getAnalysisPool().threads,
        analysis_cores_used: analysis.coresUsed,
        analysis_cpu_ms_per_doc: analysis.cpuMsPerDocument,
        analysis_main_thread_cpu_ms_per_doc: analysis.mainThreadCpuMsPerDocument,
        analysis_thread_utilization: analysis.threadUtilization,
        analysis_main_thread_docs_per_s: analysis.mainThreadDocsPerSecond,
        analysis_pool_speedup: analysis.speedup,
        analysis_load: analysis.load,
        ingest_ratio: Math.round((ingest.docsPerSecond / analysis.docsPerSecond) * 100) / 100,
        // Where the cores, not other processes, are the limit, throughput goes as 1 / CPU per document.
        ingest_ratio_cpu:
          Math.round((analysis.cpuMsPerDocument / (ingest.cpuMsPerDocument + ingest.postgresCpuMsPerDocument)) * 100) / 100,
        store_docs_per_s: store.docsPerSecond,
        store_ms_per_doc: store.msPerDocument,
        store_load: store.load,
      });
      log(
        `  ingest ${ingest.docsPerSecond} docs/s (${ingest.sentencesPerSecond} sentences/s, ${getAnalysisPool().threads} analysis thread(s) + the store, ${ingest.coresUsed} cores) · ceiling ${analysis.docsPerSecond} docs/s on ${analysis.threads} threads ` +
          `(${analysis.coresUsed} cores, ${analysis.speedup}× one thread) · ratio ${figures.ingest_ratio} · store alone ${store.docsPerSecond} docs/s`,
      );
      log(
        `  CPU per document: analysis ${analysis.cpuMsPerDocument} ms on the threads (${analysis.mainThreadCpuMsPerDocument} ms on the main thread alone) · ` +
          `ingest ${ingest.cpuMsPerDocument} ms in this process + ${ingest.postgresCpuMsPerDocument} ms in PostgreSQL · ratio by CPU ${figures.ingest_ratio_cpu}`,
      );

      // 2. Queries at scale.
      scratch = await createScratchDatabase(SCRATCH);
      const db = scratch;
      await useDatabase(db);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const loaded = await phase(`bulk-load ${args.queryDocs.toLocaleString("en")} documents`, log, async () => {
          const result = await bulkLoad(client, args.queryDocs, args.seed, log);
          await client.query("vacuum analyze");
          return result;
        });
        figures.query_sentences = loaded.sentences;
        figures.bulk_load_seconds = Math.round(loaded.seconds);
        const titles = await listTitles();
        const rounds = Math.max(1, Math.ceil(120 / titles.length));
        const measure = (label: string) => phase(`dashboard queries, ${label}`, log, () => measureQueries(titles, rounds, 40));
        const biggest = titles.find((t) => t.id === 1) ?? titles[0];
        const plans: string[] = [];
        if (args.plans) plans.push(await explainQueries(biggest, `"${biggest.name}", the biggest title`));
        const asIs: QueryFigures & { load: Load } = await measure("every title in turn");
        report(log, asIs);
        Object.assign(figures, {
          title_p50_ms: asIs.title.p50,
          title_p95_ms: asIs.title.p95,
          overview_p50_ms: asIs.overview.p50,
          overview_p95_ms: asIs.overview.p95,
          query_p95_ms: Object.fromEntries(Object.entries(asIs.perQuery).map(([k, v]) => [k, v.p95])),
          query_load: asIs.load,
        });
        if (args.plans) {
          await writeFile(args.plans, `# Query plans at ${args.queryDocs.toLocaleString("en")} documents (${new Date().toISOString().slice(0, 10)})\n\n${plans.join("\n")}`);
          log(`  query plans written to ${args.plans}`);
        }

        // 3. Export.
        const cutoff = await exportCutoff(client, args.exportRows);
        const exported = await phase(`sentences CSV export (${cutoff.expected.toLocaleString("en")} rows)`, log, async () => {
          const small = await exportCutoff(client, Math.round(args.exportRows / 10));
          const smallRun = await runExportProbe(db.url, small.to);
          const full = await runExportProbe(db.url, cutoff.to);
          return { small: smallRun, full };
        });
        if (exported.full.rows !== cutoff.expected) log(`  WARNING: the CSV has ${exported.full.rows} data rows, the query ${cutoff.expected}`);
        Object.assign(figures, {
          export_rows: exported.full.rows,
          export_rows_per_s: Math.round(exported.full.rows / (exported.full.ms / 1000)),
          export_mb_per_s: Math.round((exported.full.bytes / 1e6 / (exported.full.ms / 1000)) * 10) / 10,
          export_peak_mb: Math.round(exported.full.peakRssMb),
          export_peak_heap_mb: Math.round(exported.full.peakHeapMb),
          export_baseline_mb: Math.round(exported.full.baselineRssMb),
          export_small_rows: exported.small.rows,
          export_small_peak_mb: Math.round(exported.small.peakRssMb),
          export_load: exported.load,
        });
        log(`  ${figures.export_rows_per_s} rows/s (${figures.export_mb_per_s} MB/s), peak RSS ${figures.export_peak_mb} MB (${figures.export_baseline_mb} MB before the first row; ${figures.export_small_peak_mb} MB for ${exported.small.rows.toLocaleString("en")} rows)`);

        // 4. Server.
        if (args.skipServer) log("▸ server: skipped (--skip-server)");
        else {
          try {
            const server: ServerFigures & { load: Load } = await phase("dashboard under load", log, () =>
              measureServer({ databaseUrl: db.url, paths: titles.map((t) => `/titles/${t.slug}`), seconds: args.serverSeconds, connections: args.connections, reuseBuild: args.reuseBuild, log }),
            );
            Object.assign(figures, {
              server_single_page_ms: server.singlePageMs,
              server_rps: Math.round(server.requestsPerSecond * 10) / 10,
              // No completed request (all timed out) has no latency: null, never 0.
              server_p50_ms: server.requests ? server.p50Ms : null,
              server_p99_ms: server.requests ? server.p99Ms : null,
              server_requests: server.requests,
              server_non2xx: server.non2xx,
              server_errors: server.errors + server.timeouts,
              server_build_seconds: Math.round(server.buildSeconds),
              server_load: server.load,
            });
            log(`  one page alone ${server.singlePageMs} ms · under load ${figures.server_rps} requests/s, p50 ${server.p50Ms} ms, p99 ${server.p99Ms} ms, ${server.non2xx} non-2xx, ${server.errors + server.timeouts} errors`);
          } catch (error) {
            figures.server_error = (error as Error).message;
            log(`  server figures unavailable: ${(error as Error).message}`);
          }
        }
      } finally {
        await client.end();
      }
    } finally {
      await closeAnalysisPool();
      await closeDb();
      await scratch?.drop().catch(() => undefined);
    }
    figures.total_seconds = Math.round((performance.now() - started) / 1000);
    printSummary(log, figures);
    if (args.json) console.log(JSON.stringify(figures));
  },
});

function report(log: (line: string) => void, q: QueryFigures): void {
  log(`  title page data p50 ${q.title.p50} ms, p95 ${q.title.p95} ms (n=${q.title.n}) · overview p50 ${q.overview.p50} ms, p95 ${q.overview.p95} ms (n=${q.overview.n})`);
  log(`  each query, p95: ${Object.entries(q.perQuery).map(([k, v]) => `${k} ${v.p95} ms`).join(" · ")}`);
}

function printSummary(log: (line: string) => void, f: Record<string, unknown>): void {
  const loadOf = (key: string) => {
    const l = f[key] as Load | undefined;
    return l ? `load ${l.before}→${l.after}` : "";
  };
  const rows: [string, string, string][] = [
    ["ingest", `${f.ingest_docs_per_s} docs/s, ${f.ingest_sentences_per_s} sentences/s`, loadOf("ingest_load")],
    ["analysis ceiling", `${f.analysis_docs_per_s} docs/s on ${f.analysis_threads} threads (${f.analysis_cores_used} cores busy)`, loadOf("analysis_load")],
    ["ingest / ceiling", `${f.ingest_ratio} (by CPU per document: ${f.ingest_ratio_cpu})`, ""],
    ["title page data p95", `${f.title_p95_ms} ms`, loadOf("query_load")],
    ["overview p95", `${f.overview_p95_ms} ms`, loadOf("query_load")],
    ["export", `${f.export_rows_per_s} rows/s, peak ${f.export_peak_mb} MB (${f.export_rows} rows)`, loadOf("export_load")],
    ["server", f.server_rps !== undefined ? `${f.server_rps} req/s, p99 ${f.server_p99_ms} ms` : String(f.server_error ?? "skipped"), loadOf("server_load")],
  ];
  log("");
  log(`Hypeline benchmark, ${String(f.date).slice(0, 10)}, ${(f.machine as { cores: number }).cores} cores, ${f.total_seconds} s in all`);
  for (const [name, value, load] of rows) log(`  ${name.padEnd(22)} ${value.padEnd(64)} ${load}`);
}

if (isMain(import.meta.url)) await runCli(benchCommand);
