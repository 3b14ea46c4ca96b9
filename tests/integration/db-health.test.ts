// The health state behind the proxy's 503 (lib/db/health.ts), against the test database and a
// port nothing listens on.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { databaseIsUp, reportDatabaseDown } from "../../lib/db/health";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("db_health");
const fresh = () => delete (globalThis as { hypelineDbHealth?: unknown }).hypelineDbHealth;

describe("databaseIsUp", () => {
  afterEach(() => {
    process.env.DATABASE_URL = db.url();
    fresh();
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
});
