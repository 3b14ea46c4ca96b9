// Events on a title's timeline detected from its coverage: a burst of documents whose headline or
// keyphrases name a trailer, convention footage, a premiere, or the first reviews (the embargo
// lifting). Pure: each document's signals are found once, when it is stored (eventSignals), and
// detection sees per-day counts of them (the title_event_stats rollup), never the documents.
import { daysBetween } from "../calendar";
import { addDays } from "./days";
import { SPIKE_RULE } from "./spikes";

export interface EventKind {
  key: string;
  label: string;
  /**
   * Case-insensitive pattern over a headline or a keyphrase. Written in the regex subset that
   * JavaScript and PostgreSQL (~*) read alike: no \b (a backspace in PostgreSQL), so word edges
   * are spelled (^|[^a-z]) … ([^a-z]|$).
   */
  pattern: string | null;
}

const word = (alternatives: string) => `(^|[^a-z])(${alternatives})([^a-z]|$)`;

/** In priority order: a document naming several kinds counts for each. */
export const EVENT_KINDS = [
  { key: "trailer", label: "Trailer", pattern: word("trailers?|teasers?") },
  { key: "cinemacon", label: "CinemaCon footage", pattern: word("cinemacon") },
  { key: "comic-con", label: "Comic-Con footage", pattern: word("comic-?con|sdcc") },
  { key: "convention", label: "Convention footage", pattern: word("d23|ccxp|conventions?") },
  { key: "premiere", label: "Premiere", pattern: word("premieres?|premiered|festival|tiff|toronto|cannes|venice|sundance|sxsw") },
  // Reviews are counted by kind, not by words: the day reviews appear in numbers is the embargo.
  { key: "reviews", label: "Reviews out (embargo lifts)", pattern: null },
] as const satisfies readonly EventKind[];

export type EventKindKey = (typeof EVENT_KINDS)[number]["key"];

/**
 * The event kinds one document counts for: a review counts for "reviews"; an article for each word
 * kind its headline or one of its keyphrases names (news reports events; reviews mention "the
 * festival" or "the trailer" in passing, so their words never count).
 */
export function eventSignals(kind: "review" | "article", headline: string | null, keyphrases: readonly string[]): EventKindKey[] {
  if (kind === "review") return ["reviews"];
  const texts = headline === null ? keyphrases : [headline, ...keyphrases];
  return EVENT_KINDS.filter((k) => k.pattern !== null && texts.some((text) => matchesKind(k.key, text))).map((k) => k.key);
}

/**
 * Per calendar day: how many of the title's *articles* match each word kind (news reports events;
 * reviews mention "the festival" or "the trailer" in passing), and for "reviews" how many reviews.
 */
export interface DaySignals {
  day: string;
  signals: Partial<Record<EventKindKey, number>>;
}

export interface DetectedEvent {
  /** First day of the burst: the day the first matching document appeared. */
  day: string;
  kind: EventKindKey;
  label: string;
  /** Matching documents in the burst window. */
  documents: number;
}

/**
 * The rule, per kind: a burst starts on a day with a matching document; it holds the matching
 * documents of that day and the next `windowDays` − 1 days. It is an event when that count passes
 * the spike thresholds (SPIKE_RULE: at least minDocuments, and at least factor × the kind's usual
 * weekly count over the `baselineDays` before, floored at SPIKE_RULE.floor). One article naming a
 * trailer is not an event; three in a week, after a quiet month, is. After an event the next burst
 * of the kind may start only once the window is over. Reviews give one event only: the first.
 */
export const EVENT_RULE = { windowDays: 7, baselineDays: 28 } as const;

export function detectEvents(days: readonly DaySignals[]): DetectedEvent[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const first = sorted[0].day;
  const length = daysBetween(first, sorted[sorted.length - 1].day) + 1;
  const events: DetectedEvent[] = [];
  for (const kind of EVENT_KINDS) {
    // A continuous day series for the kind (days without coverage are zeros).
    const counts = new Array<number>(length).fill(0);
    for (const d of sorted) counts[daysBetween(first, d.day)] += d.signals[kind.key] ?? 0;
    for (let i = 0; i < length; i++) {
      if (counts[i] === 0) continue;
      const burst = sum(counts, i, i + EVENT_RULE.windowDays);
      const before = sum(counts, i - EVENT_RULE.baselineDays, i);
      const weeklyBaseline = (before * EVENT_RULE.windowDays) / EVENT_RULE.baselineDays;
      if (burst >= SPIKE_RULE.minDocuments && burst >= SPIKE_RULE.factor * Math.max(weeklyBaseline, SPIKE_RULE.floor)) {
        events.push({ day: addDays(first, i), kind: kind.key, label: kind.label, documents: burst });
        if (kind.key === "reviews") break;
        i += EVENT_RULE.windowDays - 1;
      }
    }
  }
  return events.sort((a, b) => a.day.localeCompare(b.day) || kindOrder(a.kind) - kindOrder(b.kind));
}

// Compiled once: eventSignals runs for every stored document.
const EVENT_REGEXES = new Map<EventKindKey, RegExp>(EVENT_KINDS.flatMap((k) => (k.pattern === null ? [] : [[k.key, new RegExp(k.pattern, "i")] as const])));

/** True when a headline or keyphrase names the kind (eventSignals asks it of every stored article). */
export function matchesKind(kind: EventKindKey, text: string): boolean {
  return EVENT_REGEXES.get(kind)?.test(text) ?? false;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) total += values[i];
  return total;
}

const kindOrder = (key: EventKindKey) => EVENT_KINDS.findIndex((k) => k.key === key);
