// While PostgreSQL is unreachable (a restart, a kill), the API says « try again »: 503 with
// Retry-After and a French message, never a 500; an idempotent read is retried once on a
// connection-level error (so a pool reconnecting after a restart costs no error at all), a write is
// not; /api/health names the failing dependency. The errors are real ones, from a Prisma client
// pointed at a port where nothing listens (issue 16, reliability under faults).
import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { NextRequest } from "next/server";
import { apiRoute, jsonError } from "@/lib/api/handler";
import { loadPrincipal } from "@/lib/auth/principal";
import { hashToken, retryPageRead } from "@/lib/auth/session";
import { createPrismaClient } from "@/lib/db-client";
import { isDatabaseUnavailable, retryRead } from "@/lib/db-unavailable";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { globalSearch } from "@/lib/search/search.service";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const dead = createPrismaClient("postgresql://postgres:x@127.0.0.1:1/nowhere", 1);
const silent = logger.child({});
silent.level = "silent";
afterAll(() => dead.$disconnect());

async function realOutageError(): Promise<unknown> {
  try {
    await dead.user.findFirst();
  } catch (err) {
    return err;
  }
  throw new Error("la base fermée a répondu");
}

let token = "";
beforeEach(async () => {
  await resetDb();
  const u = await createUser(db, { role: "PLATFORM_MANAGER" });
  token = `pe_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: u.id, name: "test", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
});

function call(route: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, method: string) {
  const headers = new Headers({ host: "localhost", authorization: `Bearer ${token}`, "content-type": "application/json" });
  current.headers = headers;
  return route(new NextRequest("http://localhost/api/v1/essai", { method, headers, body: method === "GET" ? null : "{}" }), { params: Promise.resolve({}) });
}

describe("base de données injoignable (issue 16, fiabilité)", () => {
  it("les erreurs réelles de connexion (requête Prisma et requête brute) sont reconnues, pas les autres", async () => {
    expect(isDatabaseUnavailable(await realOutageError())).toBe(true);
    const raw = await dead.$queryRaw`SELECT 1`.then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(raw)).toBe(true);
    const unique = await db.user.create({ data: { email: (await db.user.findFirstOrThrow()).email, firstName: "a", lastName: "b", role: "ADMIN" } }).then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    // PostgreSQL shutting down (pg's error for « terminating connection due to administrator command »).
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  });

  it("une erreur de connexion devient 503 avec Retry-After et un message en français, jamais 500", async () => {
    const res = jsonError(await realOutageError(), silent, "req-1");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({
      error: { code: "SERVICE_UNAVAILABLE", message: "Service momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes." },
    });
  });

  it("une lecture est retentée une fois après une erreur de connexion ; une écriture ne l'est pas", async () => {
    let reads = 0;
    const read = apiRoute({ permission: "home.view" }, async () => {
      reads += 1;
      if (reads === 1) return dead.user.count();
      return { reads };
    });
    const ok = await call(read, "GET");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reads: 2 });

    let outage = 0;
    const down = apiRoute({ permission: "home.view" }, async () => {
      outage += 1;
      return dead.user.count();
    });
    const stillDown = await call(down, "GET");
    expect(stillDown.status).toBe(503);
    expect(stillDown.headers.get("retry-after")).toBe("5");
    expect(outage).toBe(2);

    let writes = 0;
    const write = apiRoute({ permission: "home.view" }, async () => {
      writes += 1;
      return dead.user.count();
    });
    const refused = await call(write, "POST");
    expect(refused.status).toBe(503);
    expect(writes).toBe(1);
  });

  it("/api/health nomme la dépendance en panne", async () => {
    const { checkHealth } = await import("@/lib/health");
    const r = await checkHealth(dead, "1.0.0", silent);
    expect(r.status).toBe(503);
    expect(r.body.failing).toEqual(["database"]);
    expect(r.body.message).toBe("Base de données injoignable : le service répondra dès son retour.");
  });
});

describe("pages : première lecture reprise pendant un redémarrage (issue 16)", () => {
  it("une lecture coupée par la base est refaite jusqu'à son retour, sans 500", async () => {
    const outage = await realOutageError();
    let calls = 0;
    const user = await retryPageRead(async () => {
      calls += 1;
      if (calls < 3) throw outage;
      return "utilisateur";
    });
    expect([user, calls]).toEqual(["utilisateur", 3]);
  });

  it("une autre erreur n'est pas reprise ; une base qui ne revient pas finit par lever l'erreur", async () => {
    let calls = 0;
    await expect(retryPageRead(async () => { calls += 1; throw new Error("bogue"); })).rejects.toThrow("bogue");
    expect(calls).toBe(1);
    const outage = await realOutageError();
    calls = 0;
    await expect(retryPageRead(async () => { calls += 1; throw outage; })).rejects.toBe(outage);
    expect(calls).toBe(4);
  });
});

describe("lectures des pages reprises pendant un redémarrage (issue 16, lib/db-client.ts)", () => {
  /** A port where PostgreSQL « comes back » after `downMs`: nothing listens before, then a TCP relay to the real base. */
  async function baseBackAfter(downMs: number): Promise<{ url: string; close: () => Promise<void> }> {
    const real = new URL(env.DATABASE_URL!);
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(real.port || 5432), real.hostname);
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    const timer = setTimeout(() => relay.listen(port, "127.0.0.1"), downMs);
    const url = new URL(real);
    url.host = `127.0.0.1:${port}`;
    return { url: url.toString(), close: () => new Promise<void>((r) => { clearTimeout(timer); relay.close(() => r()); }) };
  }

  it("une lecture faite pendant que la base redémarre aboutit dès son retour ; sans reprise, elle échoue", async () => {
    const back = await baseBackAfter(400);
    const bare = createPrismaClient(back.url, 1);
    const retried = createPrismaClient(back.url, 1, { retryRead: (fn) => retryRead(fn) });
    try {
      const failed = await bare.user.count().then(() => null, (err: unknown) => err);
      expect(isDatabaseUnavailable(failed)).toBe(true);
      const started = Date.now();
      expect(await retried.user.count()).toBeGreaterThanOrEqual(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await bare.$disconnect();
      await retried.$disconnect();
      await back.close();
    }
  });

  it("un SELECT qui appelle une fonction pouvant écrire ou verrouiller n'est pas repris ; la lecture du compte (principal) l'est", async () => {
    const back = await baseBackAfter(400);
    const retried = createPrismaClient(back.url, 1, { retryRead: (fn) => retryRead(fn) });
    try {
      // pg_try_advisory_lock takes a session lock: run twice, it could be taken on a connection the caller never sees.
      const err = await retried.$queryRaw`SELECT pg_try_advisory_lock(424242) AS locked FROM "User" LIMIT 1`.then(() => null, (e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
      // The base is back by now; the principal's statement (json_agg, now(), …) is read again after a failure.
      const back2 = await baseBackAfter(400);
      const again = createPrismaClient(back2.url, 1, { retryRead: (fn) => retryRead(fn) });
      try {
        const user = await createUser(db, { role: "PLATFORM_MANAGER" });
        const started = Date.now();
        expect((await loadPrincipal(again, user.id))?.id).toBe(user.id);
        expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      } finally {
        await again.$disconnect();
        await back2.close();
      }
    } finally {
      await retried.$disconnect();
      await back.close();
    }
  });

  it("une recherche globale faite pendant que la base redémarre aboutit dès son retour (unaccent, concat_ws repris)", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    await createCompany(db, lens.id, { name: "Boulangerie Hénin" });
    const seeker = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: seeker.id }, data: { firstName: "Hélène", lastName: "Hénin" } });
    const user = (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] })).id))!;
    const back = await baseBackAfter(400);
    const retried = createPrismaClient(back.url, 1, { retryRead: (fn) => retryRead(fn) });
    try {
      const started = Date.now();
      const result = await globalSearch(retried, user, { q: "henin" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(result.groups.map((g) => [g.type, g.hits.map((h) => h.title)])).toEqual([["company", ["Boulangerie Hénin"]], ["jobSeeker", ["Hélène Hénin"]], ["offer", []], ["event", []]]);
    } finally {
      await retried.$disconnect();
      await back.close();
    }
  });

  it("une écriture n'est pas reprise", async () => {
    const back = await baseBackAfter(400);
    const retried = createPrismaClient(back.url, 1, { retryRead: (fn) => retryRead(fn) });
    try {
      const err = await retried.appSetting.create({ data: { key: `essai-${randomBytes(4).toString("hex")}`, value: "x" } }).then(() => null, (e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      await retried.$disconnect();
      await back.close();
    }
  });
});
