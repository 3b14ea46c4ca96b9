// Server-side fetching that cannot be turned against the server's own network (SSRF). A URL
// queued from the dashboard is chosen by whoever holds the admin token, and a page or feed we
// fetch chooses where it redirects; neither may make the server read its loopback, its cloud
// metadata endpoint (169.254.169.254) or the private network behind it.
//
// - Only http and https.
// - The host is resolved (every address, v4 and v6) and refused when any address is loopback,
//   private, link-local, unique-local, CGNAT, multicast, unspecified, reserved or a v6 form that
//   embeds a v4 address (IPv4-mapped, 6to4, Teredo, NAT64): anything but public unicast.
// - The check runs inside the connection's own DNS lookup, so the socket connects to exactly the
//   addresses that were checked: a DNS answer that changes between check and connect (DNS
//   rebinding) cannot slip a private address in.
// - One request per call, never following redirects: callers follow them by hand, so every hop
//   goes through this check again (ingest/sources/url.ts).
// - HYPELINE_FETCH_ALLOW_HOSTS names hosts (host or host:port, as written in the URL) that may
//   resolve to private addresses: an intranet feed, or the tests' fixture server on 127.0.0.1.
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, type RequestInit, type Response, fetch } from "undici";
import { getEnv } from "../env";
import { type AllowedHost, isAllowedHost } from "./allowHosts";

export type { Response as SafeResponse } from "undici";

/** Refused before any connection; `code` lets callers tell it from a network failure. */
export class BlockedTargetError extends Error {
  readonly code = "EHYPELINE_BLOCKED";
  constructor(message: string) {
    super(message);
    this.name = "BlockedTargetError";
  }
}

// ipaddr.js names for the ranges; anything but "unicast" is refused.
const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private-network address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local (private) IPv6 address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  deprecatedSiteLocal: "a site-local IPv6 address",
  discard: "a discard-only IPv6 address",
  ipv4Mapped: "an IPv4-mapped IPv6 address",
  rfc6145: "an IPv4-translated IPv6 address",
  rfc6052: "a NAT64 address that embeds an IPv4 address",
  "6to4": "a 6to4 address that embeds an IPv4 address",
  teredo: "a Teredo address that embeds an IPv4 address",
};

/**
 * Why an address may not be fetched from ("a loopback address"), or null for public unicast.
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function blockedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  // process() turns IPv4-mapped and IPv4-compatible IPv6 into the IPv4 address they carry.
  const range = ipaddr.process(address).range();
  return range === "unicast" ? null : (RANGE_WORDS[range] ?? `a ${range} address`);
}

const allowHint = (url: URL) => `set HYPELINE_FETCH_ALLOW_HOSTS=${url.host} on the server to allow it`;

function refuse(url: URL, address: string, reason: string): BlockedTargetError {
  const shown = url.hostname.replace(/^\[|\]$/g, "") === address ? url.hostname : `${url.hostname} (${address})`;
  return new BlockedTargetError(`refused to fetch from ${shown}: ${reason}, which the server does not fetch from (${allowHint(url)})`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The connection's DNS lookup: every address the name resolves to is checked, and the socket
 * gets exactly those. Node calls it with `all: true` (happy eyeballs) or for one address.
 */
function guardedLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : Number(options.family) || 0;
  dnsLookup(hostname, { all: true, family: family as 0 | 4 | 6, verbatim: true }).then(
    (addresses) => {
      const url = new URL(`http://${isIP(hostname) === 6 ? `[${hostname}]` : hostname}`);
      for (const { address } of addresses) {
        const reason = blockedAddressReason(address);
        if (reason) return callback(refuse(url, address, `${hostname} resolves to ${reason}`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, []),
  );
}

// Two pools: the guarded one for the world, and a plain one for the hosts the operator allowed.
const globalForAgents = globalThis as unknown as { hypelineFetchAgents?: { guarded: Agent; allowed: Agent } };
function agents() {
  globalForAgents.hypelineFetchAgents ??= {
    guarded: new Agent({ connect: { lookup: guardedLookup as never } }),
    allowed: new Agent(),
  };
  return globalForAgents.hypelineFetchAgents;
}

export interface SafeFetchInit {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Defaults to HYPELINE_FETCH_ALLOW_HOSTS. */
  allowHosts?: AllowedHost[];
}

/**
 * One GET, checked as described above; redirects come back as they are (status 3xx and a
 * Location) for the caller to check and follow. Throws BlockedTargetError before connecting to a
 * refused target; network failures surface as undici's TypeError("fetch failed") with a `cause`.
 */
export async function safeFetch(url: URL, init: SafeFetchInit = {}): Promise<Response> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BlockedTargetError(`unsupported URL scheme "${url.protocol}": only http and https pages and feeds are read`);
  }
  const allowed = isAllowedHost(url, init.allowHosts ?? getEnv().HYPELINE_FETCH_ALLOW_HOSTS);
  if (!allowed) {
    // A literal address never reaches a DNS lookup, so it is checked here.
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal)) {
      const reason = blockedAddressReason(literal);
      if (reason) throw refuse(url, literal, `it is ${reason}`);
    }
  }
  const options: RequestInit = {
    redirect: "manual",
    signal: init.signal,
    headers: init.headers,
    dispatcher: allowed ? agents().allowed : agents().guarded,
  };
  try {
    return await fetch(url, options);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof BlockedTargetError || (cause as { code?: string })?.code === "EHYPELINE_BLOCKED") {
      throw new BlockedTargetError((cause as Error).message);
    }
    throw error;
  }
}
