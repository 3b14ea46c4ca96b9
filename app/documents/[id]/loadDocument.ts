import { cache } from "react";
import { getDocument } from "@/lib/queries/getDocument";

const MAX_ID = 2_147_483_647; // documents.id is a PostgreSQL integer

/**
 * One document query per request (layout check, metadata, page). Non-numeric or out-of-range
 * ids are simply "no such document", never a database error.
 */
export const loadDocument = cache(async (raw: string) => {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_ID) return null;
  return getDocument(Number(raw));
});
