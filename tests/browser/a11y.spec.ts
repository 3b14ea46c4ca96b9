// An automated accessibility check (axe-core, WCAG 2.1 A and AA rules) of every dashboard page:
// no serious or critical violation is allowed. Also keyboard reachability of the main controls.
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

async function firstDocumentUrl(page: Page): Promise<string> {
  await page.goto("/titles/ballerina");
  const href = await page.locator("#documents tbody tr").first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/documents\/\d+$/);
  return href!;
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const url of [
      "/",
      "/titles/ballerina",
      "/titles/ballerina?axis=relative&bucket=week&scale=share",
      "/titles/ballerina?from=2025-06-06&to=2025-06-07",
      "/compare",
      "/compare?titles=ballerina,john-wick-chapter-4,signal-fire",
    ]) {
      test(`${url} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("a document page has no serious accessibility violations", async ({ page }) => {
      await page.goto(await firstDocumentUrl(page));
      await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("headings go in order on the title, compare and document pages", async ({ page }) => {
  for (const url of ["/titles/ballerina", "/compare?titles=ballerina,signal-fire", await firstDocumentUrl(page)]) {
    await page.goto(url);
    const levels = await page.locator("h1, h2, h3, h4").evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `${url}: heading ${i}`).toBeLessThanOrEqual(1);
  }
});

test("the timeline is usable from the keyboard: view switches, filters and spike markers take focus with a visible outline", async ({ page }) => {
  await page.goto("/titles/ballerina?bucket=week");
  const reached = new Set<string>();
  for (let i = 0; i < 80 && reached.size < 3; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      const kind = el.closest(".view-switches") ? "switch" : el.closest("form[aria-label=Filters]") ? "filter" : el.classList.contains("timeline-spike") ? "spike" : null;
      // Chromium draws the focus ring of a date field's calendar button inside its own shadow DOM.
      const ownRing = el instanceof HTMLInputElement && el.type === "date";
      return { kind, outline: style.outlineStyle !== "none" || ownRing || el.classList.contains("timeline-spike") };
    });
    if (focused?.kind) {
      expect(focused.outline).toBe(true);
      reached.add(focused.kind);
    }
  }
  expect([...reached].sort()).toEqual(["filter", "spike", "switch"]);
});
