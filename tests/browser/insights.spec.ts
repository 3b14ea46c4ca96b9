// The title page's insights (axis switch, events, spikes explained, normalised counts, scores with
// honesty, filters in the URL and the CSVs that honour them, themes) and the compare page, against
// the demo corpus plus the Ballerina seeds. Screenshots land in tests/browser/screenshots/.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { type Locator, type Page, expect, test } from "@playwright/test";

const SCREENSHOTS = "tests/browser/screenshots";
const BALLERINA = "/titles/ballerina";
const COMPARE = "/compare?titles=ballerina,john-wick-chapter-4";

/** The timeline's own <svg> (legend icons are small svgs of the same class). */
const timelineSvg = (page: Page) => page.locator("#timeline figure.chart .recharts-wrapper > svg.recharts-surface");

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Every pair of text labels drawn in the charts of the page: none may overlap another. */
async function expectNoOverlappingChartLabels(page: Page): Promise<void> {
  // The charts measure their box before drawing: wait for every one of them to have its axes.
  const charts = page.locator("figure.chart .recharts-wrapper > svg.recharts-surface");
  await expect(charts.first()).toBeVisible();
  for (const chart of await charts.all()) await expect(chart.locator("text.recharts-cartesian-axis-tick-value").first()).toBeVisible();
  const boxes = await page.locator("figure.chart svg.recharts-surface text").evaluateAll((els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        const figure = el.closest("figure")?.getAttribute("aria-label") ?? "";
        return { text: (el.textContent ?? "").trim(), figure, x: r.x, y: r.y, w: r.width, h: r.height };
      })
      .filter((b) => b.text && b.w > 0 && b.h > 0),
  );
  expect(boxes.length).toBeGreaterThan(5);
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.figure !== b.figure) continue;
      // One pixel of slack: glyph boxes include side bearings.
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 1 && oy > 1) overlaps.push(`"${a.text}" × "${b.text}"`);
    }
  }
  expect(overlaps).toEqual([]);
}

/** The x axis's tick labels, once the chart has drawn them (it measures its box first). */
async function tickTexts(svg: Locator): Promise<string[]> {
  const ticks = svg.locator('text.recharts-cartesian-axis-tick-value[orientation="bottom"]');
  await expect(ticks.first()).toBeVisible();
  return ticks.evaluateAll((els) => els.map((el) => (el.textContent ?? "").trim()));
}

