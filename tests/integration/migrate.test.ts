import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffSchema } from "../../lib/db/migrate";
import { useTestDatabase } from "../helpers/test-db";

const db = useTestDatabase("migrate");

describe("migrations (WebAssembly schema engine)", () => {
  it("are recorded in Prisma's own table and apply once", async () => {
    expect(await applyMigrations(db.url())).toEqual([]);
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    const { rows } = await client.query("select migration_name, finished_at from _prisma_migrations");
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.finished_at).not.toBeNull();
  });

  it("the committed migrations match prisma/schema.prisma (db:diff has nothing to add)", async () => {
    const sql = await diffSchema(db.url());
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });
});
