// Issue 21 — platform isolation of writes, with bodies that reach the handler. For every API write
// route on a platform record (from the route inventory), the body is VALID: built from the route's
// own zod schema with the foreign record's current values and version (tests/support/zod-body.ts).
// An Amiénois user must get exactly 404, and no row of any table (the record, its child rows,
// anything) may change — checked with a checksum of every row. The same body sent by an allowed
// Lens-Liévin user must then succeed (2xx): it proves the body was valid, so the 404 measured
// isolation and not validation. Also: an Amiénois user creating an offer, a visit, a callback or a
// contact on a Lens company → 404, nothing created (and the same request from Lens → 201).
// Handlers run in-process on the real database (demo data), authenticated by personal API tokens.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The route handlers read the caller from next/headers: here, the headers of the Request under test.
const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { can, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDemo } from "@/prisma/seed/demo";
import { fingerprint, resolveIds } from "@/e2e/security/ids";
import { createUser } from "@/tests/factories";
import { callRoute, handlerOf, credentialFor, type Handler } from "@/tests/support/api-inproc";
import { changedTables, tableChecksums } from "@/tests/support/db-checksum";
import { resetDb } from "@/tests/support/db";
import { listApiRoutes, PUBLIC_API, type ApiRoute } from "@/tests/support/route-inventory";
import { pinnedPermission } from "@/tests/support/route-permissions";
import { lastIssues, validBody } from "@/tests/support/zod-body";

/** Multipart uploads (a JSON body is refused up front): their isolation is in e2e/security/isolation.spec.ts. */
const UPLOADS = new Set(["/api/v1/subsidy-files/[id]/receipts"]);
/**
 * Undoing an import: the demo data has no undoable import at Lens-Liévin to aim at, so these two are
 * not measured here (tests/integration/company-import.int.test.ts covers undo on one's own platform).
 */
const NO_DEMO_RECORD = new Set(["/api/v1/imports/[id]/undo", "/api/v1/imports/job-seekers/[id]/undo"]);
/** Not a platform record: a token belongs to its user alone (tests/integration/tokens.int.test.ts). */
const NOT_PLATFORM = new Set(["/api/v1/tokens/[id]"]);
/** Lens-Liévin callers by role (the allowed side); Amiénois callers by role (the foreign side). */
const LENS: Partial<Record<Role, string>> = {
  PLATFORM_ASSISTANT: "assistant@lens.demo",
  PLATFORM_MANAGER: "manager@lens.demo",
};
const PLATFORM_ROLES: Role[] = ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"];

let client: pg.Client;
let lensId = "";
let amiensId = "";
const tokens = new Map<string, string>();

const principal = (role: Role) => ({ id: "x", role, allPlatforms: false, platformIds: [] });
const platformRoleFor = (action: Action) => PLATFORM_ROLES.find((r) => can(principal(r), action));

/** Real ids of a platform by body field name (a body built for a Lens record uses Lens ids). */
async function idsOf(platformId: string): Promise<Record<string, string[]>> {
  const q = async (sql: string) => (await client.query<{ id: string }>(sql, [platformId])).rows.map((r) => r.id);
  const users = await q(`SELECT u.id FROM "User" u JOIN "PlatformMembership" m ON m."userId" = u.id WHERE m."platformId" = $1 ORDER BY u.email`);
  const jobSeekers = await q(`SELECT id FROM "JobSeeker" WHERE "platformId" = $1 AND "archivedAt" IS NULL ORDER BY "createdAt"`);
  return {
    companyId: await q(`SELECT id FROM "Company" WHERE "platformId" = $1 ORDER BY "createdAt"`),
    jobSeekerId: jobSeekers,
    participantId: jobSeekers,
    offerId: await q(`SELECT id FROM "JobOffer" WHERE "platformId" = $1 ORDER BY "createdAt"`),
    eventId: await q(`SELECT id FROM "CircuitCourtEvent" WHERE "platformId" = $1 ORDER BY "createdAt"`),
    platformId: [platformId],
    platformIds: [platformId],
    staffId: users,
    staffIds: users,
    userId: users,
    assignedToId: users,
  };
}

