// /jobs in a real browser: the runs table, a run's items linking to their documents, and the
// queue form. What the form can do depends on the server: without HYPELINE_ADMIN_TOKEN it must say
// how to enable admin actions and the API must refuse; with it (set the same token for this
// process and DATABASE_URL to the server's database), a URL served on 127.0.0.1 is queued from the
// page, run by a real worker process, and its run and document show up.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";

const SCREENSHOTS = "tests/browser/screenshots";
const TOKEN = process.env.HYPELINE_ADMIN_TOKEN;

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test("the jobs page lists runs with their counts, and a run lists its items with links to documents", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveAttribute("aria-current", "page");

  const runs = page.getByTestId("runs-table");
  for (const column of ["Status", "Started by", "Started", "Duration", "Seen", "Stored", "Duplicates", "Failed", "Request"]) {
    await expect(runs.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  // The demo corpus was loaded by a run: succeeded, with documents stored.
  const demo = runs.getByRole("row").filter({ hasText: "demo corpus" }).first();
  await expect(demo.getByText("succeeded")).toBeVisible();
  const stored = Number(await demo.locator("td").nth(6).innerText());
  expect(stored).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}/jobs-1280.png`, fullPage: true });

  await demo.getByRole("link", { name: /^Run \d+$/ }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Run #\d+/ })).toBeVisible();
  await expect(page.getByText("demo corpus", { exact: false }).first()).toBeVisible();
  const items = page.getByTestId("items-table").getByRole("row");
  expect(await items.count()).toBeGreaterThan(stored);
  await page.screenshot({ path: `${SCREENSHOTS}/run-1280.png`, fullPage: true });

  // Filtering by status keeps only those items.
  await page.getByRole("link", { name: /^Stored \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/status=stored$/);
  const storedRows = page.getByTestId("items-table").locator("tbody tr");
  await expect(storedRows.first()).toBeVisible();
  expect(await storedRows.filter({ hasNotText: "stored" }).count()).toBe(0);

  const documentLink = storedRows.first().getByRole("link");
  const headline = (await documentLink.innerText()).trim();
  await documentLink.click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
});

test("an unknown run is a 404 page", async ({ page }) => {
  const response = await page.goto("/jobs/999999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Run not found" })).toBeVisible();
});

test("at 375 px wide the jobs pages do not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENSHOTS}/jobs-375.png`, fullPage: true });
  await page.getByTestId("runs-table").getByRole("link", { name: /^Run \d+$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Run #\d+/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test.describe("without HYPELINE_ADMIN_TOKEN", () => {
  test.skip(Boolean(TOKEN), "the server under test has an admin token");

  test("the page says how to enable admin actions, and the API refuses with 401", async ({ page, request }) => {
    await page.goto("/jobs");
    await expect(page.getByTestId("admin-disabled")).toContainText("Admin actions are disabled: set HYPELINE_ADMIN_TOKEN");
    await expect(page.getByRole("button", { name: "Queue ingest" })).toBeDisabled();
    await expect(page.getByLabel("Page or feed address")).toBeDisabled();

    for (const [path, data] of [
      ["/api/jobs", { target: "http://127.0.0.1:9/feed.xml" }],
      ["/api/feeds", { url: "http://127.0.0.1:9/feed.xml", every: "6h" }],
    ] as const) {
      const response = await request.post(path, { data, headers: { authorization: "Bearer some-token-that-is-long-enough" } });
      expect(response.status()).toBe(401);
      const body = await response.json();
      expect(body.error.code).toBe("admin_disabled");
      expect(body.error.message).toContain("set HYPELINE_ADMIN_TOKEN");
    }
    await page.screenshot({ path: `${SCREENSHOTS}/jobs-admin-disabled.png`, fullPage: false });
  });
});

