// One transaction on a pooled client: commit when `work` resolves, roll back when it throws.
import type pg from "pg";
import { getPool } from "./client";

/** Where a write runs: the transaction's client, or anything that queries the same way. */
export type Queryable = Pick<pg.PoolClient, "query">;

export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await (await getPool()).connect();
  let failure: Error | undefined;
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    failure = error as Error;
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    // A client that failed mid-transaction may have lost its connection: discard it, never reuse it.
    client.release(failure);
  }
}
