// Next.js calls onRequestError for every error a page or route fails with. A lost database
// connection marks the database down at once (lib/db/health.ts), so the next requests get the
// proxy's 503 with Retry-After instead of failing one by one until the next health probe.
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeDbError, isConnectionError } = await import("./lib/db/retry");
  if (!isConnectionError(error)) return;
  const { reportDatabaseDown } = await import("./lib/db/health");
  reportDatabaseDown(describeDbError(error));
};