test.describe("with HYPELINE_ADMIN_TOKEN", () => {
  test.skip(!TOKEN, "set HYPELINE_ADMIN_TOKEN (the server's) and DATABASE_URL to run the queue form end to end");

  let site: http.Server;
  let base = "";
  let worker: ChildProcess | undefined;
  const workerLog: string[] = [];
  const record = JSON.parse(readFileSync("demo/corpus.jsonl", "utf8").split("\n")[10]) as { headline: string; text: string; date: string };
  // A new sentence makes the text new, so the ingest stores a document instead of finding a duplicate.
  const marker = `Seen at preview screening ${Date.now()}.`;
  const headline = `${record.headline} (screening ${Date.now() % 100000})`;

  test.beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database of the server under test: a worker is started against it.");
    site = http.createServer((req, res) => {
      const paragraphs = [...record.text.split(/\n+/), marker].map((p) => `<p>${p.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"))}</p>`).join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html><head><title>${headline}</title><meta property="article:published_time" content="${record.date}"></head><body><article><h1>${headline}</h1>${paragraphs}</article></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The worker refuses loopback targets unless allowed (lib/net/safeFetch.ts): allow this site only.
    const env = { ...process.env, HYPELINE_FETCH_ALLOW_HOSTS: new URL(base).host };
    worker = spawn(process.execPath, ["--import", "tsx", "ingest/worker.ts", "--name", "browser-test"], { env, stdio: ["ignore", "pipe", "pipe"] });
    worker.stdout!.on("data", (d: Buffer) => workerLog.push(d.toString()));
    worker.stderr!.on("data", (d: Buffer) => workerLog.push(d.toString()));
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("worker log", { body: workerLog.join("") });
  });

  test.afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await new Promise((resolve) => site?.close(resolve));
  });

  test("a wrong token is refused on the page", async ({ page }) => {
    await page.goto("/jobs");
    await expect(page.getByTestId("admin-disabled")).toHaveCount(0);
    await page.getByLabel("Page or feed address").fill(`${base}/wrong-token`);
    await page.getByLabel("Admin token").fill("not-the-admin-token-0000");
    await page.getByRole("button", { name: "Queue ingest" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The admin token was refused" })).toBeVisible();
  });

  test("a URL queued from the page is ingested by a worker; its run and document show up", async ({ page }) => {
    const url = `${base}/reviews/ballerina`;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/jobs");
    await page.getByLabel("Page or feed address").fill(url);
    await page.getByLabel(/^Title/).fill("Ballerina");
    await page.getByLabel("Kind").selectOption("review");
    await page.getByLabel("Admin token").fill(TOKEN!);
    await page.getByRole("button", { name: "Queue ingest" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Queued: ${url}` })).toBeVisible();
    // Kept for this tab only, and never put in the address.
    expect(await page.evaluate(() => sessionStorage.getItem("hypeline.adminToken"))).toBe(TOKEN);
    expect(page.url()).not.toContain(TOKEN!);

    // The page refreshes itself while something is queued or running.
    const row = page.getByTestId("runs-table").getByRole("row").filter({ hasText: url });
    await expect(row.getByText("succeeded")).toBeVisible({ timeout: 45_000 });
    await expect(row.getByText("dashboard")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/jobs-queued-1280.png`, fullPage: true });

    await row.getByRole("link", { name: /^Run \d+$/ }).click();
    await expect(page.getByTestId("items-table").getByRole("row").filter({ hasText: url }).getByText("stored")).toBeVisible();
    await page.getByTestId("items-table").getByRole("link", { name: headline }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(page.getByText(marker)).toBeVisible();

    // The token survives a reload of the tab.
    await page.goto("/jobs");
    await expect(page.getByLabel("Admin token")).toHaveValue(TOKEN!);
  });

  test("a feed saved from the page is listed with its interval", async ({ page }) => {
    const url = `${base}/feeds/ballerina.xml`;
    await page.goto("/jobs");
    await page.getByLabel("Repeat").selectOption("6h");
    // A feed's entries each get their own kind: the field only applies to a single page.
    await expect(page.getByLabel("Kind")).toBeDisabled();
    await page.getByLabel("Page or feed address").fill(url);
    await page.getByLabel("Admin token").fill(TOKEN!);
    await page.getByRole("button", { name: "Save feed" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Feed saved: ${url}, polled every 6h` })).toBeVisible();
    const row = page.getByTestId("feeds-table").getByRole("row").filter({ hasText: url });
    await expect(row.getByRole("cell", { name: "6h", exact: true })).toBeVisible();
  });
});
