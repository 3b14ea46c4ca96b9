// Every data-changing route handler, called directly with a Request: refused (401, nothing changed)
// without the admin token, with a wrong one, or with the token anywhere but a header; accepted with
// the right one. A guard at the end makes a new mutating route without a case here fail.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as postFeed } from "../../app/api/feeds/route";
import { POST as postJob } from "../../app/api/jobs/route";
import { getPool } from "../../lib/db/client";
import { stopQueue } from "../../lib/jobs/queue";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("admin_routes");

const TOKEN = "correct-horse-battery-staple-42";

interface MutatingRoute {
  file: string;
  handler: (request: Request) => Promise<Response>;
  path: string;
  body: Record<string, unknown>;
  accepted: number;
  /** What the route would have changed, to prove a refused call changed nothing. */
  changes: () => Promise<number>;
}

const count = async (sql: string) => {
  const pool = await getPool();
  const installed = await pool.query<{ t: string | null }>("select to_regclass('pgboss.job')::text as t");
  if (sql.includes("pgboss.") && !installed.rows[0].t) return 0;
  return (await pool.query<{ n: number }>(sql)).rows[0].n;
};

const ROUTES: MutatingRoute[] = [
  {
    file: "app/api/jobs/route.ts",
    handler: postJob,
    path: "/api/jobs",
    body: { target: "http://127.0.0.1:9/feed.xml", title: "Ballerina" },
    accepted: 202,
    changes: () => count("select count(*)::int as n from pgboss.job where name = 'ingest'"),
  },
  {
    file: "app/api/feeds/route.ts",
    handler: postFeed,
    path: "/api/feeds",
    body: { url: "http://127.0.0.1:9/feed.xml", title: "Ballerina", every: "6h" },
    accepted: 201,
    changes: () => count("select count(*)::int as n from feeds"),
  },
];

function request(route: MutatingRoute, headers: Record<string, string> = {}, query = ""): Request {
  return new Request(`http://127.0.0.1${route.path}${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(route.body),
  });
}

const GENERIC_401 = { error: { message: "A valid admin token is required.", code: "unauthorized", status: 401 } };

const REFUSED: [string, Record<string, string>, string][] = [
  ["no token", {}, ""],
  ["a wrong token of the same length", { authorization: `Bearer ${TOKEN.replace(/.$/, "x")}` }, ""],
  ["a wrong short token", { authorization: "Bearer x" }, ""],
  ["a wrong token in x-hypeline-admin-token", { "x-hypeline-admin-token": "not-the-token-at-all-0000" }, ""],
  ["the right token with another scheme", { authorization: `Basic ${TOKEN}` }, ""],
  ["the right token as a query parameter", {}, `?token=${TOKEN}`],
  ["the right token in a cookie", { cookie: `token=${TOKEN}; x-hypeline-admin-token=${TOKEN}` }, ""],
];

const savedToken = process.env.HYPELINE_ADMIN_TOKEN;
afterEach(() => {
  if (savedToken === undefined) delete process.env.HYPELINE_ADMIN_TOKEN;
  else process.env.HYPELINE_ADMIN_TOKEN = savedToken;
});
afterAll(() => stopQueue());

describe.each(ROUTES)("POST $path", (route) => {
  it("answers 401 saying how to enable admin actions when HYPELINE_ADMIN_TOKEN is unset", async () => {
    delete process.env.HYPELINE_ADMIN_TOKEN;
    const before = await route.changes();
    const response = await route.handler(request(route, { authorization: `Bearer ${TOKEN}` }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as typeof GENERIC_401;
    expect(body.error).toMatchObject({ code: "admin_disabled", status: 401 });
    expect(body.error.message).toMatch(/set HYPELINE_ADMIN_TOKEN/);
    expect(await route.changes()).toBe(before);
  });

  it.each(REFUSED)("answers 401 with no detail for %s", async (_case, headers, query) => {
    process.env.HYPELINE_ADMIN_TOKEN = TOKEN;
    const before = await route.changes();
    const response = await route.handler(request(route, headers, query));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual(GENERIC_401);
    expect(await route.changes()).toBe(before);
  });

  it("refuses before validating: a bad body without the token is still a bare 401", async () => {
    process.env.HYPELINE_ADMIN_TOKEN = TOKEN;
    const response = await route.handler(new Request(`http://127.0.0.1${route.path}`, { method: "POST", body: "not json" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(GENERIC_401);
  });

  it.each([
    ["Authorization: Bearer", (t: string) => ({ authorization: `Bearer ${t}` })],
    ["x-hypeline-admin-token", (t: string) => ({ "x-hypeline-admin-token": t })],
  ])("accepts the right token in %s", async (_header, headers) => {
    process.env.HYPELINE_ADMIN_TOKEN = TOKEN;
    const before = await route.changes();
    const response = await route.handler(request(route, headers(TOKEN)));
    // A second POST of the same feed updates it (200) rather than adding another.
    expect([route.accepted, 200]).toContain(response.status);
    if (route.path === "/api/jobs") expect(await route.changes()).toBe(before + 1);
    else expect(await route.changes()).toBe(1);
  });

  it("with the right token, still refuses a file: URL with a 400 that says what is expected", async () => {
    process.env.HYPELINE_ADMIN_TOKEN = TOKEN;
    const key = route.path === "/api/jobs" ? "target" : "url";
    const response = await route.handler(
      new Request(`http://127.0.0.1${route.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ ...route.body, [key]: "file:///etc/passwd" }),
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(new RegExp(`^${key}: expected an http:// or https:// address`));
  });
});

it("every route handler that changes data is covered above", () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && /export\s+(async\s+)?(function|const)\s+(POST|PUT|PATCH|DELETE)\b/.test(readFileSync(full, "utf8"))) {
        found.push(path.relative(process.cwd(), full));
      }
    }
  };
  walk(path.join(process.cwd(), "app"));
  expect(found.sort()).toEqual(ROUTES.map((r) => r.file).sort());
});
