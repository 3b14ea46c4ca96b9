// Throwaway databases on the configured server (DATABASE_URL, else the embedded one), for tests
// and benchmarks: they never touch the data a user sees.
import pg from "pg";
import { getEnv } from "../env";
import { EMBEDDED_DATABASE, createDatabaseIfMissing, embeddedUrl, ensureEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function serverUrl(): Promise<string> {
  const configured = getEnv().DATABASE_URL;
  if (configured) return configured;
  await ensureEmbeddedPostgres();
  return embeddedUrl(EMBEDDED_DATABASE);
}

/** Creates (or recreates) a migrated, empty database named `name` on the same server. */
export async function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Scratch database names use a-z, 0-9 and _ (got "${name}").`);
  const base = await serverUrl();
  // Maintenance connections go to the "postgres" database: one cannot drop the database one is in.
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`));
  await createDatabaseIfMissing(name, adminUrl.toString());
  const url = new URL(base);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`)).then(() => undefined),
  };
}
