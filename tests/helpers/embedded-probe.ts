// Run as a child process by tests/integration/embedded.test.ts: resolves the database the way
// every command does and reports which server it reached.
import pg from "pg";
import { resolveDatabaseUrl } from "../../lib/db/url";

const url = await resolveDatabaseUrl();
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query("select pg_postmaster_start_time()::text as started, current_database() as db");
await client.end();
console.log(JSON.stringify({ url, ...rows[0] }));
