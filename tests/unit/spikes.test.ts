import { describe, expect, it } from "vitest";
import { SPIKE_RULE, detectSpikes, spikeWindow } from "../../lib/timeline/spikes";

describe("detectSpikes", () => {
  it("has no baseline (and no spike) for the first bucket", () => {
    expect(detectSpikes([9, 0], 4)[0]).toEqual({ count: 9, baseline: null, ratio: null, spike: false });
  });

  it("uses the mean of the previous window, zeros included", () => {
    const points = detectSpikes([1, 0, 0, 3, 0, 0, 0, 0], 4);
    expect(points[3].baseline).toBeCloseTo(1 / 3, 10);
    expect(points[7].baseline).toBeCloseTo(3 / 4, 10);
    // Only the last `window` buckets count: the 1 at index 0 has left the window of index 5.
    expect(points[5].baseline).toBeCloseTo(3 / 4, 10);
  });

  it("marks a bucket far above a quiet baseline, never a single document", () => {
    const points = detectSpikes([0, 0, 0, 1, 0, 0, 3, 0], 4);
    expect(points[3].spike).toBe(false);
    expect(points[6].spike).toBe(true);
    expect(points[6].ratio).toBeCloseTo(3 / Math.max(0.25, SPIKE_RULE.floor), 10);
  });

  it("needs factor × the baseline when coverage is busy", () => {
    expect(detectSpikes([4, 4, 4, 4, 11], 4)[4].spike).toBe(false); // 11 < 3 × 4
    expect(detectSpikes([4, 4, 4, 4, 12], 4)[4].spike).toBe(true); // 12 ≥ 3 × 4
  });

  it("uses 28 days or 8 weeks of history", () => {
    expect(spikeWindow("day")).toBe(28);
    expect(spikeWindow("week")).toBe(8);
  });
});
