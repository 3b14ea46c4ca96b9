// Rows that several documents upsert (keyphrases, people) are written in key order, so two
// transactions touching the same rows lock them in the same order and cannot deadlock.

/** A copy of `rows` in key order (code-unit order: the same in every process). */
export function inLockOrder<T extends { key: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
