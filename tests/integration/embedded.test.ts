// The embedded PostgreSQL, in its own folder and port so it never disturbs a developer's data:
// two processes that need it at once end up on one server, and it outlives them.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const home = mkdtempSync(path.join(tmpdir(), "hypeline-embedded-"));
const port = String(55000 + (process.pid % 1000));
const env = { ...process.env, DATABASE_URL: "", HYPELINE_HOME: home, HYPELINE_PG_PORT: port };
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

async function probeOnce(): Promise<{ url: string; started: string; db: string }> {
  const { stdout } = await run(tsx, ["tests/helpers/embedded-probe.ts"], { env, cwd: process.cwd() });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

afterAll(async () => {
  await run(tsx, ["scripts/db-stop.ts"], { env, cwd: process.cwd() }).catch(() => undefined);
});

describe("embedded PostgreSQL (no DATABASE_URL)", () => {
  it("is started once and shared by concurrent processes", async () => {
    const [a, b] = await Promise.all([probeOnce(), probeOnce()]);
    expect(a.url).toContain(`127.0.0.1:${port}/hypeline`);
    expect(a.db).toBe("hypeline");
    // Same server: the same postmaster start time.
    expect(b.started).toBe(a.started);
    const c = await probeOnce();
    expect(c.started).toBe(a.started);
  });
});
