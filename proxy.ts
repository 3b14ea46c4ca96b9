// Runs before every page and route (Next.js Proxy, Node.js runtime):
// - while the database does not answer, replies 503 with Retry-After at once: a small page that
//   reloads itself, or the JSON error body for /api/*. Nothing half-renders, and the server
//   recovers by itself when the database is back (lib/db/health.ts probes it once a second);
// - otherwise sets the security headers, with a fresh CSP nonce that Next.js reads from the
//   request's Content-Security-Policy header and puts on its own scripts (lib/security/headers.ts).
import { type NextRequest, NextResponse } from "next/server";
import { databaseIsUp } from "./lib/db/health";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS, databaseUnavailableResponse } from "./lib/http";
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from "./lib/security/headers";

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Database unavailable · Hypeline</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Database unavailable, retrying</h1>
<p>${DATABASE_UNAVAILABLE_MESSAGE}</p>
<p>This page reloads itself every ${RETRY_AFTER_SECONDS} seconds.</p>
</body></html>`;

function withSecurityHeaders(response: Response, csp: string): Response {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of STATIC_SECURITY_HEADERS) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  const dev = process.env.NODE_ENV === "development";
  if (!(await databaseIsUp())) {
    // The page has no scripts at all; its one inline style is all the policy allows.
    const csp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    if (request.nextUrl.pathname.startsWith("/api/")) return withSecurityHeaders(databaseUnavailableResponse(), csp);
    const page = new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
    });
    return withSecurityHeaders(page, csp);
  }
  const csp = contentSecurityPolicy(newNonce(), dev);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Static build output is immutable and has no database behind it (next.config.js adds its headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