async function downloadCsv(page: Page, link: Locator): Promise<{ header: string[]; rows: Record<string, string>[]; href: string }> {
  const href = (await link.getAttribute("href")) ?? "";
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const [header, ...records] = parse(await readFile(await download.path(), "utf8"), { bom: true }) as string[][];
  return { header, href, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

const run = promisify(execFile);

/** `npm run events -- …` against the database the server under test reads. */
async function eventsCli(args: string[]): Promise<string> {
  if (!process.env.DATABASE_URL) {
    throw new Error("Set DATABASE_URL to the database of the server under test (npm run test:browser does), so the events CLI writes where the page reads.");
  }
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const { stdout } = await run(tsx, ["ingest/events-cli.ts", ...args], { env: process.env });
  return stdout;
}

test.describe("title page", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the timeline switches between calendar dates and days from release, by day or week, with the release marked", async ({ page }) => {
    await page.goto(BALLERINA);
    const svg = timelineSvg(page);
    await expect(svg.getByText(/^Publication date \(/)).toBeVisible();
    expect((await tickTexts(svg)).some((t) => /^\d{1,2} [A-Z][a-z]{2}$/.test(t))).toBe(true);

    await page.getByRole("navigation", { name: "Timeline view" }).getByRole("link", { name: "Days from release" }).click();
    await expect(page).toHaveURL(/axis=relative/);
    await expect(svg.getByText("Days from release (T0 = 6 Jun 2025)")).toBeVisible();
    const relative = await tickTexts(svg);
    expect(relative).toContain("T0");
    expect(relative).toContain("T−30");
    await expect(svg.locator("text.recharts-label", { hasText: /^Release$/ })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Days from release" })).toHaveAttribute("aria-current", "true");

    await page.getByRole("navigation", { name: "Timeline view" }).getByRole("link", { name: "Week" }).click();
    await expect(page).toHaveURL(/axis=relative.*bucket=week|bucket=week.*axis=relative/);
    await expect(svg.getByText("Days from release (T0 = 6 Jun 2025), by week")).toBeVisible();
    await expect(svg.getByText("Documents per week")).toBeVisible();
    // 26 weeks from T−126 to T+56: one bar slot per week.
    expect(await svg.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    await expect(svg.locator("text.recharts-label", { hasText: /^Release$/ })).toHaveCount(1);
    await expectNoOverlappingChartLabels(page);
    await page.screenshot({ path: `${SCREENSHOTS}/title-relative-week-1280.png`, fullPage: false });
  });

  test("raw and normalised counts switch the volume axis and the table view", async ({ page }) => {
    await page.goto(`${BALLERINA}?bucket=week`);
    const svg = timelineSvg(page);
    await expect(svg.getByText("Documents per week")).toBeVisible();
    await page.getByRole("link", { name: "Share of tracked" }).click();
    await expect(page).toHaveURL(/scale=share/);
    await expect(svg.getByText("Share of tracked coverage (%)")).toBeVisible();
    await page.getByText(/^Table view/).click();
    const shares = await page.locator("#timeline .table-view tbody tr td:nth-child(4)").allInnerTexts();
    expect(shares.length).toBeGreaterThan(3);
    for (const share of shares) {
      const m = /^(\d+(?:\.\d)?)% of (\d+)$/.exec(share);
      expect(m, share).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(0);
      expect(Number(m![1])).toBeLessThanOrEqual(100);
    }
    // Ballerina and Signal Fire share 2025: some week holds both, so some share is below 100%.
    expect(shares.some((s) => !s.startsWith("100.0%"))).toBe(true);
  });

  test("events detected from coverage and added by hand are marked on the timeline with their labels", async ({ page }) => {
    await page.goto(BALLERINA);
    const events = page.getByTestId("timeline-event");
    await expect(events.filter({ hasText: "Trailer" })).toContainText("18 Feb 2025");
    await expect(events.filter({ hasText: "CinemaCon footage" })).toContainText("2 Apr 2025");
    await expect(events.filter({ hasText: "Reviews out (embargo lifts)" })).toContainText("3 Jun 2025");
    const detected = await events.count();
    await expect(timelineSvg(page).locator(".timeline-event")).toHaveCount(detected);
    // On a wide chart each marker carries its label too (the overlap checks below keep them apart).
    await expect(timelineSvg(page).locator("text.timeline-event__label", { hasText: "CinemaCon footage" })).toBeVisible();

    const label = "Final trailer (test)";
    expect(await eventsCli(["add", "--title", "Ballerina", "--date", "2025-05-13", "--label", label])).toMatch(/Added|Already there/);
    try {
      await page.reload();
      const added = events.filter({ hasText: label });
      await expect(added).toContainText("13 May 2025");
      await expect(added).toContainText("added by hand");
      await expect(timelineSvg(page).locator(".timeline-event")).toHaveCount(detected + 1);
      await expect(timelineSvg(page).locator('.timeline-event[data-day="2025-05-13"] title')).toHaveText(new RegExp(`${label.replace(/[()]/g, "\\$&")}.*added by hand`));
      expect(await eventsCli(["list", "--title", "ballerina", "--json"])).toContain(label);
    } finally {
      await eventsCli(["remove", "--title", "Ballerina", "--date", "2025-05-13", "--label", label]);
    }
    await expect(eventsCli(["add", "--title", "Ballerina", "--date", "2025-02-30", "--label", "x"])).rejects.toThrow(/expected a date as YYYY-MM-DD/);
  });

  test("a spike explains itself on hover and on click: its keyphrases and headlines", async ({ page }) => {
    await page.goto(`${BALLERINA}?bucket=week`);
    const svg = timelineSvg(page);
    await expect(svg.locator(".timeline-spike").first()).toBeVisible();
    // The trailer week (17 Feb 2025): three trailer articles after a quiet month.
    const trailerWeek = svg.locator('.timeline-spike[data-x="2025-02-17"]');
    await trailerWeek.hover();
    const tooltip = page.locator(".chart-tooltip");
    await expect(tooltip).toContainText("Week of 17 Feb 2025");
    await expect(tooltip).toContainText("▲ Spike");
    await expect(tooltip).toContainText(/Top keyphrases: .+/);
    await trailerWeek.click();
    const details = page.locator('[data-testid="spike"][data-spike="2025-02-17"]');
    await expect(details).toHaveAttribute("open", "");
    await expect(details.locator("summary")).toBeFocused();
    await expect(details).toContainText("3 documents");
    const headline = details.getByRole("link", { name: /trailer/i }).first();
    await expect(headline).toBeVisible();
    await headline.click();
    await expect(page).toHaveURL(/\/documents\/\d+$/);

    // The keyboard reaches the same explanation: focus the marker, press Enter.
    await page.goto(`${BALLERINA}?bucket=week`);
    const marker = timelineSvg(page).locator('.timeline-spike[data-x="2025-03-31"]');
    await marker.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-testid="spike"][data-spike="2025-03-31"]')).toHaveAttribute("open", "");
    await expect(page.locator('[data-testid="spike"][data-spike="2025-03-31"]')).toContainText(/CinemaCon/);
  });

  test("KPI cards give n and a 95% interval, and link to the documents they count", async ({ page }) => {
    await page.goto(BALLERINA);
    const positive = page.getByTestId("kpi-reception-positive");
    await expect(positive.locator(".kpi__value")).toHaveText(/^\d{1,3}%$/);
    await expect(positive).toContainText(/95% CI \d{1,3}–\d{1,3}%/);
    await expect(page.getByTestId("kpi-reception-average")).toContainText(/95% CI \d{1,3}–\d{1,3}/);
    await expect(page.getByTestId("kpi-hype")).toContainText(/n = \d+ anticipation documents/);
    await expect(page.getByTestId("kpi-gap").locator(".kpi__value")).toHaveText(/^[+−]?\d+ pts$/);
    const reviewsText = await positive.getByRole("link", { name: /of \d+ reviews/ }).innerText();
    const n = Number(/of (\d+) reviews/.exec(reviewsText)![1]);
    await positive.getByRole("link", { name: /of \d+ reviews/ }).click();
    await expect(page).toHaveURL(/kind=review/);
    await expect(page).toHaveURL(/phase=reception/);
    // The documents table lists exactly the reviews the card counted (no copies among them).
    await expect(page.getByTestId("kpi-documents")).toHaveText(String(n));
    const kinds = await page.locator("#documents tbody tr td:nth-child(4)").allInnerTexts();
    expect(kinds).toHaveLength(n);
    expect(new Set(kinds)).toEqual(new Set(["review"]));
  });

  test("below the minimum n the cards say not enough coverage and show the n", async ({ page }) => {
    // Two reviews on release day and the day after: too few for a score.
    await page.goto(`${BALLERINA}?from=2025-06-06&to=2025-06-07`);
    for (const id of ["kpi-reception-positive", "kpi-reception-average", "kpi-gap"]) {
      const card = page.getByTestId(id);
      await expect(card).toContainText("not enough coverage");
      await expect(card).toContainText("n = 2");
      await expect(card.locator(".kpi__value")).toHaveCount(0);
    }
  });

  test("filters live in the URL: a copied link opens the same view, and the CSV links honour them", async ({ page, browser }) => {
    await page.goto(BALLERINA);
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByLabel("Kind").selectOption("review");
    await form.getByLabel("Phase").selectOption("reception");
    await form.getByLabel("From").fill("2025-06-01");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/from=2025-06-01/);
    await expect(page).toHaveURL(/kind=review/);
    await expect(page).toHaveURL(/phase=reception/);
    await expect(form).toContainText("Showing: 1 Jun 2025 – today · Reviews · Reception");

    // A copied link, opened elsewhere, shows the same filters and the same numbers.
    const other = await browser.newPage();
    await other.goto(page.url());
    const otherForm = other.getByRole("form", { name: "Filters" });
    await expect(otherForm.getByLabel("Kind")).toHaveValue("review");
    await expect(otherForm.getByLabel("Phase")).toHaveValue("reception");
    await expect(otherForm.getByLabel("From")).toHaveValue("2025-06-01");
    await expect(other.getByTestId("kpi-documents")).toHaveText(await page.getByTestId("kpi-documents").innerText());
    await other.close();

    // Every CSV button of the page carries the filters (the score cards' links narrow them further).
    const hrefs = await page.locator('a.button-link[href^="/api/export/"]').evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(6);
    for (const href of hrefs) {
      expect(href).toContain("title=ballerina");
      expect(href).toContain("kind=review");
      expect(href).toContain("phase=reception");
      expect(href).toContain("from=2025-06-01");
    }

    const documents = await downloadCsv(page, page.getByRole("link", { name: "Documents table CSV" }));
    expect(documents.rows).toHaveLength(Number(await page.getByTestId("kpi-documents").innerText()));
    for (const row of documents.rows) {
      expect(row.kind).toBe("review");
      expect(row.phase).toBe("reception");
      expect(row.published_at >= "2025-06-01").toBe(true);
    }
    const timeline = await downloadCsv(page, page.getByRole("link", { name: "Timeline CSV" }));
    expect(timeline.rows.length).toBeGreaterThan(0);
    for (const row of timeline.rows) {
      expect(row.day >= "2025-06-01").toBe(true);
      expect(Number(row.anticipation_articles) + Number(row.reception_articles) + Number(row.anticipation_reviews)).toBe(0);
    }
    expect(timeline.header).toEqual(expect.arrayContaining(["hype_index", "tracked_documents", "share_of_tracked_percent"]));
  });

  test("aspects, the expectation gap, keyphrases, people, fact conflicts and flags, each with its CSV", async ({ page }) => {
    await page.goto(BALLERINA);
    const aspects = page.getByRole("table", { name: /Mean sentence score per aspect/ });
    await expect(aspects.getByRole("rowheader", { name: "All evaluative sentences" })).toBeVisible();
    expect(await aspects.getByTestId("aspect-row").count()).toBeGreaterThan(3);
    await expect(aspects).toContainText(/Anticipation [+−]\d\.\d\d \(n = \d+/);
    await expect(aspects).toContainText(/not enough coverage \(n = [12]\)/);

    await expect(page.locator(".keyphrases li").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "People and organisations named in the coverage" })).toContainText("Ana de Armas");

    const release = page.getByTestId("claim-release_date");
    await expect(release).toContainText("sources disagree");
    await expect(release.locator(".claims__sentence")).toHaveText(/^\d+ sources say June 6, 2025; 1 says June 7, 2024$/);
    await expect(release).toContainText("Registered release date: 6 Jun 2025");
    await expect(release.getByRole("link").first()).toHaveAttribute("href", /^\/documents\/\d+/);

    await expect(page.getByTestId("flag-count-copy")).toContainText("1 copy");
    await expect(page.getByTestId("flag-count-review_before_release")).toContainText("2 review before release");

    for (const [name, header] of [
      ["Aspects CSV", "aspect"],
      ["People CSV", "name"],
      ["Conflicts CSV", "conflict"],
      ["Claims CSV", "quote"],
      ["Keyphrases CSV", "rising_weeks"],
    ] as const) {
      const csv = await downloadCsv(page, page.getByRole("link", { name }));
      expect(csv.header).toContain(header);
      expect(csv.rows.length).toBeGreaterThan(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/title-insights-1280.png`, fullPage: false });
  });
});

test("the title page above the fold, for the README (docs/screenshots/title.png is a copy)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1320 });
  await page.goto(`${BALLERINA}?bucket=week`);
  await expect(timelineSvg(page).locator(".timeline-spike").first()).toBeVisible();
  await expect(timelineSvg(page).locator(".timeline-event")).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/title-readme-1280.png`, fullPage: false });
});

test.describe("document page", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("shows the evidence behind the stance, and the document's aspects, people, claims, flags and copies", async ({ page }) => {
    await page.goto(`${BALLERINA}?sort=stance&dir=desc`);
    await page.locator("#documents tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/documents\/\d+$/);
    const up = page.getByRole("region", { name: "Pushed the stance up" });
    await expect(up.getByTestId("evidence-list").locator("li").first()).toContainText(/^\+0\.\d{3} “/);
    const link = up.getByRole("link").first();
    const target = (await link.getAttribute("href"))!;
    await link.click();
    await expect(page.locator(target)).toHaveClass(/sentence/);
    await expect(page.getByText(/with confidence \d+%: \d+ of \d+ sentences/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Aspects", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Claims", exact: true })).toBeVisible();

    // The syndicated copy points at its original, which lists it.
    await page.goto(`${BALLERINA}?source=Matinee+Mind`);
    await page.getByRole("link", { name: /CinemaCon reel/ }).first().click();
    await expect(page.getByTestId("doc-flag")).toContainText("Copy");
    await page.getByText("Copy of").getByRole("link").click();
    await expect(page.getByText("Copied by")).toBeVisible();
  });
});

