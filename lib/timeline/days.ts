// Day arithmetic on YYYY-MM-DD strings (UTC, so no time zone can shift a day).
import { fromIsoDay, toIsoDay } from "../calendar";

export function addDays(day: string, days: number): string {
  return toIsoDay(new Date(fromIsoDay(day).getTime() + days * 86_400_000));
}

/** The Monday of the ISO week holding `day` (PostgreSQL's date_trunc('week') agrees). */
export function weekStart(day: string): string {
  const weekday = fromIsoDay(day).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}
