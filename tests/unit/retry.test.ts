// Which database errors are worth a retry, and how the retry ends.
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, describeDbError, isConnectionError, withDbRetry } from "../../lib/db/retry";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isConnectionError", () => {
  it.each([
    ["socket refused", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["server restarting (57P01 admin shutdown)", withCode("57P01", "terminating connection due to administrator command")],
    ["connection exception class 08", withCode("08006")],
    ["pg's dropped socket, no code", new Error("Connection terminated unexpectedly")],
    ["Prisma can't reach the server", withCode("P1001", "\nInvalid `db.x()` invocation\nCan't reach database server at 127.0.0.1:1")],
    ["driver adapter kind in the cause chain", Object.assign(new Error("outer"), { cause: { kind: "ConnectionClosed" } })],
  ])("retries: %s", (_what, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505", "duplicate key value violates unique constraint")],
    ["a syntax error", withCode("42601", "syntax error at or near")],
    ["an analysis error", new Error("The document is empty")],
    ["nothing", undefined],
  ])("does not retry %s", (_what, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

describe("withDbRetry", () => {
  it("retries connection errors with doubling delays and returns the eventual result", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withDbRetry(
      async () => {
        if (++calls < 3) throw withCode("ECONNRESET");
        return "ok";
      },
      { attempts: 5, baseDelayMs: 1 },
      (_attempt, _error, delay) => delays.push(delay),
    );
    expect([result, calls, delays]).toEqual(["ok", 3, [1, 2]]);
  });

  it("throws other errors at once", async () => {
    let calls = 0;
    await expect(withDbRetry(async () => { calls++; throw withCode("23505", "duplicate key"); }, { attempts: 5, baseDelayMs: 1 })).rejects.toThrow("duplicate key");
    expect(calls).toBe(1);
  });

  it("gives up after the last try with a message that says what to check", async () => {
    const failing = withDbRetry(async () => { throw withCode("P1001", "\nInvalid `db.run.create()` invocation in\nfile.ts:3\n\nCan't reach database server at 127.0.0.1:5432"); }, { attempts: 3, baseDelayMs: 1 });
    await expect(failing).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(failing).rejects.toThrow(/^lost the database connection \(Can't reach database server at 127\.0\.0\.1:5432\) and it did not come back after 3 tries over 0\.0 s\. Check that PostgreSQL is running/);
  });

  it("describes errors in one line", () => {
    expect(describeDbError(new Error("Connection terminated unexpectedly\n at x"))).toBe("Connection terminated unexpectedly");
    expect(describeDbError(withCode("ECONNREFUSED", ""))).toBe("ECONNREFUSED");
  });
});
