// What a client may ask of the job queue, validated the same way by the /jobs form, the route
// handlers and the feeds CLI. Pure (zod only) so the browser form can import it.
import { z } from "zod";

const DOCUMENT_KINDS = ["review", "article"] as const;

/** Only http(s): anything else (file:, data:, javascript:) would let a caller make the server read its own disk. */
export const httpUrlSchema = z
  .string({ error: "give the address of a page or an RSS/Atom feed" })
  .trim()
  .min(1, "give the address of a page or an RSS/Atom feed")
  .max(2000, "the address is longer than 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, "expected an http:// or https:// address, e.g. https://example.com/feed.xml");

/** Optional free text: an empty field means "not given". */
const optionalTitle = z
  .string()
  .trim()
  .max(200, "the title is longer than 200 characters")
  .optional()
  .transform((value) => value || undefined);

const optionalKind = z
  .union([z.enum(DOCUMENT_KINDS, { message: 'kind must be "review" or "article" (or left out to infer it)' }), z.literal("")])
  .optional()
  .transform((value) => value || undefined);

export const MIN_EVERY_MINUTES = 5;
export const MAX_EVERY_MINUTES = 30 * 24 * 60;
const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;

/** "30m" | "6h" | "1d" → minutes. Throws an Error whose message says what to write instead. */
export function parseEvery(value: string): number {
  const match = /^\s*(\d{1,6})\s*([mhd])\s*$/i.exec(value);
  if (!match) throw new Error(`"${value}" is not an interval: write a number and m, h or d, e.g. 30m, 6h or 1d`);
  const minutes = Number(match[1]) * UNIT_MINUTES[match[2].toLowerCase() as keyof typeof UNIT_MINUTES];
  if (minutes < MIN_EVERY_MINUTES) throw new Error(`"${value}" is too often: poll at most every ${MIN_EVERY_MINUTES}m`);
  if (minutes > MAX_EVERY_MINUTES) throw new Error(`"${value}" is too rare: poll at least every 30d`);
  return minutes;
}

/** Minutes → the shortest exact form: 360 → "6h", 90 → "90m", 1440 → "1d"; 0 → "not scheduled". */
export function formatEvery(minutes: number): string {
  if (minutes <= 0) return "not scheduled";
  if (minutes % UNIT_MINUTES.d === 0) return `${minutes / UNIT_MINUTES.d}d`;
  if (minutes % UNIT_MINUTES.h === 0) return `${minutes / UNIT_MINUTES.h}h`;
  return `${minutes}m`;
}

export const everySchema = z.string({ error: "give an interval such as 30m, 6h or 1d" }).transform((value, ctx) => {
  try {
    return parseEvery(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

/** POST /api/jobs: ingest one page or feed, once. */
export const queueIngestRequestSchema = z.strictObject({
  target: httpUrlSchema,
  title: optionalTitle,
  kind: optionalKind,
});
export type QueueIngestRequest = z.output<typeof queueIngestRequestSchema>;

/** POST /api/feeds: poll a feed on a schedule. */
export const addFeedRequestSchema = z.strictObject({
  url: httpUrlSchema,
  title: optionalTitle,
  every: everySchema,
});
export type AddFeedRequest = z.output<typeof addFeedRequestSchema>;

/** The intervals the /jobs form offers (any other is accepted by the API and the CLI). */
export const EVERY_CHOICES = ["30m", "1h", "6h", "12h", "1d"] as const;
