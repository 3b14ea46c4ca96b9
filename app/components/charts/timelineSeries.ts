// Timeline rows (only days with documents) → one point per bucket of a continuous axis, so the x
// axis is true time. The axis is calendar dates or days relative to release (T−120 … T+60), the
// bucket a day or a week. A bucket without documents has 0 volume but a null stance: "no
// evidence", not "neutral"; the lines bridge such buckets with connectNulls.
import { daysBetween } from "@/lib/calendar";
import { hypeIndex, perTrackedCoverage } from "@/lib/metrics";
import type { TimelineRow } from "@/lib/queries/getTimeline";
import type { TrackedCoverageRow } from "@/lib/queries/getTrackedCoverage";
import { addDays, weekStart } from "@/lib/timeline/days";
import { detectSpikes, spikeWindow } from "@/lib/timeline/spikes";

export type Axis = "calendar" | "relative";
export type Bucket = "day" | "week";

export interface TimelinePoint {
  /** Category key on the x axis: the bucket's first day (calendar) or its first day's offset from release (relative). */
  x: string;
  /** First and last calendar day of the bucket (YYYY-MM-DD). */
  day: string;
  lastDay: string;
  /** Days from release to the bucket's first day; null without a release date. */
  offset: number | null;
  documents: number;
  anticipation: number;
  reception: number;
  anticipationStance: number | null;
  receptionStance: number | null;
  anticipationN: number;
  receptionN: number;
  articles: number;
  reviews: number;
  excitement: number;
  /** Hype index of the bucket (lib/metrics.ts hypeIndex), from its anticipation-phase documents. */
  hype: number;
  /** Every title's dated coverage in the bucket; share and hypeShare are per 100 of those (null when 0). */
  tracked: number;
  share: number | null;
  hypeShare: number | null;
  /** Spike rule (lib/timeline/spikes.ts) on the document counts. */
  baseline: number | null;
  ratio: number | null;
  spike: boolean;
}

/** What every chart on a title's time axis is drawn from, and how it is shown. */
export interface TimeChartView {
  points: TimelinePoint[];
  /** The release bucket's x key, when it is on the axis. */
  release: string | null;
  releaseDate: string | null;
  axis: Axis;
  bucket: Bucket;
  scale: "raw" | "share";
}

/** The release date widens the calendar range only when this close, so one bad date cannot stretch the axis. */
export const MAX_RELEASE_GAP_DAYS = 366;

/** The relative axis: from T−before to T+after (whole weeks when bucketed by week). */
export const RELATIVE_WINDOW = { before: 120, after: 60 } as const;

export interface TimelineSeries {
  points: TimelinePoint[];
  /** The x key of the bucket holding the release date when it is on the axis (it gets a reference line). */
  release: string | null;
  axis: Axis;
  bucket: Bucket;
  /** Dated documents that fall outside the relative window (0 on the calendar axis). */
  outside: number;
}

export interface SeriesOptions {
  axis?: Axis;
  bucket?: Bucket;
  /** Every title's coverage per day, for the normalised view. */
  tracked?: readonly TrackedCoverageRow[];
}

interface Frame {
  keys: string[];
  firstDays: string[];
  /** Bucket index of a calendar day, or -1 when off the axis. */
  indexOf(day: string): number;
}

function calendarFrame(rows: readonly TimelineRow[], releaseDate: string | null, bucket: Bucket): Frame {
  let first = rows[0].day;
  let last = rows[rows.length - 1].day;
  if (releaseDate) {
    if (releaseDate < first && daysBetween(releaseDate, first) <= MAX_RELEASE_GAP_DAYS) first = releaseDate;
    if (releaseDate > last && daysBetween(last, releaseDate) <= MAX_RELEASE_GAP_DAYS) last = releaseDate;
  }
  const size = bucket === "week" ? 7 : 1;
  const start = bucket === "week" ? weekStart(first) : first;
  const count = Math.floor(daysBetween(start, last) / size) + 1;
  const firstDays = Array.from({ length: count }, (_, i) => addDays(start, i * size));
  return {
    keys: firstDays,
    firstDays,
    indexOf: (day) => {
      const i = Math.floor(daysBetween(start, day) / size);
      return i >= 0 && i < count ? i : -1;
    },
  };
}

