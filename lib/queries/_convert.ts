// Internal to lib/queries: values leave the query layer as plain JSON-safe data, so pages can
// hand them to client components and exports can write them without knowing about drivers.

/** A DATE column (read by the driver as UTC midnight) as YYYY-MM-DD. */
export function isoDay(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** bigint (count), Decimal (numeric) or number from a raw query as a plain number. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/** Like toNumber, but a SQL NULL (an average over no rows) stays null instead of becoming 0. */
export function toNullableNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
