// Events added by hand to a title's timeline (npm run events -- add …). Detected events are
// computed from the coverage on every read (lib/queries/getTitleEvents.ts), so they are never stale.
import { fromIsoDay } from "../calendar";
import { getDb } from "../db/client";

export interface SavedEvent {
  id: number;
  day: string;
  label: string;
  /** False when the same title, day and label was already there (adding twice is harmless). */
  created: boolean;
}

export async function addTitleEvent(titleId: number, day: string, label: string): Promise<SavedEvent> {
  const db = await getDb();
  const where = { titleId_day_label: { titleId, day: fromIsoDay(day), label } };
  const existing = await db.titleEvent.findUnique({ where, select: { id: true } });
  if (existing) return { id: existing.id, day, label, created: false };
  const row = await db.titleEvent.create({ data: { titleId, day: fromIsoDay(day), label, origin: "manual" }, select: { id: true } });
  return { id: row.id, day, label, created: true };
}

/** Removes one event; false when there was none with that day and label. */
export async function removeTitleEvent(titleId: number, day: string, label: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.titleEvent.deleteMany({ where: { titleId, day: fromIsoDay(day), label } });
  return count > 0;
}
