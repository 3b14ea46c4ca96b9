// HYPELINE_FETCH_ALLOW_HOSTS: the hosts server-side fetching may reach even though they resolve
// to a loopback, private or link-local address (an intranet feed, a test's fixture server on
// 127.0.0.1). Pure, so lib/env.ts can validate the variable at start-up.

export interface AllowedHost {
  /** Lower-case, as URL.hostname writes it (IPv6 in brackets: "[::1]"). */
  host: string;
  /** null: any port. */
  port: number | null;
}

const ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/** "127.0.0.1:4000, intranet.example" → entries; throws an Error naming the entry it cannot read. */
export function parseAllowHosts(value: string | undefined): AllowedHost[] {
  if (!value?.trim()) return [];
  return value.split(",").map((raw) => {
    const entry = raw.trim().toLowerCase();
    const match = ENTRY.exec(entry);
    const port = match?.[2] === undefined ? null : Number(match[2]);
    if (!match || (port !== null && (port < 1 || port > 65535))) {
      throw new Error(`"${raw.trim()}" is not a host or host:port (write e.g. 127.0.0.1:4000,intranet.example,[::1]:8080)`);
    }
    return { host: match[1], port };
  });
}

/** True when the URL's host (and port, if the entry names one) is on the list. */
export function isAllowedHost(url: URL, allowed: AllowedHost[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return allowed.some((a) => a.host === host && (a.port === null || a.port === port));
}
