// Several independent writes as ONE statement of data-modifying CTEs: each statement is a round
// trip and a socket write on both sides, which the profile of an ingest showed to be most of the
// main thread's time per document. Each write is written with its own $1…$n; composing renumbers.
type Queryable = { query: (text: string, values: unknown[]) => Promise<unknown> };

export interface CteWrite {
  /** Top-level CTEs, in order; a later one may read an earlier one's RETURNING (same write only). */
  ctes: { name: string; sql: string }[];
  params: unknown[];
}

export function composeWrites(writes: readonly CteWrite[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const ctes: string[] = [];
  for (const write of writes) {
    const offset = values.length;
    for (const cte of write.ctes) ctes.push(`${cte.name} as (${cte.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    values.push(...write.params);
  }
  return { text: `with ${ctes.join(",\n")}\nselect 1`, values };
}

/** Runs the writes as one statement (none: no statement). */
export async function runWrites(client: Queryable, writes: readonly (CteWrite | null)[]): Promise<void> {
  const present = writes.filter((w): w is CteWrite => w !== null);
  if (present.length === 0) return;
  const { text, values } = composeWrites(present);
  await client.query(text, values);
}
