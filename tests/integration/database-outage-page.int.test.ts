// Pages while PostgreSQL is unreachable (issue 16, reliability): the application server
// (server/app-server.ts) answers a French « Service momentanément indisponible » page with 503 and
// Retry-After before Next.js renders (a page that throws while rendering can only be a 500 in
// Next.js). The outage is real: the server's probe points at a port where nothing listens; with the
// test database it lets pages through. A real http server; Next.js's handler is replaced by one that
// records what reached it (Next.js itself needs a build: e2e/security/hardening.spec.ts).
import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { databaseAnswers, databaseOutagePage, noteDatabaseUnavailable, pgProbe } from "@/lib/http/database-outage-page";
import { startSecuredServer, type SecuredServer } from "@/tests/support/secured-server";

const DEAD = "postgresql://postgres:x@127.0.0.1:1/nowhere";
const LIVE = env.DATABASE_URL!;

let server: SecuredServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("pages pendant une panne de la base (issue 16)", () => {
  it("base arrêtée : une page répond 503 avec Retry-After et une page en français, jamais 500", async () => {
    server = await startSecuredServer({ probe: pgProbe(DEAD) });
    for (const path of ["/", "/demandeurs", "/rgpd/conservation"]) {
      const res = await fetch(`${server.base}${path}`);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const csp = res.headers.get("content-security-policy")!;
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain("<h1>Service momentanément indisponible</h1>");
      expect(html).toContain("La base de données ne répond pas");
      // The page's only style carries the request's CSP nonce.
      const nonce = /nonce="([^"]+)"/.exec(html)![1]!;
      expect(csp).toContain(`'nonce-${nonce}'`);
    }
    // Next.js never saw them.
    expect(server.seen).toHaveLength(0);
  });

  it("base arrêtée : l'API garde sa propre réponse (JSON) et n'est pas interceptée", async () => {
    server = await startSecuredServer({ probe: pgProbe(DEAD) });
    const res = await fetch(`${server.base}/api/v1/me`);
    expect(res.status).toBe(200);
    expect(server.seen.map((r: IncomingMessage) => r.url)).toEqual(["/api/v1/me"]);
  });

  it("base disponible : les pages passent", async () => {
    server = await startSecuredServer({ probe: pgProbe(LIVE) });
    const res = await fetch(`${server.base}/`);
    expect(res.status).toBe(200);
    expect(server.seen.map((r: IncomingMessage) => r.url)).toEqual(["/"]);
  });

  it("la sonde réelle : fausse sur un port fermé, vraie sur la base de test", async () => {
    expect(await pgProbe(DEAD)()).toBe(false);
    expect(await pgProbe(LIVE)()).toBe(true);
  });

  it("revient d'elle-même quand la base répond de nouveau ; une erreur signalée fait revérifier aussitôt", async () => {
    let up = false;
    let probes = 0;
    const probe = async () => {
      probes++;
      return up;
    };
    expect((await databaseOutagePage("/", "n", probe))?.status).toBe(503);
    // Within the « down » cache, no new probe; after it, a new one.
    expect((await databaseOutagePage("/", "n", probe))?.status).toBe(503);
    expect(probes).toBe(1);
    up = true;
    await new Promise((r) => setTimeout(r, 600));
    expect(await databaseOutagePage("/", "n", probe)).toBeNull();
    expect(probes).toBe(2);
    // While healthy, the request does not wait for a probe; a failure reported by a request does.
    up = false;
    expect(await databaseAnswers(probe)).toBe(true);
    noteDatabaseUnavailable();
    expect((await databaseOutagePage("/", "n", probe))?.status).toBe(503);
  });
});
