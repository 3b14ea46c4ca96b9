// Hostile input end to end, against a real PostgreSQL: documents carrying markup, script payloads
// and spreadsheet formulas are stored verbatim as text and come out of every CSV export
// neutralised; server-side fetches of private addresses are refused inside an ingest; and every
// route and command answers bad values with a 4xx and a message, never a 500 or a stack trace.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[dataset]/route";
import { POST as postFeed } from "../../app/api/feeds/route";
import { POST as postJob } from "../../app/api/jobs/route";
import { ingestCommand } from "../../ingest/cli";
import { exportCommand } from "../../ingest/export-cli";
import { runIngest } from "../../ingest/run";
import { titlesCommand } from "../../ingest/titles-cli";
import { getPool } from "../../lib/db/client";
import { EXPORT_DATASETS } from "../../lib/export/datasets";
import { MAX_JSON_BODY_BYTES } from "../../lib/http";
import { stopQueue } from "../../lib/jobs/queue";
import { lastJson, runCommand } from "../helpers/cli";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("hostile_input");

const FIXTURE = path.resolve("tests/fixtures/hostile/hostile.jsonl");
const records = readFileSync(FIXTURE, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, string>);
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

let slug = "";

beforeAll(async () => {
  const { code, stdout } = await runCommand(ingestCommand, [FIXTURE, "--json"]);
  expect(code, stdout).toBe(0);
  expect(lastJson(stdout)).toMatchObject({ stored: 2, failed: 0 });
  const pool = await getPool();
  slug = (await pool.query<{ slug: string }>("select slug from titles")).rows[0].slug;
});

async function exported(dataset: string, query = ""): Promise<{ status: number; rows: string[][] }> {
  const response = await exportRoute(new Request(`http://127.0.0.1/api/export/${dataset}${query}`), { params: Promise.resolve({ dataset }) });
  const body = await response.text();
  return { status: response.status, rows: response.status === 200 ? (parse(body, { bom: true, relaxQuotes: false }) as string[][]) : [] };
}

describe("stored content is text", () => {
  it("keeps markup, payloads and formulas verbatim in the database (they are escaped where shown)", async () => {
    const pool = await getPool();
    const { rows } = await pool.query<{ headline: string; source: string; title: string; url: string }>(
      "select d.headline, s.name as source, t.name as title, d.url from documents d join sources s on s.id = d.source_id join titles t on t.id = d.title_id order by d.published_at desc",
    );
    expect(rows.map((r) => r.headline)).toEqual([records[0].headline, records[1].headline]);
    expect(rows.map((r) => r.source)).toEqual([records[0].source, records[1].source]);
    expect(rows[0].title).toBe(records[0].title);
    const { rows: sentences } = await pool.query<{ text: string }>("select text from sentences where text like '%onerror%'");
    expect(sentences.length).toBeGreaterThan(0);
  });
});

describe("CSV injection", () => {
  it.each(EXPORT_DATASETS.map((d) => [d]))("every cell of the %s export that a spreadsheet would run is neutralised; numbers stay numbers", async (dataset) => {
    for (const query of ["", `?title=${slug}`]) {
      const { status, rows } = await exported(dataset, query);
      expect(status).toBe(200);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows.slice(1)) {
        for (const cell of row) {
          // A cell may start with "-" only when it is a number; "=", "+", "@", tab and CR never.
          if (FORMULA_START.test(cell)) expect(cell, `${dataset}: ${JSON.stringify(cell)}`).toMatch(NUMBER);
        }
      }
    }
  });

  it("keeps each hostile value readable behind a leading apostrophe", async () => {
    const cells = async (dataset: string) => (await exported(dataset)).rows.flat();
    const documents = await cells("documents");
    expect(documents).toContain(`'${records[1].source}`);
    expect(documents).toContain(`'${records[1].headline}`);
    const sentences = await cells("sentences");
    for (const start of ["'=HYPERLINK(", "'@everyone", "'-1 star", "'+1 for"]) expect(sentences.some((c) => c.startsWith(start)), start).toBe(true);
    expect((await cells("claims")).some((c) => c === `'${records[1].source}` || c === `'${records[1].headline}`)).toBe(true);
  });

  it("leaves negative numbers as numbers", async () => {
    const { rows } = await exported("sentences");
    const score = rows[0].indexOf("score");
    const scores = rows.slice(1).map((r) => r[score]);
    expect(scores.some((s) => s.startsWith("-"))).toBe(true);
    for (const s of scores) expect(Number.isFinite(Number(s))).toBe(true);
  });
});

