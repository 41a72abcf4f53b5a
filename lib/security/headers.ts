// HTTP hardening (issue 9): the Content-Security-Policy of each response, with a fresh nonce per
// page request (set by the application server, server/app-server.ts; Next.js puts it on its own
// scripts), and HSTS in production over https. Pure functions (and the HTTPS setting read once),
// unit-tested in tests/unit/security/headers.test.ts.
// Relative: next.config.ts imports this module, and its loader does not know the `@/` alias.
import { env } from "../env";

export interface CspOptions {
  nonce: string;
  /** development: React needs eval for its debugging stacks. */
  dev: boolean;
  https: boolean;
}

/**
 * Scripts: only those carrying the nonce (and what they load, 'strict-dynamic'); no inline script
 * without it, no eval in production. Styles keep 'unsafe-inline': React style attributes and the
 * charts (recharts) set inline styles, which cannot carry a nonce — style injection cannot run code.
 */
export function pageCsp({ nonce, dev, https }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and files of the API are never rendered as documents. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent only when the public URL is https in production (a browser would pin http://localhost otherwise). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether a server with this configuration sends HSTS (and `upgrade-insecure-requests`). */
export function servesHttps(e: { NODE_ENV: string; NEXTAUTH_URL?: string | undefined }): boolean {
  return e.NODE_ENV === "production" && (e.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** This server's setting: production with an https public URL (NEXTAUTH_URL). */
export const HTTPS = servesHttps(env);

/** Headers identical on every response (next.config.ts). CSP and HSTS depend on the request: server/app-server.ts. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
