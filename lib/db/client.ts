// One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and by the bulk
// writers that use the pg driver directly (Prisma's client is ~50× slower for bulk rows, see
// PERFORMANCE.md). Created on first use because the URL may need the embedded server started.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { resolveDatabaseUrl } from "./url";

export type Db = InstanceType<typeof PrismaClient>;

interface Connection {
  pool: pg.Pool;
  prisma: Db;
}

// Survives Next.js dev-mode module reloads, which would otherwise leak pools.
const globalForDb = globalThis as unknown as { hypelineDb?: Promise<Connection> };

async function connect(): Promise<Connection> {
  const url = await resolveDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  // A client losing its server (restart) must not crash the process: idle clients report on the
  // pool, checked-out ones on themselves; the query in flight still fails, and the retry logic
  // (lib/db/retry.ts) decides what happens next.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function connection(): Promise<Connection> {
  globalForDb.hypelineDb ??= connect().catch((error) => {
    globalForDb.hypelineDb = undefined;
    throw error;
  });
  return globalForDb.hypelineDb;
}

export async function getDb(): Promise<Db> {
  return (await connection()).prisma;
}

export async function getPool(): Promise<pg.Pool> {
  return (await connection()).pool;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.hypelineDb;
  globalForDb.hypelineDb = undefined;
  if (!pending) return;
  const { prisma, pool } = await pending.catch(() => ({ prisma: undefined, pool: undefined }));
  await prisma?.$disconnect().catch(() => undefined);
  await pool?.end().catch(() => undefined);
}
