// The statements written in SQL (offers list, a job seeker's record as JSON, the global search) take
// the policy's scope through sqlScope (lib/authz/sql-scope.ts). A scope shape it does not know — a
// shape added to scopeFor and forgotten there — used to throw, and the API answered 500. It fails
// closed now: the condition matches nothing (an empty list, a record not found, no search hit) and
// an error is logged. Real requests through the route handlers with a platform manager's token; the
// policy's scopeFor is wrapped to return such a shape (a Prisma `AND` around the real scope).
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), unknownShape: false }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("@/lib/authz/policy", async (importOriginal) => {
  const policy = await importOriginal<typeof import("@/lib/authz/policy")>();
  const READ_IN_SQL = new Set(["company", "jobSeeker", "offer", "event"]);
  return {
    ...policy,
    scopeFor: (...args: Parameters<typeof policy.scopeFor>) => {
      const scope = policy.scopeFor(...args);
      return current.unknownShape && scope && READ_IN_SQL.has(args[1]) ? { AND: [scope] } : scope;
    },
  };
});

import { hashToken } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { createOffer, createRuleSets } from "@/tests/factories/job-seeker-side";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";

const http = inProcessFetch(current);

beforeEach(async () => {
  current.unknownShape = false;
  vi.restoreAllMocks();
  await resetDb();
  await createRuleSets(db);
});

async function get(path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await http(new Request(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("périmètre non traduisible en SQL : aucune ligne, pas de 500", () => {
  it("liste des offres vide, fiche introuvable, recherche sans résultat, et une erreur journalisée", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    await createOffer(db, lens.id);
    await createCompany(db, lens.id, { name: "Garage Martin" });
    const seeker = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: seeker.id }, data: { lastName: "Martin" } });
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const token = `pe_${manager.id.replace(/-/g, "")}perimetre`;
    await db.apiToken.create({ data: { userId: manager.id, name: "intégration", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });

    // The real scope first: the same requests find the records.
    const offers = await get("/api/v1/offers", token);
    expect(offers.status).toBe(200);
    expect(offers.body.items).toHaveLength(1);
    expect((await get(`/api/v1/job-seekers/${seeker.id}`, token)).status).toBe(200);
    const found = await get("/api/v1/search?q=martin", token);
    expect((found.body.groups as { type: string; hits: unknown[] }[]).map((g) => [g.type, g.hits.length])).toEqual([["company", 1], ["jobSeeker", 1], ["offer", 0], ["event", 0]]);

    current.unknownShape = true;
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const none = await get("/api/v1/offers", token);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    expect(none.body.total).toBe(0);
    expect(await get(`/api/v1/job-seekers/${seeker.id}`, token)).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Demandeur d'emploi introuvable." } } });
    const nothing = await get("/api/v1/search?q=martin", token);
    expect(nothing.status).toBe(200);
    expect((nothing.body.groups as { type: string; hits: unknown[] }[]).map((g) => [g.type, g.hits.length])).toEqual([["company", 0], ["jobSeeker", 0], ["offer", 0], ["event", 0]]);
    const logged = error.mock.calls.filter((c) => String(c[1]).startsWith("Périmètre non traduisible en SQL"));
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(logged[0]![0]).toMatchObject({ scopeKeys: ["AND"] });
    // Only the reads made under the real scope were audited: under the unknown shape the record never left the database.
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.search.hit", entityId: seeker.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.read", entityId: seeker.id } })).toBe(1);
  });
});
