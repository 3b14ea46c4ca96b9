// Riding out a database restart. A connection-level failure (server restarting, connection
// reset, refused while it comes back) is retried with backoff; anything else (a constraint, a
// bad value) is a real error and is thrown at once. Safe only around work that is idempotent or
// transactional: a store either committed (the retry then finds it by content hash) or left
// nothing behind.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Delay before the first retry; doubled for each next one. */
  baseDelayMs: number;
}

/** 6 tries over about 15 s (0.5 + 1 + 2 + 4 + 8): long enough for a server restart. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500 };

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: admin shutdown,
// crash shutdown, cannot connect now), 53300 too many connections; Node socket errors.
const CONNECTION_CODES = /^(08|57P0[1-4]$|53300$|ECONNREFUSED$|ECONNRESET$|ETIMEDOUT$|EPIPE$|ENOTCONN$|EHOSTUNREACH$|P1001$|P1002$|P1017$)/;
// Prisma driver-adapter error kinds (@prisma/driver-adapter-utils) for the same situations.
const CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// pg reports a dropped socket without a code; Prisma folds the SQLSTATE of a server that is
// shutting down or starting (57P03) into its message ("Database error. Code: `57P03`").
const CONNECTION_MESSAGES = /connection terminated|terminating connection|server closed the connection|not queryable|connection (?:is )?closed|can't reach database server|connect ECONNREFUSED|read ECONNRESET|the database system is (?:shutting down|starting up|not yet accepting connections|in recovery mode)|Code: `(?:08[0-9A-Z]{3}|57P0[1-4])`/i;

/**
 * True when the error (or anything in its `cause` chain, or the driver error a Prisma error
 * carries in `meta.driverAdapterError`) says the connection, not the query, failed.
 */
export function isConnectionError(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; seen < 12 && pending.length; seen++) {
    const e = pending.shift() as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | null;
    if (!e || typeof e !== "object") continue;
    for (const code of [e.code, e.originalCode]) if (typeof code === "string" && CONNECTION_CODES.test(code)) return true;
    if (typeof e.kind === "string" && CONNECTION_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && CONNECTION_MESSAGES.test(e.message)) return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/**
 * One line saying what went wrong. Prisma's messages open with the call site ("Invalid
 * `db.x.findMany()` invocation in …") and end with the reason, so the last line is taken.
 */
export function describeDbError(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown } | undefined;
  const lines = String(e?.message ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const line = /^Invalid `/.test(lines[0] ?? "") ? lines.at(-1) : lines[0];
  return line || (typeof e?.code === "string" ? e.code : "unknown error");
}

/** The database stayed unreachable through every retry. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`, retrying it on connection errors. `onRetry` hears of each retry (to tell the user);
 * after the last try it throws DatabaseUnavailableError with a message that says what happened.
 */
export async function withDbRetry<T>(work: (attempt: number) => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY, onRetry?: (attempt: number, error: unknown, delayMs: number) => void): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (attempt >= policy.attempts) {
        const reason = describeDbError(error);
        throw new DatabaseUnavailableError(
          `lost the database connection (${reason}) and it did not come back after ${policy.attempts} tries over ${(waited / 1000).toFixed(1)} s. Check that PostgreSQL is running and DATABASE_URL points at it`,
          error,
        );
      }
      const delay = policy.baseDelayMs * 2 ** (attempt - 1);
      onRetry?.(attempt, error, delay);
      await sleep(delay);
      waited += delay;
    }
  }
}