async function call(h: Handler, route: ApiRoute, url: string, token: string, params: Record<string, string>, body: Record<string, unknown> | null) {
  const res = await callRoute(current, h, route.method, url, token, params, body === null ? null : JSON.stringify(body));
  return { status: res.status, text: await res.text() };
}

/** The URL with a query built from the route's query schema (e.g. ?version=) and the record's values. */
function withQuery(h: Handler, url: string, source: Record<string, unknown>): string | null {
  const schema = h.declared?.query;
  if (!schema) return url;
  const q = validBody(schema, { source });
  if (!q) return null;
  const sp = new URLSearchParams(Object.entries(q.body).map(([k, v]) => [k, String(v)]));
  return sp.size ? `${url}?${sp}` : url;
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { password: env.DEMO_PASSWORD });
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  lensId = (await db.platform.findFirstOrThrow({ where: { name: "Lens-Liévin" } })).id;
  amiensId = (await db.platform.findFirstOrThrow({ where: { name: "Amiénois" } })).id;
  // The demo data has no Amiénois manager: one is made for the test.
  const amiensManager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [amiensId], totp: false });
  tokens.set("amiens:PLATFORM_ASSISTANT", await credentialFor(db, "assistant@amiens.demo"));
  tokens.set("amiens:PLATFORM_MANAGER", await credentialFor(db, amiensManager.email));
  for (const [role, email] of Object.entries(LENS)) tokens.set(`lens:${role}`, await credentialFor(db, email));
}, 300_000);

const test_annotations: string[] = [];
afterAll(async () => {
  await client?.end();
  // What the allowed side answered, route by route (success, or which domain refusal).
  mkdirSync(".data/test-results", { recursive: true });
  writeFileSync(".data/test-results/isolation-writes-lens.txt", `${test_annotations.join("\n")}\n`);
});

const WRITES = listApiRoutes().filter((r) => r.method !== "GET" && PUBLIC_API[r.path] === undefined && r.path.includes("[") && !UPLOADS.has(r.path) && !NO_DEMO_RECORD.has(r.path) && !NOT_PLATFORM.has(r.path));

describe("isolation des écritures entre plateformes (corps valides)", () => {
  it("l'inventaire trouve les routes d'écriture sur un enregistrement", () => {
    expect(WRITES.length).toBeGreaterThan(30);
  });

  for (const route of WRITES) {
    const action = pinnedPermission(route.method, route.path) as Action;
    const role = action ? platformRoleFor(action) : undefined;
    // Region-wide actions (payments, tranche claims, GDPR, month closing…) have no platform caller: nothing to isolate.
    if (!role) continue;
    it(`${route.method} ${route.path} : 404 pour l'Amiénois avec un corps valide, rien de modifié ; le même corps réussit pour Lens-Liévin`, async () => {
      const h = await handlerOf(route);
      const r = await resolveIds(client, route.path, lensId);
      expect(r.platformScoped, `${route.path} : pas un enregistrement de plateforme (l'ajouter à NOT_PLATFORM avec la raison)`).toBe(true);
      expect(r.exists, `${route.path} : aucune donnée de démonstration à Lens-Liévin`).toBe(true);
      const source = JSON.parse((await fingerprint(client, r.records)).at(-1) ?? "{}") as Record<string, unknown>;
      const schema = h.declared?.body;
      const built = schema ? validBody(schema, { source, ids: await idsOf(lensId) }) : null;
      expect(!schema || built !== null, `${route.method} ${route.path} : aucun corps valide construit depuis son schéma (compléter tests/support/zod-body.ts) : ${lastIssues.join(" ; ")}`).toBe(true);
      const body = built?.body ?? null;
      const url = withQuery(h, r.url, source);
      expect(url, `${route.method} ${route.path} : paramètres de requête invalides`).not.toBeNull();

      const before = await tableChecksums(client);
      const foreign = await call(h, route, url!, tokens.get(`amiens:${role}`)!, r.values, body);
      expect(foreign.status, `${route.method} ${route.path} (Amiénois, corps ${JSON.stringify(body)}) → ${foreign.text}`).toBe(404);
      expect(changedTables(before, await tableChecksums(client)), `${route.method} ${route.path} : tables modifiées par une requête refusée`).toEqual([]);

      // The body passed the route's own schema (validBody checks it): from Lens-Liévin the same
      // request reaches the record — success, or a refusal of the domain (a closed callback, a signed
      // file…), never « not found ».
      const allowed = await call(h, route, url!, tokens.get(`lens:${role}`)!, r.values, body);
      test_annotations.push(`${route.method} ${route.path} : Lens-Liévin ${allowed.status}`);
      expect([401, 403, 404], `${route.method} ${route.path} (Lens-Liévin, même corps) → ${allowed.text}`).not.toContain(allowed.status);
      expect(allowed.status, `${route.method} ${route.path} (Lens-Liévin, même corps) → ${allowed.text}`).toBeLessThan(500);
    });
  }
});

