// Migrations through Prisma's WebAssembly schema engine, so no native engine is needed.
// It records Prisma's own `_prisma_migrations` table: `prisma migrate deploy` stays compatible
// wherever the native engine is available.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

type Glue = Record<string, unknown> & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: unknown) => Promise<Engine> };
};

let glueReady: Promise<Glue> | undefined;

/**
 * The package's entry does `import * as wasm from "./x.wasm"`, which Node cannot load; we
 * instantiate the module ourselves with the JS glue's imports. Once per process: the glue keeps
 * the instance in module state, so a second instantiation would pull it from under live engines.
 */
function loadGlue(): Promise<Glue> {
  glueReady ??= (async () => {
    const glueUrl = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(glueUrl)) as Glue;
    const wasmPath = path.join(path.dirname(glueUrl), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": glue as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return glue;
  })();
  return glueReady;
}

/**
 * Runs `work` with a fresh engine on its own pool, and closes both after: the engine holds
 * Prisma's migration advisory lock on its session, so a pool left open would make the next
 * migration wait for it.
 */
async function withEngine<T>(connectionString: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const glue = await loadGlue();
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const engine = await glue.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, readFileSync(SCHEMA_PATH, "utf8")]] }, () => undefined, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

function migrationsList() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Apply every migration not yet applied; returns the names applied now. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/** The schema each migration was generated from, kept beside its SQL (see diffSchema). */
// Not *.prisma, so a multi-file schema setup never reads it as part of the live schema.
export const SNAPSHOT_FILE = "schema.prisma.snapshot";

/**
 * SQL that takes the schema of the latest migration to the current prisma/schema.prisma.
 * Each migration folder keeps a snapshot of the schema it was generated from, so the diff is
 * datamodel to datamodel and needs no database (introspecting a live one through the pg
 * adapter fails on PostgreSQL's internal "char" columns).
 */
export async function diffSchema(connectionString: string): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const latest = migrationsList().migrationDirectories.at(-1);
    const snapshot = latest ? path.join(MIGRATIONS_DIR, latest.path, SNAPSHOT_FILE) : undefined;
    if (snapshot && !existsSync(snapshot)) {
      throw new Error(`${path.relative(process.cwd(), snapshot)} is missing: copy the schema that migration was made from there.`);
    }
    const result = await engine.diff({
      from: snapshot ? { tag: "schemaDatamodel", files: [{ path: snapshot, content: readFileSync(snapshot, "utf8") }] } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
