// A local web server for source tests: fixture pages and feeds on 127.0.0.1 (never any other
// address), plus the ways the web goes wrong (404, redirect loops, slow and huge answers).
// Routes can be changed between requests, so a feed can grow between two polls.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const WEB_FIXTURES = path.resolve(process.cwd(), "tests/fixtures/web");

export interface StaticRoute {
  status?: number;
  /** Content-Type header; omitted when null. */
  type?: string | null;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
}
export type Route = StaticRoute | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface FixtureServer {
  base: string;
  url(pathname: string): string;
  set(pathname: string, route: Route): void;
  /** How many requests a path has had (to see what was fetched and what was not). */
  hits(pathname: string): number;
  close(): Promise<void>;
}

/** A fixture file with `{{BASE}}` replaced by the server's address (feeds link to its pages). */
export function webFixture(name: string, base: string): string {
  return readFileSync(path.join(WEB_FIXTURES, name), "utf8").replaceAll("{{BASE}}", base);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    const route = routes.get(pathname);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such fixture");
      return;
    }
    if (typeof route === "function") {
      route(req, res);
      return;
    }
    const answer = () => {
      timers.delete(timer);
      const headers: Record<string, string> = { ...route.headers };
      if (route.type !== null) headers["content-type"] = route.type ?? "text/html; charset=utf-8";
      res.writeHead(route.status ?? 200, headers).end(route.body ?? "");
    };
    const timer = setTimeout(answer, route.delayMs ?? 0);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (pathname) => `${base}${pathname}`,
    set: (pathname, route) => void routes.set(pathname, route),
    hits: (pathname) => hits.get(pathname) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
