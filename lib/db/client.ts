// One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and by the bulk
// writers that use the pg driver directly (Prisma's client is ~50× slower for bulk rows, see
// PERFORMANCE.md). Created on first use because the URL may need the embedded server started.
// Prisma's client (and its adapter) is loaded and created only on the first getDb(): a process
// that only streams through pg, such as `npm run export sentences`, saves its ~25 MB.
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { resolveDatabaseUrl } from "./url";

export type Db = InstanceType<typeof PrismaClient>;

interface Connection {
  pool: pg.Pool;
  prisma?: Promise<Db>;
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
  return { pool };
}

async function createPrisma(pool: pg.Pool): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("../generated/prisma/client"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

function connection(): Promise<Connection> {
  globalForDb.hypelineDb ??= connect().catch((error) => {
    globalForDb.hypelineDb = undefined;
    throw error;
  });
  return globalForDb.hypelineDb;
}

export async function getDb(): Promise<Db> {
  const current = await connection();
  current.prisma ??= createPrisma(current.pool).catch((error) => {
    current.prisma = undefined;
    throw error;
  });
  return current.prisma;
}

export async function getPool(): Promise<pg.Pool> {
  return (await connection()).pool;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.hypelineDb;
  globalForDb.hypelineDb = undefined;
  if (!pending) return;
  const { prisma, pool } = await pending.catch(() => ({ prisma: undefined, pool: undefined }));
  const client = await prisma?.catch(() => undefined);
  await client?.$disconnect().catch(() => undefined);
  await pool?.end().catch(() => undefined);
}
