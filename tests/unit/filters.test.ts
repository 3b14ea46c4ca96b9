import { describe, expect, it } from "vitest";
import { filterParams, parseViewFilters, viewFiltersSchema } from "../../lib/filters";
import { compareHref, parseCompareTitles } from "../../app/compare/compareParams";
import { csvHref, parsePageState, stateQuery } from "../../app/components/viewParams";

describe("view filters from a URL", () => {
  it("keeps the valid filters and names the ones it dropped", () => {
    const { filters, dropped } = parseViewFilters({ from: "2025-06-01", kind: "reviews", phase: "reception", aspect: "action", source: "Reel Pulse", to: "2025-02-30" });
    expect(filters).toEqual({ from: "2025-06-01", phase: "reception", aspect: "action", source: "Reel Pulse" });
    expect(dropped.sort()).toEqual(["kind", "to"]);
  });

  it("drops an inverted date range rather than showing nothing", () => {
    expect(parseViewFilters({ from: "2025-07-01", to: "2025-06-01" })).toEqual({ filters: {}, dropped: ["from", "to"] });
  });

  it("round-trips through the query string in a stable order", () => {
    const filters = { source: "Reel Pulse", kind: "review", from: "2025-06-01" } as const;
    expect(filterParams(filters).toString()).toBe("from=2025-06-01&kind=review&source=Reel+Pulse");
    expect(parseViewFilters(Object.fromEntries(filterParams(filters))).filters).toEqual(filters);
  });

  it("is the schema the CSV export validates with", () => {
    expect(viewFiltersSchema.safeParse({ aspect: "popcorn" }).success).toBe(false);
    expect(viewFiltersSchema.safeParse({ from: "2025-07-01", to: "2025-06-01" }).success).toBe(false);
  });
});

describe("page state", () => {
  it("falls back to the default view for unknown values and leaves defaults out of links", () => {
    const state = parsePageState({ axis: "sideways", bucket: "week", scale: "share", kind: "review" });
    expect(state.view).toEqual({ axis: "calendar", bucket: "week", scale: "share" });
    expect(stateQuery(state).toString()).toBe("kind=review&bucket=week&scale=share");
  });

  it("builds CSV links with the title first and the filters after", () => {
    expect(csvHref("timeline", { kind: "review", from: "2025-06-01" }, "ballerina")).toBe("/api/export/timeline?title=ballerina&from=2025-06-01&kind=review");
  });
});

describe("compare titles", () => {
  it.each([
    { titles: "ballerina,john-wick-chapter-4", slugs: ["ballerina", "john-wick-chapter-4"], invalid: [] },
    { titles: ["ballerina", "signal-fire"], slugs: ["ballerina", "signal-fire"], invalid: [] },
    { titles: "ballerina,,ballerina, signal-fire", slugs: ["ballerina", "signal-fire"], invalid: [] },
    { titles: "Ballerina!,a", slugs: ["a"], invalid: ["Ballerina!"] },
    { titles: undefined, slugs: [], invalid: [] },
  ])("$titles → $slugs", ({ titles, slugs, invalid }) => {
    expect(parseCompareTitles({ titles })).toEqual({ slugs, invalid });
  });

  it("writes the canonical comma list", () => {
    expect(compareHref(["ballerina", "signal-fire"], new URLSearchParams({ bucket: "day" }))).toBe("/compare?titles=ballerina,signal-fire&bucket=day");
  });
});
