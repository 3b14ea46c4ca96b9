// Display formatting shared by pages and charts. Dates are calendar days (YYYY-MM-DD) and are
// formatted in UTC so the server and the browser never disagree by a day.
import type { DateSource, Phase } from "@/lib/analysis/types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MINUS = "\u2212";

function parts(day: string): { y: number; m: number; d: number } {
  const [y, m, d] = day.split("-").map(Number);
  return { y, m, d };
}

/** 2025-06-06 → "6 Jun 2025" */
export function formatDay(day: string): string {
  const { y, m, d } = parts(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 2025-06-06 → "6 Jun" (chart ticks, where the year is in the range label). */
export function formatShortDay(day: string): string {
  const { m, d } = parts(day);
  return `${d} ${MONTHS[m - 1]}`;
}

/** 2025-06-06 → "Jun 2025" (ticks of a range longer than a year). */
export function formatMonth(day: string): string {
  const { y, m } = parts(day);
  return `${MONTHS[m - 1]} ${y}`;
}

/** Days from release: −14 → "T−14", 0 → "T0", 7 → "T+7". */
export function formatOffset(days: number): string {
  if (days === 0) return "T0";
  return `T${days > 0 ? "+" : MINUS}${Math.abs(days)}`;
}

/** A signed number with a typographic minus and fixed digits: +12.3, −4.0. */
export function formatSigned(value: number, digits = 1): string {
  const fixed = Math.abs(value).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${value > 0 ? "+" : MINUS}${fixed}`;
}

/** ISO timestamp → "21 Nov 2026, 11:57 UTC" */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  const day = date.toISOString().slice(0, 10);
  return `${formatDay(day)}, ${date.toISOString().slice(11, 16)} UTC`;
}

/** A stance score with its sign and a typographic minus: +0.42, −0.13, 0.00. */
export function formatStance(score: number, digits = 2): string {
  const fixed = Math.abs(score).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${score > 0 ? "+" : MINUS}${fixed}`;
}

/** An axis tick on the −1…1 stance axis. */
export function formatStanceTick(value: number): string {
  if (value === 0) return "0";
  return `${value > 0 ? "+" : MINUS}${Math.abs(value)}`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** How the publication date was known, in the words the document page uses. */
export const DATE_SOURCE_LABELS: Record<DateSource, string> = {
  metadata: "from page metadata",
  text: "from the text",
  url: "from the URL",
  cli: "given with --date",
  none: "undated",
};

export const PHASE_LABELS: Record<Phase, string> = {
  anticipation: "Anticipation",
  reception: "Reception",
};

/** Only http(s) URLs become links: stored URLs come from scraped input. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
