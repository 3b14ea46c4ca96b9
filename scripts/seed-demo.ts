// npm run seed:demo: loads the demo corpus (idempotent: a second run stores nothing new).
import { defineCommand } from "citty";
import { resolveDatabaseUrl } from "../lib/db/url";
import { applyMigrations } from "../lib/db/migrate";
import { loadDemoCorpus } from "../ingest/demo";
import { runCli } from "../ingest/cli-kit";

const command = defineCommand({
  meta: { name: "seed:demo", description: "Load the demo corpus in demo/ into the database" },
  async run() {
    await applyMigrations(await resolveDatabaseUrl(console.error));
    const report = await loadDemoCorpus();
    console.log(`Demo corpus: ${report.stored} stored, ${report.duplicates} already there, ${report.failed} failed (run #${report.run}).`);
    for (const e of report.errors) console.log(`  ✗ ${e.item}: ${e.error}`);
  },
});

await runCli(command);
