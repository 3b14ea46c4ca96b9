// Telling a lost database from a bad query (lib/db/retry.ts) when Prisma wraps the driver's error:
// the proxy's 503 and the ingest's retries both depend on it.
import { describe, expect, it } from "vitest";
import { isConnectionError } from "../../lib/db/retry";

/** The shape Prisma 7 throws when PostgreSQL is shutting down or starting up (seen in a restart test). */
function prismaError(sqlstate: string, text: string) {
  return Object.assign(new Error(`\nInvalid \`prisma.title.findUnique()\` invocation:\n\n\nDatabase error. Code: \`${sqlstate}\`. Message: \`${text}\``), {
    code: "P2039",
    meta: { modelName: "Title", driverAdapterError: Object.assign(new Error(text), { cause: { originalCode: sqlstate, kind: "postgres" } }) },
  });
}

describe("isConnectionError", () => {
  it.each([
    ["57P03", "the database system is shutting down"],
    ["57P03", "the database system is starting up"],
    ["57P01", "terminating connection due to administrator command"],
    ["08006", "connection failure"],
  ])("recognises Prisma's wrapped %s (%s)", (code, text) => {
    expect(isConnectionError(prismaError(code, text))).toBe(true);
  });

  it.each([
    ["23505", "duplicate key value violates unique constraint"],
    ["42P01", 'relation "nope" does not exist'],
  ])("leaves a real query error (%s) alone", (code, text) => {
    expect(isConnectionError(prismaError(code, text))).toBe(false);
  });
});
