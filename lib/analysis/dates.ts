// Publication dates: where a document's date comes from, and how sure we are of it.
// A date is never guessed: metadata → a leading marker in the text → the URL → the CLI → undated.
import type { DateSource } from "./types";

export interface FindDateInput {
  metadataDate?: string | null;
  text: string;
  url?: string | null;
  cliDate?: string | null;
}

export interface FoundDate {
  /** YYYY-MM-DD, or null when the document is undated. */
  publishedAt: string | null;
  dateSource: DateSource;
  /** The text with a leading date marker removed (removed whatever source won). */
  rest: string;
  warnings: string[];
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
const ORDINAL = "(?:st|nd|rd|th)?";
// Clock time and zone that may trail a date ("T10:00:00Z", " 10:00:00 +0000", " at 9:00 GMT").
const TIME_TAIL = "(?:(?:T|\\s+(?:at\\s+)?|,\\s*)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[ECMP][SD]T)?)?";

/** Each written form of a day, with the order of its captured parts. */
const DATE_FORMS: { source: string; order: "ymd" | "mdy" | "dmy" | "numeric" }[] = [
  { source: "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})", order: "ymd" },
  { source: `${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})`, order: "mdy" },
  { source: `${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`, order: "dmy" },
  { source: "(\\d{1,2})/(\\d{1,2})/(\\d{4})", order: "numeric" },
];

const WHOLE_DATE = DATE_FORMS.map((form) => ({
  re: new RegExp(`^${form.source}${TIME_TAIL}$`, "i"),
  order: form.order,
}));

/** Any one date form, for embedding in larger patterns (no capture groups of its own). */
const ANY_DATE = DATE_FORMS.map((form) => form.source.replace(/\((?!\?)/g, "(?:")).join("|");

/** YYYY-MM-DD when the parts name a real day in the accepted range, else null. */
export function toIsoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March; a mismatch means the day does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// One definition of "a real day written YYYY-MM-DD" for the whole project.
export { isIsoDay } from "../calendar";

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")] ?? 0;
}

/**
 * Parse one date written on its own: "2025-06-06", "2025-06-06T10:00:00Z", "June 6, 2025",
 * "Jun. 6th 2025", "6 June 2025", "Thu, 06 Jun 2025 10:00:00 +0000", "06/20/2025".
 * Returns YYYY-MM-DD (the day as written, ignoring any time zone) or null. Numeric
 * day/month forms are accepted only when unambiguous (one part above 12, or both equal).
 */
export function parseLooseDate(s: string): string | null {
  const input = s.trim().replace(/\s+/g, " ");
  for (const { re, order } of WHOLE_DATE) {
    const m = re.exec(input);
    if (!m) continue;
    switch (order) {
      case "ymd":
        return toIsoDay(Number(m[1]), Number(m[2]), Number(m[3]));
      case "mdy":
        return toIsoDay(Number(m[3]), monthNumber(m[1]), Number(m[2]));
      case "dmy":
        return toIsoDay(Number(m[3]), monthNumber(m[2]), Number(m[1]));
      case "numeric": {
        const a = Number(m[1]);
        const b = Number(m[2]);
        const year = Number(m[3]);
        if (a > 12 && b <= 12) return toIsoDay(year, b, a);
        if (b > 12 && a <= 12) return toIsoDay(year, a, b);
        if (a === b) return toIsoDay(year, a, b);
        return null;
      }
    }
  }
  return null;
}

// Invisible characters a scraper may leave before the first word.
const LEADING_INVISIBLES = /^[\s\u200b\u200c\u200d\u2060\ufeff]+/;
const MARKER_WORD = "(?:date|dated|published(?:\\s+on)?|posted(?:\\s+on)?|updated(?:\\s+on)?)";
const SEPARATOR = "[-–—|·•:,]";
// "date 2025-03-20 The first…", "Published: 20 March 2025", "Date: March 20, 2025"
const MARKED_DATE = new RegExp(
  `^${MARKER_WORD}\\s*[:\\-–—]?\\s*(${ANY_DATE})${TIME_TAIL}[ \\t]*(?:${SEPARATOR}[ \\t]*)?`,
  "i",
);
// A bare date is only a marker when it stands alone on the line or is set off by a dash/bar.
const BARE_DATE = new RegExp(`^(${ANY_DATE})${TIME_TAIL}\\s*(?:(?:[-–—|·•])[ \\t]*|(?=\\n|$))`, "i");

export interface LeadingDateMarker {
  /** The date the marker names, or null when it names no real day. */
  date: string | null;
  /** The marker as written, trimmed. */
  marker: string;
  rest: string;
}

/**
 * Find a loose date marker at the very start of the text (first line only) and cut it off.
 * Returns null when the text does not start with one, so body dates are never taken.
 */
export function splitLeadingDateMarker(text: string): LeadingDateMarker | null {
  const start = LEADING_INVISIBLES.exec(text)?.[0].length ?? 0;
  const head = text.slice(start);
  const m = MARKED_DATE.exec(head) ?? BARE_DATE.exec(head);
  if (!m) return null;
  return {
    date: parseLooseDate(m[1]),
    marker: m[0].trim(),
    rest: head.slice(m[0].length).replace(/^[ \t]*\n?/, ""),
  };
}

// Dated permalinks: /2025/03/20/slug or /2025-03-20-slug.
const URL_DATE_PATTERNS = [/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=\/|$)/, /\/(\d{4})-(\d{2})-(\d{2})(?=[-/_.]|$)/];

/** The day a URL's path names, or null (query strings and hosts are ignored). */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0];
  }
  for (const re of URL_DATE_PATTERNS) {
    const m = re.exec(path);
    if (m) {
      const iso = toIsoDay(Number(m[1]), Number(m[2]), Number(m[3]));
      if (iso) return iso;
    }
  }
  return null;
}

export function findDate(input: FindDateInput): FoundDate {
  const warnings: string[] = [];
  const marker = splitLeadingDateMarker(input.text);
  const rest = marker ? marker.rest : input.text;
  const done = (publishedAt: string | null, dateSource: DateSource): FoundDate => ({
    publishedAt,
    dateSource,
    rest,
    warnings,
  });

  const metadata = input.metadataDate?.trim();
  if (metadata) {
    const iso = parseLooseDate(metadata);
    if (iso) return done(iso, "metadata");
    warnings.push(
      `Metadata date "${metadata}" is not a valid date (expected e.g. 2025-03-20 or March 20, 2025); looked for the date in the text, URL and --date instead.`,
    );
  }
  if (marker) {
    if (marker.date) return done(marker.date, "text");
    warnings.push(`The leading date marker "${marker.marker}" does not name a real day; it was ignored.`);
  }
  if (input.url) {
    const iso = dateFromUrl(input.url);
    if (iso) return done(iso, "url");
  }
  const cli = input.cliDate?.trim();
  if (cli) {
    const iso = parseLooseDate(cli);
    if (iso) return done(iso, "cli");
    warnings.push(`--date "${cli}" is not a valid date (use YYYY-MM-DD, e.g. --date 2025-03-20); the document is undated.`);
  }
  return done(null, "none");
}