function relativeFrame(releaseDate: string, bucket: Bucket): Frame {
  const size = bucket === "week" ? 7 : 1;
  const startOffset = Math.floor(-RELATIVE_WINDOW.before / size) * size;
  const endOffset = Math.floor(RELATIVE_WINDOW.after / size) * size;
  const count = (endOffset - startOffset) / size + 1;
  const offsets = Array.from({ length: count }, (_, i) => startOffset + i * size);
  return {
    keys: offsets.map(String),
    firstDays: offsets.map((o) => addDays(releaseDate, o)),
    indexOf: (day) => {
      const i = Math.floor((daysBetween(releaseDate, day) - startOffset) / size);
      return i >= 0 && i < count ? i : -1;
    },
  };
}

export function buildTimelineSeries(rows: readonly TimelineRow[], releaseDate: string | null, options: SeriesOptions = {}): TimelineSeries {
  const bucket = options.bucket ?? "day";
  // Without a release date there is no T0: the relative axis falls back to calendar dates.
  const axis: Axis = options.axis === "relative" && releaseDate ? "relative" : "calendar";
  if (rows.length === 0 && axis === "calendar") return { points: [], release: null, axis, bucket, outside: 0 };
  const frame = axis === "relative" ? relativeFrame(releaseDate!, bucket) : calendarFrame(rows, releaseDate, bucket);
  const size = bucket === "week" ? 7 : 1;
  const points: TimelinePoint[] = frame.keys.map((x, i) => ({
    x,
    day: frame.firstDays[i],
    lastDay: addDays(frame.firstDays[i], size - 1),
    offset: releaseDate ? daysBetween(releaseDate, frame.firstDays[i]) : null,
    documents: 0,
    anticipation: 0,
    reception: 0,
    anticipationStance: null,
    receptionStance: null,
    anticipationN: 0,
    receptionN: 0,
    articles: 0,
    reviews: 0,
    excitement: 0,
    hype: 0,
    tracked: 0,
    share: null,
    hypeShare: null,
    baseline: null,
    ratio: null,
    spike: false,
  }));
  const sums = points.map(() => ({ anticipation: 0, reception: 0 }));
  let outside = 0;
  for (const row of rows) {
    const i = frame.indexOf(row.day);
    if (i < 0) {
      outside += row.documents;
      continue;
    }
    const p = points[i];
    p.documents += row.documents;
    p.anticipation += row.anticipationN;
    p.reception += row.receptionN;
    p.anticipationN += row.anticipationN;
    p.receptionN += row.receptionN;
    p.articles += row.anticipationArticles + row.receptionArticles;
    p.reviews += row.anticipationReviews + row.receptionReviews;
    p.excitement += row.excitement;
    sums[i].anticipation += row.anticipationStanceSum;
    sums[i].reception += row.receptionStanceSum;
  }
  for (const t of options.tracked ?? []) {
    const i = frame.indexOf(t.day);
    if (i >= 0) points[i].tracked += t.documents;
  }
  const spikes = detectSpikes(
    points.map((p) => p.documents),
    spikeWindow(bucket),
  );
  points.forEach((p, i) => {
    p.anticipationStance = p.anticipationN ? sums[i].anticipation / p.anticipationN : null;
    p.receptionStance = p.receptionN ? sums[i].reception / p.receptionN : null;
    p.hype = hypeIndex({ documents: p.anticipationN, stanceSum: sums[i].anticipation, excitement: p.excitement });
    // The title's own documents are part of what was tracked, whatever the tracked rows say.
    p.tracked = Math.max(p.tracked, p.documents);
    p.share = perTrackedCoverage(p.documents, p.tracked);
    p.hypeShare = perTrackedCoverage(p.hype, p.tracked);
    p.baseline = spikes[i].baseline;
    p.ratio = spikes[i].ratio;
    p.spike = spikes[i].spike;
  });
  const releaseIndex = releaseDate ? frame.indexOf(releaseDate) : -1;
  return { points, release: releaseIndex >= 0 ? points[releaseIndex].x : null, axis, bucket, outside };
}

/** The x key of the bucket holding a calendar day, or null when the day is off the axis. */
export function bucketKeyOf(series: TimelineSeries, day: string): string | null {
  const hit = series.points.find((p) => p.day <= day && day <= p.lastDay);
  return hit ? hit.x : null;
}
