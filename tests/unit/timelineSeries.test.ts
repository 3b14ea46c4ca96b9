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
    anticipationStanceSum: anticipation && stance !== null ? anticipation * stance : 0,
    receptionStanceSum: reception && stance !== null ? reception * stance : 0,
    excitement: 0,
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
    expect(buildTimelineSeries([], "2025-06-06")).toMatchObject({ points: [], release: null, outside: 0 });
  });
});

describe("buildTimelineSeries: relative axis, weeks, normalised view", () => {
  it("puts days on T−120 … T+60 around the release, counting what falls outside", () => {
    const s = buildTimelineSeries([row("2025-01-14", 1, 0, 0.5), row("2025-06-06", 0, 2, 0.2), row("2025-12-01", 0, 1, 0.1)], "2025-06-06", { axis: "relative" });
    expect(s.axis).toBe("relative");
    expect(s.points[0]).toMatchObject({ x: "-120", offset: -120, day: "2025-02-06" });
    expect(s.points.at(-1)).toMatchObject({ x: "60", offset: 60 });
    expect(s.points).toHaveLength(181);
    expect(s.release).toBe("0");
    expect(s.points.find((p) => p.x === "0")).toMatchObject({ reception: 2, receptionStance: 0.2 });
    // 2025-01-14 is T−143 and 2025-12-01 is T+178: both off the axis.
    expect(s.outside).toBe(2);
  });

  it("falls back to calendar dates without a release date", () => {
    expect(buildTimelineSeries([row("2025-01-14", 1, 0, 0.5)], null, { axis: "relative" }).axis).toBe("calendar");
  });

  it("adds days up into ISO weeks (Monday first) with stance means weighted by n", () => {
    // 2025-02-18 is a Tuesday; 2025-02-23 the Sunday of the same week.
    const s = buildTimelineSeries([row("2025-02-18", 1, 0, 0.6), row("2025-02-23", 3, 0, 0.2), row("2025-02-24", 1, 0, 0)], null, { bucket: "week" });
    expect(s.points.map((p) => p.x)).toEqual(["2025-02-17", "2025-02-24"]);
    expect(s.points[0]).toMatchObject({ documents: 4, anticipationN: 4, lastDay: "2025-02-23" });
    expect(s.points[0].anticipationStance).toBeCloseTo((0.6 + 3 * 0.2) / 4, 10);
  });

  it("buckets relative weeks from T0 and marks the release week", () => {
    const s = buildTimelineSeries([row("2025-06-03", 2, 0, 0.1), row("2025-06-08", 0, 1, 0.3)], "2025-06-06", { axis: "relative", bucket: "week" });
    expect(s.points.find((p) => p.x === "-7")).toMatchObject({ documents: 2, day: "2025-05-30" });
    expect(s.points.find((p) => p.x === "0")).toMatchObject({ documents: 1, lastDay: "2025-06-12" });
    expect(s.release).toBe("0");
  });

  it("normalises by all tracked coverage of the bucket, never below the title's own", () => {
    const s = buildTimelineSeries([row("2025-03-01", 2, 0, 0.5), row("2025-03-02", 1, 0, 0.5)], null, {
      tracked: [
        { day: "2025-03-01", documents: 8 },
        { day: "2025-03-02", documents: 0 },
      ],
    });
    expect(s.points[0].share).toBe(25);
    expect(s.points[1].share).toBe(100);
  });

  it("marks spikes on the document counts", () => {
    const rows = [row("2025-03-01", 1, 0, 0.1), row("2025-03-20", 3, 0, 0.1)];
    const s = buildTimelineSeries(rows, null);
    expect(s.points.filter((p) => p.spike).map((p) => p.day)).toEqual(["2025-03-20"]);
  });
});
