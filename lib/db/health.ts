// Is the database answering? Asked by proxy.ts before every request, so during an outage pages
// and routes answer 503 with Retry-After at once instead of failing half way. A busy server asks
// at most once a second: the answer is cached (shorter while down, to notice the recovery fast).
// The probe uses its own short-lived connection, never the app's pool: under load the pool can
// be fully in use, and a probe queued behind it would report a healthy database as down.
// Each change of state is logged once (not once per request), so an operator reading the server
// log sees when an outage began, why, and when it ended.
import pg from "pg";
import { getEnv } from "../env";
import { describeDbError } from "./retry";

const UP_TTL_MS = 1000;
const DOWN_TTL_MS = 500;
const PROBE_TIMEOUT_MS = 3000;

interface HealthState {
  up: boolean;
  checkedAt: number;
  pending?: Promise<boolean>;
}

// One state per process, shared by the proxy and the route handlers' bundles.
const globalForHealth = globalThis as unknown as { hypelineDbHealth?: HealthState };

/** Why the probe failed, or null when the database answered. */
async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return describeDbError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Records the new state, logging only a change: one line when an outage starts, one when it ends. */
function settle(state: HealthState, up: boolean, reason: string): void {
  if (state.up && !up) console.error(`[db] database unavailable (${reason}): answering 503 with Retry-After until it is back`);
  if (!state.up && up) console.error("[db] database answering again");
  Object.assign(state, { up, checkedAt: Date.now() });
}

/**
 * A query just failed because the connection did (instrumentation.ts, lib/http.ts): answer 503
 * from now on, without waiting for the next probe, until a probe finds the database again.
 */
export function reportDatabaseDown(reason = "a query lost its connection"): void {
  const state = (globalForHealth.hypelineDbHealth ??= { up: true, checkedAt: 0 });
  if (!state.pending) settle(state, false, reason);
}

/**
 * True when the database answered within the last second (or answers now). Without a
 * DATABASE_URL (the embedded server is started lazily by the first query) there is nothing to
 * probe yet, and the request goes on.
 */
export async function databaseIsUp(): Promise<boolean> {
  const url = getEnv().DATABASE_URL;
  if (!url) return true;
  const state = (globalForHealth.hypelineDbHealth ??= { up: true, checkedAt: 0 });
  if (Date.now() - state.checkedAt < (state.up ? UP_TTL_MS : DOWN_TTL_MS)) return state.up;
  state.pending ??= probe(url).then((failure) => {
    state.pending = undefined;
    settle(state, failure === null, failure ?? "");
    return failure === null;
  });
  return state.pending;
}
