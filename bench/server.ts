// The dashboard under load for the benchmark: the production build (rebuilt only when stale),
// `next start` on a free 127.0.0.1 port against the benchmark's scratch database, and autocannon
// requesting title pages for a bounded time. Only the server this module started is stopped.
import { once } from "node:events";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { buildIsStale, runNext, spawnNext } from "../scripts/lib/next";

export interface ServerFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  connections: number;
  /** One title page alone, before the load (median of 3 sequential requests). */
  singlePageMs: number;
  /** Seconds spent rebuilding the dashboard first; 0 when the build was fresh. */
  buildSeconds: number;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

async function waitUntilServing(base: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(`next start exited before serving (${gone})`);
    try {
      const response = await fetch(`${base}/`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${base} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureServer(options: {
  databaseUrl: string;
  paths: string[];
  seconds: number;
  connections: number;
  /** Serve the existing build even when it is older than the code (a working tree others build in). */
  reuseBuild: boolean;
  log: (line: string) => void;
}): Promise<ServerFigures> {
  const env = { ...process.env, DATABASE_URL: options.databaseUrl, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  let buildSeconds = 0;
  const hasBuild = existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
  if (buildIsStale() && options.reuseBuild && hasBuild) options.log("  serving the existing build, older than the code (--reuse-build)");
  else if (buildIsStale()) {
    options.log("  the production build is missing or older than the code: next build …");
    const started = performance.now();
    const code = await runNext(["build"], env);
    buildSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`next build failed (exit ${code}); fix the build, or run with --skip-server`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnNext(["start", "-H", "127.0.0.1", "-p", String(port)], env, true);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exit: string | null = null;
  child.on("exit", (code, signal) => (exit = `code ${code ?? "-"}, signal ${signal ?? "-"}`));
  try {
    await waitUntilServing(base, 90_000, () => (exit ? `${exit}: ${output.trim().slice(-500)}` : null));
    // A few pages first: they must answer 200, and the first render of a route is not load.
    const single: number[] = [];
    for (const path of options.paths.slice(0, 3)) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      single.push(performance.now() - started);
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}; the page must render before it is load-tested`);
    }
    options.log(`  autocannon: ${options.connections} connections for ${options.seconds} s on ${options.paths.length} title pages …`);
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.seconds,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length] }) }],
    });
    return {
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      seconds: options.seconds,
      connections: options.connections,
      singlePageMs: Math.round(single.sort((a, b) => a - b)[Math.floor(single.length / 2)]),
      buildSeconds,
    };
  } finally {
    if (!exit) {
      child.kill("SIGTERM");
      const stopped = await Promise.race([once(child, "exit").then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
      if (!stopped) child.kill("SIGKILL");
    }
  }
}
