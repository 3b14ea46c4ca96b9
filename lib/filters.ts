// The view filters a title page, the compare page and every CSV export share: one schema, so a
// copied link and its CSV links select the same documents.
import { z } from "zod";
import { ASPECT_KEYS } from "./analysis/aspects";
import { isIsoDay } from "./calendar";

const day = z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD, e.g. 2025-06-06" });

export const viewFilterShape = {
  from: day.optional(),
  to: day.optional(),
  kind: z.enum(["review", "article"], { message: 'expected kind "review" or "article"' }).optional(),
  phase: z.enum(["anticipation", "reception"], { message: 'expected phase "anticipation" or "reception"' }).optional(),
  /** Source name as stored, e.g. "Reel Pulse". */
  source: z.string().trim().min(1).max(200).optional(),
  /** Documents with at least one sentence about the aspect (lib/analysis/aspects.ts). */
  aspect: z.enum(ASPECT_KEYS, { message: `expected an aspect: ${ASPECT_KEYS.join(", ")}` }).optional(),
};

export const FILTER_KEYS = ["from", "to", "kind", "phase", "source", "aspect"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const viewFiltersSchema = z
  .object(viewFilterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export type ViewFilters = z.infer<typeof viewFiltersSchema>;

/**
 * Filters from URL search params, field by field: a bad value (a typo in a shared link) drops
 * that one filter instead of failing the page; an inverted range drops the range. The page shows
 * what it dropped.
 */
export function parseViewFilters(params: Record<string, string | string[] | undefined>): { filters: ViewFilters; dropped: string[] } {
  const filters: Record<string, string> = {};
  const dropped: string[] = [];
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = viewFilterShape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
    else dropped.push(key);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    delete filters.from;
    delete filters.to;
    dropped.push("from", "to");
  }
  return { filters: filters as ViewFilters, dropped };
}

/** The filters as URL search params (only those set), in a stable order. */
export function filterParams(filters: ViewFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function hasViewFilters(filters: ViewFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]));
}
