// The documents table's state lives in the URL (?sort=date|stance&dir=asc|desc&page=N) so a
// view can be shared. Bad values fall back to the defaults instead of failing the page.
import { z } from "zod";
import type { TitleDocumentsOptions } from "@/lib/queries/getTitleDocuments";

export const DOCUMENTS_PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;
export type TableParams = Omit<TitleDocumentsOptions, "pageSize">;

const schema = z.object({
  sort: z.enum(["date", "stance"]).catch("date"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export function parseTableParams(searchParams: SearchParams): TableParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return schema.parse({
    sort: first(searchParams.sort),
    dir: first(searchParams.dir),
    page: first(searchParams.page) ?? 1,
  });
}

/** The table's address; `keep` carries the rest of the page state (filters, timeline view). */
export function tableHref(slug: string, params: TableParams, keep?: URLSearchParams): string {
  const query = new URLSearchParams(keep);
  query.set("sort", params.sort);
  query.set("dir", params.dir);
  query.set("page", String(params.page));
  return `/titles/${encodeURIComponent(slug)}?${query.toString()}#documents`;
}
