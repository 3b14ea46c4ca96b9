import { getEnv } from "../env";
import { ensureEmbeddedPostgres } from "./embedded";

let resolved: Promise<string> | undefined;

/** DATABASE_URL when set; otherwise the embedded server, started on first use. */
export function resolveDatabaseUrl(log?: (line: string) => void): Promise<string> {
  const url = getEnv().DATABASE_URL;
  if (url) return Promise.resolve(url);
  resolved ??= ensureEmbeddedPostgres(log).catch((error) => {
    resolved = undefined;
    throw error;
  });
  return resolved;
}
