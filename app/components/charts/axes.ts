// The axes every time chart shares (timeline, hype, compare): one look for ticks, axis titles and
// the release line, spread into recharts' own <XAxis>/<YAxis>/<ReferenceLine> (recharts reads its
// axes only as direct children, so these are props, not wrapper components).
import { PALETTE } from "../palette";
import { tickLabel } from "./bucketLabels";
import type { Axis, Bucket } from "./timelineSeries";

const TICK = { fontSize: 11, fill: PALETTE.muted };

/** The x axis of a time chart: one key per bucket, tick labels that thin out, its title below. */
export function timeXAxis({ axis, title, ticks, height }: { axis: Axis; title: string; ticks?: string[]; height: number }) {
  return {
    dataKey: "x",
    ticks,
    tickFormatter: (x: string) => tickLabel(x, axis),
    tick: TICK,
    minTickGap: 14,
    tickMargin: 7,
    interval: "preserveStartEnd" as const,
    height,
    label: { value: title, position: "insideBottom" as const, offset: 0, fontSize: 12, fill: PALETTE.muted },
  };
}

/** Relative-axis ticks every 30 days (28 by week, on bucket starts), T0 always among them. */
export function relativeTicks(points: readonly { x: string; offset: number | null }[], bucket: Bucket): string[] {
  const step = bucket === "week" ? 28 : 30;
  return points.filter((p) => p.offset !== null && p.offset % step === 0).map((p) => p.x);
}

/** A y axis with its title along it (left, or right for a second axis). */
export function valueYAxis(title: string, side: "left" | "right" = "left") {
  return {
    tick: TICK,
    label:
      side === "left"
        ? { value: title, angle: -90, position: "insideLeft" as const, offset: 8, fontSize: 12, fill: PALETTE.muted, style: { textAnchor: "middle" as const } }
        : { value: title, angle: 90, position: "insideRight" as const, offset: 4, fontSize: 12, fill: PALETTE.muted, style: { textAnchor: "middle" as const } },
  };
}

/** The dashed release line's look and its "Release" label. */
export function releaseLine(position: "insideTopLeft" | "insideTopRight") {
  return {
    stroke: PALETTE.ink,
    strokeDasharray: "4 3",
    label: { value: "Release", position, fontSize: 12, fill: PALETTE.ink, fontWeight: 600 },
  };
}
