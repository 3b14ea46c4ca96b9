// Internal to lib/queries: the filters the title page's theme panels share (date range, kind,
// source), as SQL conditions over a documents table aliased `d` and a sources table aliased `src`.
import { z } from "zod";
import { isIsoDay } from "../calendar";
import { Prisma } from "../generated/prisma/client";

export const themeFiltersSchema = z
  .object({
    from: z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD" }).optional(),
    to: z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD" }).optional(),
    kind: z.enum(["review", "article"]).optional(),
    /** Source name as stored (e.g. "Reel Pulse"). */
    source: z.string().min(1).max(200).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export type ThemeFilters = z.infer<typeof themeFiltersSchema>;

export function hasFilters(filters: ThemeFilters): boolean {
  return Boolean(filters.from || filters.to || filters.kind || filters.source);
}

/**
 * Conditions for the filters; with a date range, undated documents cannot be placed in it and are
 * left out. Copies are always left out: their original already counts.
 */
export function documentConditions(filters: ThemeFilters): Prisma.Sql {
  const from = filters.from ?? null;
  const to = filters.to ?? null;
  const kind = filters.kind ?? null;
  const source = filters.source ?? null;
  return Prisma.sql`d.duplicate_of_id is null
    and (${from}::date is null or d.published_at >= ${from}::date)
    and (${to}::date is null or d.published_at <= ${to}::date)
    and (${kind}::text is null or d.kind::text = ${kind}::text)
    and (${source}::text is null or d.source_id = (select id from sources where name = ${source}::text))`;
}
