// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the existing migrations to the current prisma/schema.prisma.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineCommand } from "citty";
import { resolveDatabaseUrl } from "../lib/db/url";
import { MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_FILE, diffSchema } from "../lib/db/migrate";
import { CliError, runCli } from "../ingest/cli-kit";

const command = defineCommand({
  meta: { name: "db:diff", description: "Create the next migration from prisma/schema.prisma" },
  args: { name: { type: "positional", required: true, description: "Migration name, e.g. add_events" } },
  async run({ args }) {
    if (!/^[a-z0-9_]+$/.test(args.name)) throw new CliError("EARG", "Use lower case letters, digits and _ in the migration name.");
    const sql = await diffSchema(await resolveDatabaseUrl(console.error));
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log("The schema matches the migrations: nothing to create.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${args.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync(SCHEMA_PATH, path.join(dir, SNAPSHOT_FILE));
    writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql. Apply it with: npm run db:migrate`);
  },
});

await runCli(command);
