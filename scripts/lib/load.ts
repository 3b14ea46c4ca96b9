// A bounded load run: autocannon on 127.0.0.1 against a running dashboard, one target after the
// other (the overview, a title page, a CSV export), with the server's resident memory sampled
// throughout. Used by `npm run load` (30 s × 50 connections per target, the README's figures) and
// by the short run in tests/browser/reliability.spec.ts.
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";

export interface LoadTarget {
  name: string;
  path: string;
}

export const DEFAULT_TARGETS: LoadTarget[] = [
  { name: "overview", path: "/" },
  { name: "title page", path: "/titles/ballerina" },
  { name: "CSV export", path: "/api/export/documents?title=ballerina" },
];

export interface TargetResult {
  name: string;
  path: string;
  requests: number;
  requestsPerSecond: number;
  /** Connection errors, timeouts and non-2xx answers: all must be 0. */
  errors: number;
  timeouts: number;
  non2xx: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export interface LoadReport {
  durationSeconds: number;
  connections: number;
  targets: TargetResult[];
  /** Resident memory of the server process and its children, in MB. */
  memoryMb: { afterWarmup: number; peak: number; end: number; growth: number };
}

/** Resident set size of a process and all its descendants, from /proc (Linux). */
export function treeRssBytes(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) if (tree.has(parent) && !tree.has(child)) (tree.add(child), (grew = true));
  }
  let total = 0;
  for (const p of tree) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function hit(url: string, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration, timeout: 30 });
}

export interface LoadOptions {
  baseUrl: string;
  serverPid: number;
  durationSeconds: number;
  connections: number;
  targets?: LoadTarget[];
  /** A short pass over every target first, so JIT, caches and pools are warm before memory is measured. */
  warmupSeconds?: number;
  log?: (line: string) => void;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const log = options.log ?? (() => undefined);
  const warmup = options.warmupSeconds ?? 3;
  if (warmup > 0) for (const t of targets) await hit(options.baseUrl + t.path, Math.min(options.connections, 10), warmup);
  const afterWarmup = treeRssBytes(options.serverPid);
  let peak = afterWarmup;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(options.serverPid))), 500);
  const results: TargetResult[] = [];
  try {
    for (const t of targets) {
      log(`${t.name} (${t.path}): ${options.connections} connections for ${options.durationSeconds} s …`);
      const r = await hit(options.baseUrl + t.path, options.connections, options.durationSeconds);
      results.push({
        name: t.name,
        path: t.path,
        requests: r.requests.total,
        requestsPerSecond: Math.round(r.requests.average),
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      });
    }
  } finally {
    clearInterval(sampler);
  }
  const end = treeRssBytes(options.serverPid);
  peak = Math.max(peak, end);
  return {
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    targets: results,
    memoryMb: { afterWarmup: mb(afterWarmup), peak: mb(peak), end: mb(end), growth: mb(end - afterWarmup) },
  };
}
