// Fetching article pages and feeds. Every way a fetch goes wrong ends in one FetchError whose
// message says what happened in words a user can act on ("HTTP 404 Not Found", "timed out after
// 10 s", "redirect loop", "not an HTML page (application/pdf)"); the run records it for that item
// and goes on. Limits: one deadline for the whole fetch (redirects and body included), a byte cap
// enforced while streaming (Content-Length can lie or be absent), a bounded number of redirects
// followed by hand so loops are named as such. Every request, and so every redirect hop, goes
// through lib/net/safeFetch.ts: no loopback, private or link-local targets unless allowed.
import { STATUS_CODES } from "node:http";
import { extractHtml } from "../../lib/extract/html";
import { readCapped } from "../../lib/net/readCapped";
import { BlockedTargetError, type SafeResponse, safeFetch } from "../../lib/net/safeFetch";
import { type RawDocument, decodeText } from "./files";
import { fromPage } from "./page";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

const USER_AGENT = "Hypeline/0.1 (film coverage reader)";
export const PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5";
export const FEED_OR_PAGE_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,application/xhtml+xml;q=0.8,*/*;q=0.1";

export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchError";
  }
}

export interface FetchedResource {
  /** The URL finally answered, after redirects. */
  url: string;
  /** Lower-case media type without parameters ("text/html"), "" when the server sent none. */
  mediaType: string;
  charset: string | null;
  body: Uint8Array;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb < 1) return `${Math.round(bytes / 1024)} KB`;
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
}

export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError(`not a valid URL: ${input}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(`unsupported URL scheme "${url.protocol}": only http and https pages and feeds are read`);
  url.hash = "";
  return url;
}

function parseContentType(header: string | null): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: "", charset: null };
  const [type, ...params] = header.split(";");
  const charset = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p))?.slice(8).replace(/^"|"$/g, "").trim() || null;
  return { mediaType: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

async function readBody(response: SafeResponse, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`too large: the server says ${megabytes(declared)}; the limit is ${megabytes(maxBytes)} per page`);
  }
  const bytes = await readCapped(response.body, maxBytes);
  if (bytes === null) throw new FetchError(`too large: more than ${megabytes(maxBytes)} (the limit per page); stopped reading`);
  return bytes;
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error as Error)?.name === "TimeoutError" || (error as Error)?.name === "AbortError";
}

/** Why the network said no, from undici's `cause` ("connection refused"), for a message a person reads. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  switch (cause?.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection closed by the server";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `TLS certificate not accepted (${cause.code})`;
    default:
      return cause?.message ?? (error as Error)?.message ?? String(error);
  }
}

/** GET with the limits above. Resolves only on a 2xx answer whose body fits. */
export async function fetchResource(input: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, accept = PAGE_ACCEPT): Promise<FetchedResource> {
  let url = parseHttpUrl(input);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const visited = [url.href];
  try {
    for (;;) {
      let response: SafeResponse;
      try {
        response = await safeFetch(url, { signal, headers: { accept, "user-agent": USER_AGENT } });
      } catch (error) {
        if (error instanceof BlockedTargetError) throw new FetchError(error.message);
        if (isTimeout(error, signal)) throw error;
        throw new FetchError(`could not connect to ${url.host}: ${networkReason(error)}`);
      }
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) throw new FetchError(`HTTP ${response.status} redirect without a Location header`);
        const next = parseHttpUrl(new URL(location, url).href);
        if (visited.includes(next.href)) throw new FetchError(`redirect loop: ${[...visited.slice(visited.indexOf(next.href)), next.href].join(" → ")}`);
        if (visited.length > limits.maxRedirects) throw new FetchError(`too many redirects (more than ${limits.maxRedirects}), last to ${next.href}`);
        visited.push(next.href);
        url = next;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        const reason = response.statusText || STATUS_CODES[response.status] || "";
        throw new FetchError(`HTTP ${response.status}${reason ? ` ${reason}` : ""}`);
      }
      const { mediaType, charset } = parseContentType(response.headers.get("content-type"));
      const body = await readBody(response, limits.maxBytes);
      return { url: url.href, mediaType, charset, body };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (isTimeout(error, signal)) throw new FetchError(`timed out after ${seconds(limits.timeoutMs)}`);
    throw new FetchError(`fetch failed: ${networkReason(error)}`);
  }
}

/** `<meta charset>` or http-equiv in the first bytes, for servers that send no charset header. */
function sniffHtmlCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 2048)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** The body as text: UTF-8 strictly (invalid bytes are an error), or the charset the page declares. */
export function decodeBody(resource: FetchedResource): string {
  const charset = resource.charset ?? (resource.mediaType.includes("html") ? sniffHtmlCharset(resource.body) : null);
  if (!charset || charset === "utf-8" || charset === "utf8" || charset === "us-ascii") {
    try {
      return decodeText(resource.body);
    } catch (error) {
      throw new FetchError((error as Error).message.replace("re-save the file as UTF-8", "the page declares no other charset"));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new FetchError(`unknown charset "${charset}"`);
  }
  return decoder.decode(resource.body);
}

export const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/** A fetched page as a raw document: HTML through Readability, plain text as is. */
export function pageFromResource(resource: FetchedResource): RawDocument {
  if (resource.body.byteLength === 0) throw new FetchError("empty response (0 bytes)");
  if (HTML_TYPES.has(resource.mediaType)) return fromPage(extractHtml(decodeBody(resource)), resource.url);
  if (resource.mediaType === "text/plain") return { text: decodeBody(resource), url: resource.url };
  throw new FetchError(`not an HTML page (${resource.mediaType || "no content type"})`);
}

/** Fetches one article page. */
export async function readPage(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<RawDocument> {
  return pageFromResource(await fetchResource(url, limits, PAGE_ACCEPT));
}