describe("création sur une entreprise d'une autre plateforme", () => {
  const CASES: { label: string; method: string; path: string; url: (companyId: string) => string }[] = [
    { label: "une offre", method: "POST", path: "/api/v1/offers", url: () => "/api/v1/offers" },
    { label: "une visite", method: "POST", path: "/api/v1/visits", url: () => "/api/v1/visits" },
    { label: "un rappel", method: "POST", path: "/api/v1/callbacks", url: () => "/api/v1/callbacks" },
    { label: "un contact", method: "POST", path: "/api/v1/companies/[id]/contacts", url: (id) => `/api/v1/companies/${id}/contacts` },
  ];
  for (const c of CASES) {
    it(`un·e assistant·e d'Amiénois qui crée ${c.label} sur une entreprise de Lens-Liévin reçoit 404, rien n'est créé`, async () => {
      const route = listApiRoutes().find((r) => r.method === c.method && r.path === c.path)!;
      const h = await handlerOf(route);
      const company = (await client.query<{ id: string }>(`SELECT id FROM "Company" WHERE "platformId" = $1 ORDER BY "createdAt" LIMIT 1`, [lensId])).rows[0]!.id;
      const ids = { ...(await idsOf(lensId)), companyId: [company] };
      const built = validBody(h.declared!.body!, { ids, overrides: { companyId: company, visitId: undefined } });
      expect(built, `${c.path} : aucun corps valide`).not.toBeNull();
      if (built!.body.companyId !== undefined) expect(built!.body.companyId).toBe(company);
      const params: Record<string, string> = c.path.includes("[id]") ? { id: company } : {};
      const before = await tableChecksums(client);
      const foreign = await call(h, route, c.url(company), tokens.get("amiens:PLATFORM_ASSISTANT")!, params, built!.body);
      expect(foreign.status, foreign.text).toBe(404);
      expect(changedTables(before, await tableChecksums(client))).toEqual([]);
      // The same request from Lens-Liévin creates it: the body was valid, the refusal was the platform.
      const own = await call(h, route, c.url(company), tokens.get("lens:PLATFORM_ASSISTANT")!, params, built!.body);
      expect(own.status, own.text).toBe(201);
    });
  }

  it("le même refus pour une entreprise qui n'existe pas (rien ne distingue l'autre plateforme)", async () => {
    const route = listApiRoutes().find((r) => r.method === "POST" && r.path === "/api/v1/companies/[id]/contacts")!;
    const h = await handlerOf(route);
    const company = (await client.query<{ id: string }>(`SELECT id FROM "Company" WHERE "platformId" = $1 ORDER BY "createdAt" LIMIT 1`, [lensId])).rows[0]!.id;
    const body = validBody(h.declared!.body!)!.body;
    const token = tokens.get("amiens:PLATFORM_ASSISTANT")!;
    const foreign = await call(h, route, `/api/v1/companies/${company}/contacts`, token, { id: company }, body);
    const missing = randomUUID();
    const unknown = await call(h, route, `/api/v1/companies/${missing}/contacts`, token, { id: missing }, body);
    expect([foreign.status, foreign.text]).toEqual([unknown.status, unknown.text]);
  });
});
