// The health state behind the proxy's 503 (lib/db/health.ts), against the test database and a
// port nothing listens on.
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseIsUp, reportDatabaseDown } from "../../lib/db/health";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("db_health");
const fresh = () => delete (globalThis as { hypelineDbHealth?: unknown }).hypelineDbHealth;

describe("databaseIsUp", () => {
  afterEach(() => {
    process.env.DATABASE_URL = db.url();
    fresh();
    vi.restoreAllMocks();
  });

  it("says down when nothing answers, and up when the database does", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/none`;
    expect(await databaseIsUp()).toBe(false);
    fresh();
    process.env.DATABASE_URL = db.url();
    expect(await databaseIsUp()).toBe(true);
  });

  it("turns down at once when a request reports a lost connection, and up again on the next probe", async () => {
    expect(await databaseIsUp()).toBe(true);
    reportDatabaseDown();
    expect(await databaseIsUp()).toBe(false);
    while (!(await databaseIsUp())) await new Promise((r) => setTimeout(r, 100));
  });

  it("logs one line when an outage starts, with its cause, and one when it ends, not one per request", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await databaseIsUp()).toBe(true);
    reportDatabaseDown("terminating connection due to administrator command");
    reportDatabaseDown("terminating connection due to administrator command");
    expect(await databaseIsUp()).toBe(false);
    while (!(await databaseIsUp())) await new Promise((r) => setTimeout(r, 100));
    expect(await databaseIsUp()).toBe(true);
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
      "[db] database unavailable (terminating connection due to administrator command): answering 503 with Retry-After until it is back",
      "[db] database answering again",
    ]);
  });

  it("names the probe's failure, and never the connection string", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    process.env.DATABASE_URL = `postgresql://postgres:hunter2-secret@127.0.0.1:${port}/none`;
    expect(await databaseIsUp()).toBe(false);
    const line = logged.mock.calls.map((c) => String(c[0])).join("\n");
    expect(line).toMatch(/^\[db\] database unavailable \(.*ECONNREFUSED.*\)/);
    expect(line).not.toContain("hunter2-secret");
  });
});
