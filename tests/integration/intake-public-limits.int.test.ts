// Code review: the commune picker of the public intake forms (GET /api/v1/public/communes, no
// account) documented a 429 without any limit. It now counts each search per client address like
// the register search (OPERATIONS rule set `publicIntake.communeSearchesPerIp`): the N+1-th search of
// the window answers a French 429 with Retry-After. The client address follows TRUST_PROXY: off (the
// default, as here), the socket's address — set by the preload in PEER_ADDRESS_HEADER whatever the
// client sent — is the client, and a forged X-Forwarded-For changes nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER, parseTrustProxy } from "@/lib/security/client-address";
import { createRuleSets } from "@/tests/factories";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";

const http = inProcessFetch(current);
const LIMIT = 3;

async function setLimits(limits: Record<string, number>) {
  const rules = await db.ruleSet.findFirstOrThrow({ where: { kind: "OPERATIONS" } });
  const payload = rules.payload as { publicIntake: Record<string, number> };
  await db.ruleSet.update({ where: { id: rules.id }, data: { payload: { ...payload, publicIntake: { ...payload.publicIntake, ...limits } } } });
}

/** A public GET from the socket address `peer`, with whatever X-Forwarded-For the client wrote. */
const get = (path: string, peer: string, forwarded?: string) =>
  http(new Request(`${BASE_URL}${path}`, { headers: { [PEER_ADDRESS_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) } }));

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  await db.commune.createMany({
    data: [
      { inseeCode: "62498", name: "Lens", postalCodes: ["62300"], departmentCode: "62", population: 31_000 },
      { inseeCode: "80021", name: "Amiens", postalCodes: ["80000"], departmentCode: "80", population: 133_000 },
    ],
    skipDuplicates: true,
  });
});

describe("GET /api/v1/public/communes : limite par adresse du client", () => {
  it("la N+1-ième recherche d'une adresse → 429 en français avec Retry-After ; un X-Forwarded-For forgé ne contourne pas la limite (TRUST_PROXY désactivé) ; une autre adresse passe", async () => {
    expect(parseTrustProxy(env.TRUST_PROXY)).toEqual({ kind: "none" });
    await setLimits({ communeSearchesPerIp: LIMIT, windowMinutes: 60 });
    const client = "203.0.113.7";

    // N searches, each claiming another origin in X-Forwarded-For: all counted on the socket address.
    for (let i = 0; i < LIMIT; i++) {
      const res = await get("/api/v1/public/communes?q=lens", client, `198.51.100.${i + 1}`);
      expect(res.status, `recherche ${i + 1}`).toBe(200);
      // The INSEE reference may be fully loaded (it survives resetDb): Lens is among the answers.
      expect(((await res.json()) as { items: { value: string }[] }).items.map((c) => c.value)).toContain("62498");
    }
    for (const forged of [undefined, "198.51.100.200", "10.0.0.1, 198.51.100.201", client.replace(/7$/, "8")]) {
      const refused = await get("/api/v1/public/communes?q=amiens", client, forged);
      expect(refused.status, `X-Forwarded-For: ${forged}`).toBe(429);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60 * 60, `Retry-After: ${refused.headers.get("retry-after")}`).toBe(true);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("TOO_MANY_REQUESTS");
      expect(error.message).toMatch(/^Trop de recherches de commune en peu de temps\. Réessayez dans \d+ minutes?, ou appelez le numéro vert\.$/);
    }
    // Another client address has its own counter.
    expect((await get("/api/v1/public/communes?q=amiens", "203.0.113.9")).status).toBe(200);
  });

  it("la limite vient du jeu de règles, et la recherche d'entreprise répond aussi son 429 avec Retry-After", async () => {
    await setLimits({ communeSearchesPerIp: 1, searchesPerIp: 1 });
    expect((await get("/api/v1/public/communes?q=lens", "203.0.113.20")).status).toBe(200);
    expect((await get("/api/v1/public/communes?q=lens", "203.0.113.20")).status).toBe(429);
    // The two pickers count apart: the commune searches did not use the register search's allowance.
    expect((await get("/api/v1/public/entreprises?q=transports", "203.0.113.20")).status).toBe(200);
    const refused = await get("/api/v1/public/entreprises?q=transports", "203.0.113.20", "198.51.100.50");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Trop de recherches en peu de temps/);
  });
});