test.describe("compare page", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("overlays titles on the relative axis with their cards side by side; the picker updates the URL", async ({ page }) => {
    await page.goto(COMPARE);
    await expect(page.getByRole("heading", { level: 1, name: "Compare titles" })).toBeVisible();
    const svg = page.locator("figure.chart .recharts-wrapper > svg.recharts-surface");
    await expect(svg.locator(".recharts-line")).toHaveCount(2);
    await expect(svg.getByText(/^Days from each title's release \(T0\)/)).toBeVisible();
    expect(await tickTexts(svg)).toContain("T0");
    const cards = page.getByTestId("compare-title");
    await expect(cards).toHaveCount(2);
    const [a, b] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    await expect(cards.nth(0)).toContainText("Ballerina");
    await expect(cards.nth(1)).toContainText("John Wick: Chapter 4");

    await page.getByRole("checkbox", { name: "Signal Fire" }).check();
    await expect(page).toHaveURL(/\/compare\?titles=ballerina,john-wick-chapter-4,signal-fire/);
    await expect(svg.locator(".recharts-line")).toHaveCount(3);
    await expect(cards).toHaveCount(3);
    await page.getByRole("checkbox", { name: "John Wick: Chapter 4" }).uncheck();
    await expect(page).toHaveURL(/\/compare\?titles=ballerina,signal-fire/);
    await expect(cards).toHaveCount(2);
    await expectNoOverlappingChartLabels(page);
    await page.screenshot({ path: `${SCREENSHOTS}/compare-1280.png`, fullPage: true });
  });

  test("the table view holds the chart's numbers", async ({ page }) => {
    await page.goto(`${COMPARE}&bucket=week`);
    await page.getByText(/^Table view/).click();
    const table = page.getByRole("table", { name: /Documents per week, by title/ });
    await expect(table.getByRole("columnheader", { name: "Ballerina" })).toBeVisible();
    const release = table.getByRole("row", { name: /^T0/ });
    await expect(release).toBeVisible();
  });
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  for (const [name, url] of [
    ["title", `${BALLERINA}`],
    ["title-relative", `${BALLERINA}?axis=relative&bucket=week`],
    ["compare", `${COMPARE},signal-fire`],
  ] as const) {
    test(`${name} fits 375 px without sideways scrolling or overlapping chart labels`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator("figure.chart").first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoOverlappingChartLabels(page);
      if (name !== "title") await page.screenshot({ path: `${SCREENSHOTS}/${name}-375.png`, fullPage: true });
    });
  }

  test("the document page fits 375 px", async ({ page }) => {
    await page.goto(BALLERINA);
    await page.locator("#documents tbody tr").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe("every timeline view of every demo title has no overlapping chart labels", () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  for (const slug of ["ballerina", "john-wick-chapter-4", "harbor-lights", "signal-fire"]) {
    for (const query of ["", "?bucket=week", "?axis=relative", "?axis=relative&bucket=week&scale=share"]) {
      test(`${slug}${query}`, async ({ page }) => {
        await page.goto(`/titles/${slug}${query}`);
        await expect(timelineSvg(page).locator("text.recharts-cartesian-axis-tick-value").first()).toBeVisible();
        await expectNoOverlappingChartLabels(page);
      });
    }
  }
});

test("the overview shows each title's reception score with n, its expectation gap and a weekly hype sparkline", async ({ page }) => {
  await page.goto("/");
  const card = page.locator("article.title-card").filter({ has: page.getByRole("heading", { name: "Ballerina" }) });
  await expect(card.locator(".title-card__scores")).toContainText(/\d+% positive \(n = \d+\)/);
  await expect(card.locator(".title-card__scores")).toContainText(/[+−]?\d+ pts/);
  await expect(card.getByRole("img", { name: /^Hype index of Ballerina per week before release, \d+ weeks from .*: peak \+\d/ })).toBeVisible();
  expect(await card.locator(".sparkline rect").count()).toBeGreaterThan(10);
});
