import { describe, expect, it } from "vitest";
import { buildTimelineSeries } from "@/app/components/charts/timelineSeries";
import type { TimelineRow } from "@/lib/queries/getTimeline";

function row(day: string, anticipation: number, reception: number, stance: number | null): TimelineRow {
  return {
    day,
    documents: anticipation + reception,
    anticipationArticles: anticipation,
    anticipationReviews: 0,
    receptionArticles: 0,
    receptionReviews: reception,
    anticipationN: anticipation,
    receptionN: reception,
    anticipationStance: anticipation ? stance : null,
    receptionStance: reception ? stance : null,
  };
}

describe("buildTimelineSeries", () => {
  it("has one point per calendar day, with zero volume and null stance on empty days", () => {
    const { points } = buildTimelineSeries([row("2025-02-27", 1, 0, 0.5), row("2025-03-02", 2, 0, -0.25)], null);
    expect(points.map((p) => p.day)).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(points[1]).toMatchObject({ anticipation: 0, reception: 0, anticipationStance: null, receptionStance: null });
    expect(points[3]).toMatchObject({ anticipation: 2, anticipationStance: -0.25, anticipationN: 2, articles: 2 });
  });

  it("widens the range to a nearby release date and marks it", () => {
    const { points, release } = buildTimelineSeries([row("2025-06-01", 1, 0, 0.1), row("2025-06-03", 1, 0, 0.2)], "2025-06-06");
    expect(release).toBe("2025-06-06");
    expect(points.at(-1)?.day).toBe("2025-06-06");
  });

  it("ignores a release date too far from the coverage instead of stretching the axis", () => {
    const { points, release } = buildTimelineSeries([row("2025-06-01", 0, 1, 0.3)], "2021-01-01");
    expect(release).toBeNull();
    expect(points).toHaveLength(1);
  });

  it("is empty without rows", () => {
    expect(buildTimelineSeries([], "2025-06-06")).toEqual({ points: [], release: null });
  });
});
