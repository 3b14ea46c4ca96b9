// npm run db:migrate: applies prisma/migrations to DATABASE_URL (or the embedded server).
import { defineCommand } from "citty";
import { resolveDatabaseUrl } from "../lib/db/url";
import { applyMigrations } from "../lib/db/migrate";
import { runCli } from "../ingest/cli-kit";

const command = defineCommand({
  meta: { name: "db:migrate", description: "Apply pending migrations (Prisma's WebAssembly schema engine)" },
  async run() {
    const applied = await applyMigrations(await resolveDatabaseUrl(console.error));
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  },
});

await runCli(command);
