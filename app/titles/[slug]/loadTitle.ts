import { cache } from "react";
import { getTitleBySlug } from "@/lib/queries/getTitleBySlug";

/** One title query per request, shared by the layout's 404 check, metadata and the page. */
export const loadTitle = cache(getTitleBySlug);
