// The dashboard end to end, in a real browser, against the demo corpus plus the Ballerina seeds.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, type Page, test } from "@playwright/test";

const SCREENSHOTS = "tests/browser/screenshots";

async function openBallerina(page: Page, query = ""): Promise<void> {
  await page.goto("/");
  const link = page.getByRole("heading", { level: 2, name: "Ballerina" }).getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/titles\/[a-z0-9-]+$/);
  await page.goto(`${href}${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ballerina" })).toBeVisible();
}

async function documentCount(page: Page): Promise<number> {
  const text = await page.getByTestId("kpi-documents").innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

/** The page's own horizontal overflow (tables may scroll inside their own box). */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test("the overview lists every title, Ballerina among them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Titles" })).toBeVisible();
  const cards = page.locator("article.title-card");
  expect(await cards.count()).toBeGreaterThan(1);
  const ballerina = cards.filter({ has: page.getByRole("heading", { name: "Ballerina" }) });
  await expect(ballerina).toHaveCount(1);
  await expect(ballerina.getByText(/documents?$/).first()).toBeVisible();
  await expect(ballerina.getByText("Anticipation", { exact: true })).toBeVisible();
  await expect(ballerina.getByText("Reception", { exact: true })).toBeVisible();
});

test("the Ballerina timeline draws volume bars, stance lines and the release line", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openBallerina(page);
  // The timeline's own <svg> (legend icons are small svgs of the same class; the hype chart has its own card).
  const chart = page.locator("#timeline figure.chart .recharts-wrapper > svg.recharts-surface");
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  expect(await chart.locator(".recharts-line-curve").count()).toBeGreaterThan(0);
  expect(await chart.locator(".recharts-line-dots circle").count()).toBeGreaterThan(0);
  // recharts 3 draws labels in their own layer: pair the "Release" label with the one vertical
  // reference line (the other reference line is the horizontal zero of the stance axis).
  const releaseLabel = chart.locator("text.recharts-label", { hasText: "Release" });
  await expect(releaseLabel).toHaveCount(1);
  const lines = await chart
    .locator(".recharts-reference-line line")
    .evaluateAll((els) => els.map((el) => ({ x1: Number(el.getAttribute("x1")), x2: Number(el.getAttribute("x2")) })));
  const vertical = lines.filter((line) => line.x1 === line.x2);
  expect(vertical).toHaveLength(1);
  expect(Math.abs(Number(await releaseLabel.getAttribute("x")) - vertical[0].x1)).toBeLessThan(12);
  await expect(chart.getByText("Documents per day")).toBeVisible();
  await expect(chart.getByText("Mean stance (−1…1)")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/title-1280.png`, fullPage: true });
});

test("a document opened from the table shows its sentences coloured by score", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Most positive first: a document with a clear lean, so its sentences are visibly tinted.
  await openBallerina(page, "?sort=stance&dir=desc");
  const first = page.locator("#documents tbody tr").first().getByRole("link");
  const headline = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const sentences = page.locator(".doc-text .sentence");
  expect(await sentences.count()).toBeGreaterThan(1);
  const backgrounds = await sentences.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  // Every sentence is tinted; positive and negative ones differ in hue, so there are several colours.
  expect(backgrounds.filter((b) => b === "rgba(0, 0, 0, 0)")).toEqual([]);
  expect(new Set(backgrounds).size).toBeGreaterThan(1);
  await expect(sentences.first()).toHaveAttribute("title", /score [+−]?\d\.\d\d/);
  await expect(page.getByText(/from page metadata|from the text|from the URL|given with --date|undated/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/document-1280.png`, fullPage: true });
});

test("the documents CSV has the documented header and one row per document", async ({ page }) => {
  await openBallerina(page);
  const expected = await documentCount(page);
  expect(expected).toBeGreaterThan(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Documents table CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hypeline-documents-[a-z0-9-]+\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const rows = parse(csv, { bom: true }) as string[][];
  const [header, ...records] = rows;
  expect(header.slice(0, 3)).toEqual(["document_id", "title_slug", "title"]);
  expect(header).toEqual(expect.arrayContaining(["published_at", "kind", "phase", "stance_score", "stance_label"]));
  expect(records).toHaveLength(expected);
  const titleColumn = header.indexOf("title");
  expect(new Set(records.map((r) => r[titleColumn]))).toEqual(new Set(["Ballerina"]));
});

test("at 375 px wide no page scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await expectNoHorizontalScroll(page);
  await openBallerina(page);
  await expect(page.locator("figure.chart .recharts-bar-rectangle").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENSHOTS}/title-375.png`, fullPage: true });
  await page.locator("#documents tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator(".doc-text")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENSHOTS}/document-375.png`, fullPage: true });
});

test("an unknown title shows the 404 page", async ({ page }) => {
  const response = await page.goto("/titles/no-such-title-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Title not found" })).toBeVisible();
  const doc = await page.goto("/documents/not-a-number");
  expect(doc?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Document not found" })).toBeVisible();
});

test("the export API answers bad input with a 400 and one error shape", async ({ request }) => {
  const unknown = await request.get("/api/export/nope");
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({
    error: { message: expect.stringContaining("documents, sentences, timeline, keyphrases"), code: "unknown_dataset", status: 400 },
  });
  const badDate = await request.get("/api/export/timeline?title=ballerina&from=2025-02-30");
  expect(badDate.status()).toBe(400);
  expect((await badDate.json()).error).toMatchObject({ code: "invalid_filters", status: 400 });
});
