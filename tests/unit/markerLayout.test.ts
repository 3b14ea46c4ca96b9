import { describe, expect, it } from "vitest";
import { lanesThatFit, layoutLanes } from "@/app/components/charts/markerLayout";

describe("layoutLanes", () => {
  it("keeps markers that are far apart in the top lane", () => {
    expect(layoutLanes([{ x: 10, width: 18 }, { x: 60, width: 18 }, { x: 200, width: 18 }])).toEqual([0, 0, 0]);
  });

  it("moves a marker that would touch its neighbour to the next lane, whatever the input order", () => {
    expect(layoutLanes([{ x: 110, width: 18 }, { x: 100, width: 18 }])).toEqual([1, 0]);
  });

  it("reuses a lane once it is clear again", () => {
    expect(layoutLanes([{ x: 100, width: 18 }, { x: 105, width: 18 }, { x: 130, width: 18 }])).toEqual([0, 1, 0]);
  });

  it("never uses more lanes than allowed", () => {
    const lanes = layoutLanes(Array.from({ length: 6 }, () => ({ x: 50, width: 18 })), 4, 3);
    expect(Math.max(...lanes)).toBe(2);
  });
});

describe("lanesThatFit", () => {
  it("places labelled markers in lanes when they fit", () => {
    expect(lanesThatFit([{ x: 100, width: 80 }, { x: 150, width: 80 }, { x: 300, width: 80 }], 8, 2, 0, 400)).toEqual([0, 1, 0]);
  });

  it("gives up (null) when more lanes would be needed or a label leaves the plot", () => {
    expect(lanesThatFit([{ x: 100, width: 80 }, { x: 110, width: 80 }, { x: 120, width: 80 }], 8, 2, 0, 400)).toBeNull();
    expect(lanesThatFit([{ x: 380, width: 80 }], 8, 2, 0, 400)).toBeNull();
  });
});
