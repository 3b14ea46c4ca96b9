// Stored content is never code, in a real browser. Documents whose title, headline, source, URL
// and text carry script tags, event-handler attributes, javascript: links and SVG/iframe payloads
// (tests/fixtures/hostile/hostile.jsonl) are ingested into the server's database by the real
// command; then every page that shows them is opened, charts hovered for their tooltips, and:
// no payload ran (no dialog, no window.__pwned), no payload became an element or attribute, the
// Content-Security-Policy blocked nothing (had a payload been injected it would have), and the
// payloads show as the literal text they are.
// Needs DATABASE_URL of the server under test (npm run test:browser sets it).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";

const FIXTURE = "tests/fixtures/hostile/hostile.jsonl";
const records = readFileSync(FIXTURE, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, string>);
const PAYLOAD = "window.__pwned=1";

// Elements and attributes a payload would have created had it been parsed as HTML.
const INJECTED = ['img[src="x"]', "[onerror]", "[onload]", "[onmouseover]", "[ontoggle]", "svg script", "iframe[srcdoc]", 'a[href^="javascript:" i]', "details[open][ontoggle]"].join(", ");

interface Target {
  slug: string;
  documents: number[];
  run: number;
}
let target: Target;

test.beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database of the server under test: the hostile documents are ingested into it.");
  const child = spawn(process.execPath, ["--import", "tsx", "ingest/cli.ts", FIXTURE, "--json"], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code, output).toBe(0);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; id: number; run: number }>(
      "select t.slug, d.id, d.ingest_run_id as run from documents d join titles t on t.id = d.title_id where t.name = $1 order by d.published_at",
      [records[0].title],
    );
    expect(rows).toHaveLength(2);
    target = { slug: rows[0].slug, documents: rows.map((r) => r.id), run: rows[0].run };
  } finally {
    await client.end();
  }
});

/** Opens a page, watching for anything that ran or was blocked, and checks nothing was injected. */
async function openSafely(page: Page, path: string, interact?: (page: Page) => Promise<void>): Promise<void> {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState("networkidle");
  if (interact) await interact(page);
  expect(dialogs, `dialogs on ${path}`).toEqual([]);
  expect(violations, `CSP violations or errors on ${path}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `payload ran on ${path}`).toBeUndefined();
  expect(await page.locator(INJECTED).count(), `injected elements on ${path}`).toBe(0);
  expect(await page.evaluate((p) => [...document.scripts].some((s) => s.textContent?.includes(p) && !s.textContent.includes("self.__next_f")), PAYLOAD)).toBe(false);
}

test("the overview shows a hostile title name as text", async ({ page }) => {
  await openSafely(page, "/");
  await expect(page.getByText(records[0].title, { exact: false }).first()).toBeVisible();
});

test("the title page shows hostile headlines, sources and phrases as text, in tables, panels and chart tooltips", async ({ page }) => {
  await openSafely(page, `/titles/${target.slug}`, async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toContainText("Hostile Fixture <img src=x onerror=");
    // Hover across every chart so their tooltips render whatever they show.
    for (const chart of await p.locator(".recharts-wrapper").all()) {
      const box = await chart.boundingBox();
      if (!box) continue;
      await chart.scrollIntoViewIfNeeded();
      for (const x of [0.2, 0.4, 0.6, 0.8]) await p.mouse.move(box.x + box.width * x, box.y + box.height / 2);
    }
  });
  await expect(page.getByText(records[0].headline).first()).toBeAttached();
});

test("the document page shows the hostile headline, source, URL and text as text, and never links javascript:", async ({ page }) => {
  await openSafely(page, `/documents/${target.documents[1]}`, async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(records[0].headline);
    await expect(p.getByText(records[0].url, { exact: true })).toBeVisible();
    await expect(p.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).first()).toBeVisible();
    await expect(p.getByText("<svg><script>window.__pwned=1</script></svg>", { exact: false }).first()).toBeVisible();
    // Hover every sentence (a payload in an attribute would fire on mouseover).
    for (const sentence of (await p.locator("[id^='s-']").all()).slice(0, 20)) await sentence.hover();
  });
  await openSafely(page, `/documents/${target.documents[0]}`, async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(records[1].headline);
    await expect(p.getByText('<details open ontoggle="window.__pwned=1">', { exact: false }).first()).toBeVisible();
  });
});

test("the compare page and the jobs pages show them as text too", async ({ page }) => {
  await openSafely(page, `/compare?titles=${target.slug}`);
  await openSafely(page, "/jobs");
  await openSafely(page, `/jobs/${target.run}`, async (p) => {
    await expect(p.getByText(records[0].headline).first()).toBeVisible();
  });
});
