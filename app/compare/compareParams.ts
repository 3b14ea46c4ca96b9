// /compare?titles=a,b,c: the chosen titles, from a comma list (the canonical, shareable form) or
// repeated ?titles= fields (what the picker's plain form submits without JavaScript).
import { z } from "zod";
import { first, type SearchParams } from "@/app/components/viewParams";

export const MAX_COMPARED = 6;

const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

export function parseCompareTitles(params: SearchParams): { slugs: string[]; invalid: string[] } {
  const raw = params.titles;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(","));
  const slugs: string[] = [];
  const invalid: string[] = [];
  for (const value of values.map((v) => v.trim()).filter(Boolean)) {
    if (!slugSchema.safeParse(value).success) invalid.push(value);
    else if (!slugs.includes(value)) slugs.push(value);
  }
  return { slugs: slugs.slice(0, MAX_COMPARED), invalid };
}

/** The canonical address: titles as one comma list, then the other state. */
export function compareHref(slugs: readonly string[], rest: URLSearchParams): string {
  const params = new URLSearchParams();
  if (slugs.length) params.set("titles", slugs.join(","));
  for (const [k, v] of rest) if (k !== "titles") params.set(k, v);
  // Commas stay readable in the address bar.
  const query = params.toString().replace(/%2C/g, ",");
  return `/compare${query ? `?${query}` : ""}`;
}

export { first };
