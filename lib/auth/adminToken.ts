// The admin token that guards every data-changing route. Reading the dashboard needs none.
// The token travels only in a header (`Authorization: Bearer …` or `x-hypeline-admin-token`):
// never in a query string, which ends up in logs, history and Referer headers. A page on another
// site cannot set either header on a cross-site request, so the check also stops CSRF.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";
import { errorResponse } from "../http";

export const ADMIN_TOKEN_HEADER = "x-hypeline-admin-token";

/** The token a request presents, or null. */
export function presentedToken(request: Request): string | null {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get("authorization") ?? "");
  if (bearer) return bearer[1];
  return request.headers.get(ADMIN_TOKEN_HEADER)?.trim() || null;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Constant time: both sides are hashed to 32 bytes first, so timingSafeEqual always compares equal
 * lengths and the time taken reveals neither the token nor its length.
 */
export function tokenMatches(presented: string | null, expected: string): boolean {
  const equal = timingSafeEqual(digest(presented ?? ""), digest(expected));
  return presented !== null && equal;
}

function unauthorized(code: string, message: string): Response {
  const response = errorResponse(401, code, message);
  response.headers.set("www-authenticate", 'Bearer realm="hypeline"');
  return response;
}

/** null when the request may change data; otherwise the 401 to reply with. */
export function requireAdmin(request: Request): Response | null {
  const expected = getEnv().HYPELINE_ADMIN_TOKEN;
  if (!expected) {
    return unauthorized(
      "admin_disabled",
      "Admin actions are disabled: set HYPELINE_ADMIN_TOKEN (at least 16 characters) in the server's environment and restart it.",
    );
  }
  if (tokenMatches(presentedToken(request), expected)) return null;
  // The same body whether the token was missing or wrong: a caller learns nothing about it.
  return unauthorized("unauthorized", "A valid admin token is required.");
}
