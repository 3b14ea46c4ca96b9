// Words for a timeline bucket, shared by the chart's ticks and tooltip, the spike list and the table view.
import { formatDay, formatOffset, formatShortDay } from "../format";
import type { Axis, Bucket, TimelinePoint } from "./timelineSeries";

/** Short tick text for an x key. */
export function tickLabel(x: string, axis: Axis): string {
  return axis === "relative" ? formatOffset(Number(x)) : formatShortDay(x);
}

/** A full name for a bucket: "6 Jun 2025", "Week of 2 Jun 2025", "T−3 (3 Jun 2025)", "T−7 … T−1 (…)". */
export function bucketName(point: Pick<TimelinePoint, "day" | "lastDay" | "offset">, axis: Axis, bucket: Bucket): string {
  if (axis === "relative" && point.offset !== null) {
    if (bucket === "day") return `${formatOffset(point.offset)} (${formatDay(point.day)})`;
    return `${formatOffset(point.offset)} … ${formatOffset(point.offset + 6)} (${formatShortDay(point.day)} – ${formatDay(point.lastDay)})`;
  }
  return bucket === "day" ? formatDay(point.day) : `Week of ${formatDay(point.day)}`;
}

export function perBucket(bucket: Bucket): string {
  return bucket === "day" ? "per day" : "per week";
}
