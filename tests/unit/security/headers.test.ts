import { describe, expect, it } from "vitest";
import { API_CSP, newNonce, pageCsp, servesHttps, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

describe("en-têtes de sécurité", () => {
  it("CSP des pages : scripts au nonce seulement, pas d'eval en production, aucun cadre", () => {
    const csp = pageCsp({ nonce: "abc123", dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(pageCsp({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(pageCsp({ nonce: "n", dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("un nonce neuf et imprévisible à chaque appel", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("API : rien n'est exécutable ; en-têtes fixes : nosniff, referrer, pas de cadre", () => {
    expect(API_CSP).toContain("default-src 'none'");
    const h = Object.fromEntries(STATIC_SECURITY_HEADERS.map((x) => [x.key, x.value]));
    expect(h).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY" });
  });

  it("HSTS seulement en production derrière une adresse publique https", () => {
    expect(servesHttps({ NODE_ENV: "production", NEXTAUTH_URL: "https://proch-emploi.example" })).toBe(true);
    expect(servesHttps({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(servesHttps({ NODE_ENV: "production", NEXTAUTH_URL: undefined })).toBe(false);
    expect(servesHttps({ NODE_ENV: "development", NEXTAUTH_URL: "https://proch-emploi.example" })).toBe(false);
  });
});
