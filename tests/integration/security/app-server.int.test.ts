// Issue 18: the per-request CSP nonce is set by the application server (server/app-server.ts), not
// by a Next.js proxy. What Next.js receives and what the browser gets, over a real http server
// (Next.js's handler is replaced by a recorder; the real server with a real build is checked by
// e2e/security/hardening.spec.ts).
import { afterEach, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { API_CSP, HSTS } from "@/lib/security/headers";
import { startSecuredServer, type SecuredServer } from "@/tests/support/secured-server";

let server: SecuredServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const nonceOf = (csp: string | null | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("serveur de l'application : nonce CSP posé avant Next.js", () => {
  it("une page : le même nonce neuf dans la CSP de la réponse, la CSP de la requête et x-nonce ; jamais celui du client", async () => {
    server = await startSecuredServer({});
    const forged = { "x-nonce": "forge", "content-security-policy": "script-src 'unsafe-inline'" };
    const a = await fetch(`${server.base}/demandeurs?q=dupont`, { headers: forged });
    const b = await fetch(`${server.base}/demandeurs?q=dupont`, { headers: forged });
    const nonces = [];
    for (const [i, res] of [a, b].entries()) {
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(res.headers.get("strict-transport-security")).toBeNull();
      const req = server.seen[i]!;
      expect(req.headers["content-security-policy"]).toBe(csp);
      expect(req.headers["x-nonce"]).toBe(nonceOf(csp));
      nonces.push(nonceOf(csp));
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("en production derrière https : HSTS et upgrade-insecure-requests sur les pages et /api hors /api/v1", async () => {
    server = await startSecuredServer({ https: true });
    const page = await fetch(`${server.base}/connexion`);
    expect(page.headers.get("strict-transport-security")).toBe(HSTS);
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const health = await fetch(`${server.base}/api/health`);
    expect(health.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("développement : eval permis (piles de débogage de React)", async () => {
    server = await startSecuredServer({ dev: true });
    expect((await fetch(`${server.base}/`)).headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });

  it("/api hors /api/v1 : la CSP de l'API, aucun nonce ; /api/v1 et les fichiers de Next.js : rien de posé ici", async () => {
    server = await startSecuredServer({ https: true });
    const health = await fetch(`${server.base}/api/health`);
    expect(health.headers.get("content-security-policy")).toBe(API_CSP);
    expect(server.seen[0]!.headers["x-nonce"]).toBeUndefined();
    for (const path of ["/api/v1/me", "/_next/static/chunks/x.js", "/_next/image?url=%2Fa.png&w=64&q=75", "/favicon.ico"]) {
      const res = await fetch(`${server.base}${path}`);
      expect(res.headers.get("content-security-policy"), path).toBeNull();
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
    expect(server.seen.every((r) => r.headers["x-nonce"] === undefined)).toBe(true);
  });

  it("un chemin détourné vers une page (`..`, encodé ou non) est traité comme la page : nonce et CSP", async () => {
    server = await startSecuredServer({});
    const { request } = await import("node:http");
    // fetch() would resolve the dots itself: a raw request, as a client could send it.
    const raw = (path: string) => new Promise<string | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server!.base);
      const req = request({ hostname, port, path }, (res) => {
        res.resume();
        resolve(res.headers["content-security-policy"] as string | undefined);
      });
      req.on("error", reject);
      req.end();
    });
    for (const path of ["/api/v1/../../demandeurs", "/_next/static/%2e%2e/%2e%2e/demandeurs", "/api\\..\\demandeurs"]) {
      expect(await raw(path), path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    }
    expect(server.seen.map((r) => r.url)).toEqual(["/api/v1/../../demandeurs", "/_next/static/%2e%2e/%2e%2e/demandeurs", "/api\\..\\demandeurs"]);
    expect(server.seen.every((r) => typeof r.headers["x-nonce"] === "string")).toBe(true);
  });

  it("l'adresse de la connexion est transmise ; celle qu'un client écrirait est remplacée", async () => {
    server = await startSecuredServer({});
    await fetch(`${server.base}/api/auth/session`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    await fetch(`${server.base}/connexion`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6" } });
    for (const req of server.seen) expect(req.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
  });
});
