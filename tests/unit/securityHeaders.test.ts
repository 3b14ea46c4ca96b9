// The security headers: the CSP forbids every way stored content could run as script, and the
// static-file headers in next.config.js match the ones proxy.ts sets on pages.
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from "../../lib/security/headers";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("Content-Security-Policy", () => {
  const nonce = newNonce();
  const policy = directives(contentSecurityPolicy(nonce));

  it("runs only this origin's scripts carrying the request's nonce: no inline script, handler, eval or javascript: URL", () => {
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy(nonce)).not.toMatch(/unsafe-inline'[^;]*;.*script|script-src[^;]*unsafe/);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("forbids framing (clickjacking) and posting forms elsewhere", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("allows eval only under next dev", () => {
    expect(directives(contentSecurityPolicy(nonce, true)).get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("uses a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("static files", () => {
  it("get the same headers as pages (next.config.js)", async () => {
    // next.config.js is plain JS (no types to import): loaded by URL.
    const nextConfig = ((await import(new URL("../../next.config.js", import.meta.url).href)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*");
    expect(all?.headers.map((h) => [h.key, h.value])).toEqual(STATIC_SECURITY_HEADERS.map(([k, v]) => [k, v]));
  });
});
