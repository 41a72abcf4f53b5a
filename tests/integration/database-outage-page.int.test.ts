// Pages while PostgreSQL is unreachable (issue 16, reliability): the proxy answers a French
// « Service momentanément indisponible » page with 503 and Retry-After before rendering (a page
// that throws while rendering can only be a 500 in Next.js). The outage is real: the proxy is
// loaded with a DATABASE_URL where nothing listens; with the test database it lets pages through.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { databaseAnswers, databaseOutagePage, noteDatabaseUnavailable, pgProbe } from "@/lib/http/database-outage-page";

const DEAD = "postgresql://postgres:x@127.0.0.1:1/nowhere";
const LIVE = env.DATABASE_URL!;

async function loadProxy(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  return (await import("@/proxy")).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("pages pendant une panne de la base (issue 16)", () => {
  it("base arrêtée : une page répond 503 avec Retry-After et une page en français, jamais 500", async () => {
    const proxy = await loadProxy(DEAD);
    for (const path of ["/", "/demandeurs", "/rgpd/conservation"]) {
      const res = await proxy(new NextRequest(`http://localhost${path}`));
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
  });

  it("base arrêtée : l'API garde sa propre réponse (JSON) et n'est pas interceptée", async () => {
    const proxy = await loadProxy(DEAD);
    const res = await proxy(new NextRequest("http://localhost/api/v1/me"));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("base disponible : les pages passent", async () => {
    const proxy = await loadProxy(LIVE);
    const res = await proxy(new NextRequest("http://localhost/"));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
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
