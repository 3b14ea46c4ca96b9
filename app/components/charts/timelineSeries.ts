// Timeline rows (only days with documents) → one point per calendar day, so the x axis is
// true calendar time. A day without documents has 0 volume but a null stance: "no evidence",
// not "neutral"; the lines bridge such days with connectNulls.
import { daysBetween, fromIsoDay, toIsoDay } from "@/lib/calendar";
import type { TimelineRow } from "@/lib/queries/getTimeline";

export interface TimelinePoint {
  day: string;
  anticipation: number;
  reception: number;
  anticipationStance: number | null;
  receptionStance: number | null;
  anticipationN: number;
  receptionN: number;
  articles: number;
  reviews: number;
}

/** The release date widens the range only when this close, so one bad date cannot stretch the axis. */
export const MAX_RELEASE_GAP_DAYS = 366;

export interface TimelineSeries {
  points: TimelinePoint[];
  /** The release date when it falls on the axis (and so gets a reference line). */
  release: string | null;
}

export function buildTimelineSeries(rows: readonly TimelineRow[], releaseDate: string | null): TimelineSeries {
  if (rows.length === 0) return { points: [], release: null };
  const byDay = new Map(rows.map((row) => [row.day, row]));
  let first = rows[0].day;
  let last = rows[rows.length - 1].day;
  let release: string | null = null;
  if (releaseDate) {
    if (releaseDate < first && daysBetween(releaseDate, first) <= MAX_RELEASE_GAP_DAYS) first = releaseDate;
    if (releaseDate > last && daysBetween(last, releaseDate) <= MAX_RELEASE_GAP_DAYS) last = releaseDate;
    if (releaseDate >= first && releaseDate <= last) release = releaseDate;
  }
  const points: TimelinePoint[] = [];
  for (let date = fromIsoDay(first); toIsoDay(date) <= last; date = new Date(date.getTime() + 86_400_000)) {
    const day = toIsoDay(date);
    const row = byDay.get(day);
    points.push({
      day,
      anticipation: row?.anticipationN ?? 0,
      reception: row?.receptionN ?? 0,
      anticipationStance: row?.anticipationStance ?? null,
      receptionStance: row?.receptionStance ?? null,
      anticipationN: row?.anticipationN ?? 0,
      receptionN: row?.receptionN ?? 0,
      articles: (row?.anticipationArticles ?? 0) + (row?.receptionArticles ?? 0),
      reviews: (row?.anticipationReviews ?? 0) + (row?.receptionReviews ?? 0),
    });
  }
  return { points, release };
}
