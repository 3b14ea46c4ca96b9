import { cache } from "react";
import { getIngestRun, RUN_ITEM_STATUSES, type RunItemStatus } from "@/lib/queries/getIngestRun";

const MAX_ID = 2_147_483_647; // ingest_runs.id is a PostgreSQL integer
export const ITEMS_SHOWN = 500;

/** A run id from the URL, or null when it cannot be one (never a database error). */
export function parseRunId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= MAX_ID ? id : null;
}

export function parseItemStatus(raw: string | string[] | undefined): RunItemStatus | undefined {
  return typeof raw === "string" && (RUN_ITEM_STATUSES as readonly string[]).includes(raw) ? (raw as RunItemStatus) : undefined;
}

// Shared by the layout (the 404 check), the metadata and the page within one request.
export const loadRun = cache(async (raw: string, status?: RunItemStatus) => {
  const id = parseRunId(raw);
  return id === null ? null : getIngestRun(id, { status, limit: ITEMS_SHOWN });
});
