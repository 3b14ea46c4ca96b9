// Calendar dates travel as YYYY-MM-DD strings; the database stores them as DATE. These helpers
// convert at the edges without letting the local time zone shift a day.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((fromIsoDay(b).getTime() - fromIsoDay(a).getTime()) / 86_400_000);
}