describe("server-side fetching inside an ingest", () => {
  const saved = process.env.HYPELINE_FETCH_ALLOW_HOSTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    else process.env.HYPELINE_FETCH_ALLOW_HOSTS = saved;
  });

  it("refuses loopback, link-local and private targets as one failed item each, with what to set", async () => {
    delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    const targets = ["http://127.0.0.1:81/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/admin", "http://localhost:81/"];
    const report = await runIngest({ targets, title: "Hostile Fixture", startedBy: "test", request: "ssrf" });
    expect(report).toMatchObject({ seen: 5, stored: 0, failed: 5 });
    for (const error of report.errors) expect(error.error).toMatch(/^refused to fetch from .+ \(set HYPELINE_FETCH_ALLOW_HOSTS=.+ on the server to allow it\)$/);
  });
});

describe("input limits: routes", () => {
  const TOKEN = "limits-test-token-0123456789";
  const savedToken = process.env.HYPELINE_ADMIN_TOKEN;
  beforeAll(() => void (process.env.HYPELINE_ADMIN_TOKEN = TOKEN));
  afterAll(async () => {
    if (savedToken === undefined) delete process.env.HYPELINE_ADMIN_TOKEN;
    else process.env.HYPELINE_ADMIN_TOKEN = savedToken;
    await stopQueue();
  });

  it.each([
    ["an unknown dataset", "secrets", "", /Unknown dataset "secrets"/],
    ["a date that is not a day", "documents", "?from=2025-02-30", /from: expected a date as YYYY-MM-DD/],
    ["a date before the calendar", "documents", "?from=0000-01-01", /from: expected a date/],
    ["an inverted range", "sentences", "?from=2025-06-01&to=2025-01-01", /from must not be after to/],
    ["a slug with SQL in it", "documents", "?title=x'%20or%201=1--", /title: expected a title slug/],
    ["a 10,000-character slug", "documents", `?title=${"a".repeat(10_000)}`, /title: expected a title slug/],
    ["an unknown kind", "documents", "?kind=<script>", /kind: expected kind "review" or "article"/],
    ["an unknown aspect", "aspects", "?aspect=../../etc", /aspect: expected an aspect/],
    ["a 1,000-character source", "documents", `?source=${"s".repeat(1000)}`, /source: /],
  ])("GET /api/export: %s is a 400 that names the parameter", async (_case, dataset, query, message) => {
    const response = await exportRoute(new Request(`http://127.0.0.1/api/export/${dataset}${query}`), { params: Promise.resolve({ dataset }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; status: number } };
    expect(body.error.status).toBe(400);
    expect(body.error.message).toMatch(message);
  });

  const admin = (route: string, body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(`http://127.0.0.1${route}`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
  const POSTS: [string, (r: Request) => Promise<Response>][] = [
    ["/api/jobs", postJob],
    ["/api/feeds", postFeed],
  ];

  it.each(POSTS)("POST %s: a body over the limit is a 413, however it is sent", async (route, handler) => {
    const big = JSON.stringify({ target: `https://example.com/${"a".repeat(MAX_JSON_BODY_BYTES)}` });
    for (const request of [
      admin(route, big),
      // No Content-Length: a stream that never says how long it is.
      admin(route, new Blob([big]).stream()),
      // A Content-Length that lies.
      admin(route, new Blob([big]).stream(), { "content-length": "10" }),
    ]) {
      const response = await handler(request);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than 16 KB/);
    }
  });

  it.each(POSTS)("POST %s: malformed, wrong-typed, deeply nested and oversized fields are 400s that say what is expected", async (route, handler) => {
    const key = route === "/api/jobs" ? "target" : "url";
    const cases: [BodyInit, RegExp][] = [
      ["{not json", /must be JSON/],
      ["", /must be JSON/],
      ["null", /expected object/i],
      [JSON.stringify({ [key]: 42 }), new RegExp(`${key}: `)],
      [JSON.stringify({ [key]: "javascript:alert(1)" }), /expected an http:\/\/ or https:\/\/ address/],
      [JSON.stringify({ [key]: `https://example.com/${"a".repeat(3000)}` }), /longer than 2000 characters/],
      [JSON.stringify({ [key]: "https://example.com/feed", title: "t".repeat(500) }), /title is longer than 200 characters/],
      [JSON.stringify({ [key]: "https://example.com/feed", admin: true }), /Unrecognized key/i],
      [`${"[".repeat(5000)}${"]".repeat(5000)}`, /expected object/i],
    ];
    for (const [body, message] of cases) {
      const response = await handler(admin(route, body));
      expect(response.status, String(body).slice(0, 80)).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
  });
});

describe("input limits: commands", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hypeline-limits-"));
  const huge = path.join(dir, "huge-fields.jsonl");
  writeFileSync(
    huge,
    [
      { title: "T".repeat(100_000), text: "A fine film with brutal, gorgeous action and a story that drags in the middle." },
      { title: "Hostile Fixture", source: "S".repeat(100_000), text: "A fine film with brutal, gorgeous action and a story that drags at the end." },
      { title: "Hostile Fixture", source: "Fine Outlet", text: "A fine film with brutal, gorgeous action and a story that never drags at all." },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n"),
  );

  const COMMANDS = { export: exportCommand, ingest: ingestCommand, titles: titlesCommand } as const;
  it.each([
    ["export", ["documents", "--from", "2025-13-01"], /^Error: --from: expected a date as YYYY-MM-DD/],
    ["export", ["documents", "--from", "2025-06-02", "--to", "2025-06-01"], /^Error: --from: from must not be after to/],
    ["export", ["documents", "--title", "'; drop table documents; --"], /^Error: --title: expected a title slug/],
    ["export", ["passwords"], /^Error: Unknown dataset "passwords"/],
    ["ingest", [FIXTURE, "--date", "yesterday"], /^Error: --date "yesterday": expected a date as YYYY-MM-DD/],
    ["ingest", [FIXTURE, "--kind", "<script>"], /^Error: --kind "<script>": expected "review" or "article"/],
    ["titles", ["add", "Ballerina", "--release", "2025-02-30"], /^Error: --release "2025-02-30": expected a date/],
    ["titles", ["add", "T".repeat(10_000)], /^Error: the title name is 10000 characters long; at most 200 are allowed/],
  ] as const)("npm run %s -- %j: exit 1 with one line that says what to fix", async (name, argv, message) => {
    const { code, stderr } = await runCommand(COMMANDS[name], [...argv]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("a record with a 100,000-character title or source fails alone, with a clear error", async () => {
    const { code, stdout } = await runCommand(ingestCommand, [huge, "--json"]);
    expect(code).toBe(2);
    const report = lastJson<{ stored: number; failed: number; errors: { error: string }[] }>(stdout);
    expect(report).toMatchObject({ stored: 1, failed: 2 });
    expect(report.errors.map((e) => e.error)).toEqual([
      "the title name is 100000 characters long; at most 200 are allowed (check --title or the record's \"title\" field)",
      "the source name is 100000 characters long; at most 200 are allowed (check --source or the record's \"source\" field)",
    ]);
  });
});
