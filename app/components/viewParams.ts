// The URL state of the title and compare pages: filters (lib/filters.ts) plus how the timeline is
// drawn. Everything lives in the query string so a copied link opens the same view; a bad value
// falls back to its default instead of failing the page.
import { z } from "zod";
import { type ViewFilters, filterParams, parseViewFilters } from "@/lib/filters";

export type SearchParams = Record<string, string | string[] | undefined>;

const viewSchema = z.object({
  axis: z.enum(["calendar", "relative"]).catch("calendar"),
  bucket: z.enum(["day", "week"]).catch("day"),
  scale: z.enum(["raw", "share"]).catch("raw"),
});

export type TimelineView = z.infer<typeof viewSchema>;

export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseView(params: SearchParams, defaults: Partial<TimelineView> = {}): TimelineView {
  return viewSchema.parse({
    axis: first(params.axis) ?? defaults.axis,
    bucket: first(params.bucket) ?? defaults.bucket,
    scale: first(params.scale) ?? defaults.scale,
  });
}

export interface PageState {
  filters: ViewFilters;
  /** Filters dropped because their value was invalid (shown to the reader). */
  dropped: string[];
  view: TimelineView;
}

export function parsePageState(params: SearchParams, defaults: Partial<TimelineView> = {}): PageState {
  const { filters, dropped } = parseViewFilters(params);
  return { filters, dropped, view: parseView(params, defaults) };
}

/** Query string of a page state (filters, then view settings that differ from the defaults). */
export function stateQuery(state: { filters: ViewFilters; view: TimelineView }, defaults: TimelineView = DEFAULT_VIEW): URLSearchParams {
  const params = filterParams(state.filters);
  for (const key of ["axis", "bucket", "scale"] as const) {
    if (state.view[key] !== defaults[key]) params.set(key, state.view[key]);
  }
  return params;
}

export const DEFAULT_VIEW: TimelineView = { axis: "calendar", bucket: "day", scale: "raw" };

/** `base` + query string, or just `base` when there is none. */
export function withQuery(base: string, params: URLSearchParams, hash = ""): string {
  const query = params.toString();
  return `${base}${query ? `?${query}` : ""}${hash}`;
}

/** The CSV link of a dataset under the given filters (and a title). */
export function csvHref(dataset: string, filters: ViewFilters, title?: string): string {
  const params = filterParams(filters);
  if (title) params.set("title", title);
  // The title first: it reads as "this title's CSV, filtered".
  const ordered = new URLSearchParams([...params.entries()].sort(([a], [b]) => (a === "title" ? -1 : b === "title" ? 1 : 0)));
  return withQuery(`/api/export/${dataset}`, ordered);
}
