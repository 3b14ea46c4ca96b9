// The security headers every response carries, in one place: proxy.ts sets them on pages and
// routes (with a fresh CSP nonce per request), next.config.js on static files.
//
// Content-Security-Policy: scripts only from this origin and only with the request's nonce
// (Next.js puts it on its own scripts, including the inline RSC payload), so an injected
// <script>, event-handler attribute or javascript: URL cannot run even if escaping ever failed.
// Styles allow 'unsafe-inline' because React `style={{…}}` props and recharts write style
// attributes, which nonces cannot cover; CSS cannot run code. No framing by anyone.

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/** The policy for one response; `dev` adds what `next dev` needs (eval for React's debug stacks, its websocket). */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
