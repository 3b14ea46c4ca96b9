import { getDb } from "../db/client";
import { type IngestRunRow, RUN_ROW_SELECT, toRunRow } from "./getIngestRuns";

export type RunItemStatus = "stored" | "duplicate" | "failed";
export const RUN_ITEM_STATUSES: readonly RunItemStatus[] = ["stored", "duplicate", "failed"];

export interface IngestRunItemRow {
  id: number;
  item: string;
  status: RunItemStatus;
  /** The stored (or already stored) document; null for failures, or when it was deleted since. */
  document: { id: number; headline: string | null } | null;
  error: string | null;
}

export interface IngestRunDetail extends IngestRunRow {
  /** Errors that ended the run rather than one item (item "(run)"). */
  runErrors: string[];
  /** Per-item errors kept on the run itself: the only record for runs older than per-item rows. */
  itemErrors: { item: string; error: string }[];
  items: IngestRunItemRow[];
  /** Items per status over the whole run (items may be filtered and cut to `limit`). */
  itemCounts: Record<RunItemStatus, number>;
}

function parseErrors(value: unknown): { item: string; error: string }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is { item: unknown; error: unknown } => typeof e === "object" && e !== null)
    .map((e) => ({ item: String(e.item ?? ""), error: String(e.error ?? "") }));
}

/** One run with its items (in the order they were handled); null when there is no such run. */
export async function getIngestRun(id: number, options: { status?: RunItemStatus; limit?: number } = {}): Promise<IngestRunDetail | null> {
  const db = await getDb();
  const run = await db.ingestRun.findUnique({ where: { id }, select: { ...RUN_ROW_SELECT, errors: true } });
  if (!run) return null;
  const [items, grouped] = await Promise.all([
    db.ingestRunItem.findMany({
      where: { runId: id, ...(options.status && { status: options.status }) },
      orderBy: { id: "asc" },
      take: options.limit ?? 500,
      select: { id: true, item: true, status: true, error: true, document: { select: { id: true, headline: true } } },
    }),
    db.ingestRunItem.groupBy({ by: ["status"], where: { runId: id }, _count: { _all: true } }),
  ]);
  const itemCounts: Record<RunItemStatus, number> = { stored: 0, duplicate: 0, failed: 0 };
  for (const g of grouped) if (g.status in itemCounts) itemCounts[g.status as RunItemStatus] = g._count._all;
  const errors = parseErrors(run.errors);
  const { errors: _raw, ...row } = run;
  return {
    ...toRunRow(row),
    runErrors: errors.filter((e) => e.item === "(run)").map((e) => e.error),
    itemErrors: errors.filter((e) => e.item !== "(run)"),
    items: items.map((i) => ({ id: i.id, item: i.item, status: i.status as RunItemStatus, document: i.document, error: i.error })),
    itemCounts,
  };
}
