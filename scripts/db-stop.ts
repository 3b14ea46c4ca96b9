// npm run db:stop: stops the embedded PostgreSQL (it keeps running between commands otherwise).
import { defineCommand } from "citty";
import { stopEmbeddedPostgres } from "../lib/db/embedded";
import { runCli } from "../ingest/cli-kit";

const command = defineCommand({
  meta: { name: "db:stop", description: "Stop the embedded PostgreSQL server" },
  async run() {
    console.log((await stopEmbeddedPostgres()) ? "Embedded PostgreSQL stopped." : "Embedded PostgreSQL was not running.");
  },
});

await runCli(command);
