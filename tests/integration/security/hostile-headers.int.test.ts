// Hostile headers and path parameters on the API (issue 16, #14–#16): never a 500, a client's
// request id is not stored or echoed as sent, `Origin: null` is a refusal, `%` in a search is a
// character, and answers carrying personal data are not cacheable. The route handlers are called
// in-process on the real database, authenticated by a personal API token or a session cookie.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

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

import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { GET as listCompanies, POST as createCompanyRoute } from "@/app/api/v1/companies/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as readReceipt } from "@/app/api/v1/subsidy-files/[id]/receipts/[receiptId]/route";
import { hashToken } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createCompany, createPlatform, createRuleSets, createUser, validSiret } from "@/tests/factories";
import { withSessionCookie } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; params?: Record<string, string> } = {}) {
  const headers = withSessionCookie(current, new Headers({ host: "localhost:3000", ...init.headers }));
  current.headers = headers;
  const req = new NextRequest(new URL(url, "http://localhost:3000"), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(req, { params: Promise.resolve(init.params ?? {}) });
}

let token = "";
let platformId = "";
let userId = "";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  platformId = (await createPlatform(db, "Lens-Liévin")).id;
  const u = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platformId] });
  userId = u.id;
  token = `pe_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: u.id, name: "test", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  current.cookie = undefined;
});

const bearer = () => ({ authorization: `Bearer ${token}` });

describe("en-têtes hostiles", () => {
  it("un X-Request-Id de 8 000 caractères n'est ni renvoyé ni gardé : un identifiant est généré", async () => {
    const res = await call(me, "/api/v1/me", { headers: { ...bearer(), "x-request-id": "x".repeat(8007) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")!.length).toBeLessThanOrEqual(128);
    const ok = await call(me, "/api/v1/me", { headers: { ...bearer(), "x-request-id": "lb-7f3a.42" } });
    expect(ok.headers.get("x-request-id")).toBe("lb-7f3a.42");
    const injected = await call(me, "/api/v1/me", { headers: { ...bearer(), "x-request-id": "abc def<script>" } });
    expect(injected.headers.get("x-request-id")).not.toContain("<script>");
  });

  it("les réponses de l'API (données personnelles) ne sont pas mises en cache, erreurs comprises", async () => {
    expect((await call(me, "/api/v1/me", { headers: bearer() })).headers.get("cache-control")).toBe("no-store");
    expect((await call(me, "/api/v1/me")).headers.get("cache-control")).toBe("no-store");
  });

  it("Origin: null sur un POST avec cookie de session : refus 403, pas une erreur 500", async () => {
    current.cookie = await encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
    const body = { siret: validSiret(), name: "Boulangerie", platformId };
    for (const origin of ["null", "file://", "not a url", "http://[::1"]) {
      const res = await call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: { origin, "content-type": "application/json" }, body });
      expect(res.status, origin).toBe(403);
    }
  });

  it("CSRF : avec le cookie de session, un corps valide sans Origin ni Sec-Fetch-Site, ou d'une autre origine, est refusé (403) ; le même corps de notre origine crée l'entreprise", async () => {
    current.cookie = await encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
    const body = { siret: validSiret(), name: "Boulangerie CSRF", platformId };
    const json = { "content-type": "application/json" };
    const noOrigin = await call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: json, body });
    expect(noOrigin.status, await noOrigin.clone().text()).toBe(403);
    expect(((await noOrigin.json()) as { error: { message: string } }).error.message).toBe("En-tête Origin manquant.");
    const crossSite = await call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: { ...json, "sec-fetch-site": "cross-site" }, body });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: { ...json, origin: "https://attaquant.example" }, body });
    expect(otherOrigin.status).toBe(403);
    expect(((await otherOrigin.json()) as { error: { message: string } }).error.message).toBe("Requête d'une autre origine refusée.");
    expect(await db.company.count({ where: { siret: body.siret } })).toBe(0);
    // The same body from our own origin succeeds: only the origin check refused the others.
    const same = await call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: { ...json, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, body });
    expect(same.status, await same.clone().text()).toBe(201);
    expect(await db.company.count({ where: { siret: body.siret } })).toBe(1);
  });
});

describe("paramètres de chemin et contraintes de la base", () => {
  it("un identifiant qui n'est pas un uuid donne 404, jamais 500", async () => {
    for (const [id, receiptId] of [["pas-un-uuid", "x"], ["00000000-0000-0000-0000-000000000000", "'; DROP TABLE \"User\"; --"], ["%00", "../../etc/passwd"]]) {
      const res = await call(readReceipt, `/api/v1/subsidy-files/${encodeURIComponent(id!)}/receipts/${encodeURIComponent(receiptId!)}`, { headers: bearer(), params: { id: id!, receiptId: receiptId! } });
      expect(res.status, `${id} / ${receiptId}`).toBeLessThan(500);
      expect([403, 404]).toContain(res.status);
    }
  });

  it("dix créations parallèles d'une entreprise au même SIRET : une créée, les autres en 409 avec un message en français", async () => {
    const siret = validSiret();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(createCompanyRoute, "/api/v1/companies", { method: "POST", headers: { ...bearer(), "content-type": "application/json" }, body: { siret, name: "Même SIRET", platformId } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    // Each refusal is a French 409: the service's own check when the winner had already committed
    // (« Ce SIRET est déjà enregistré… »), the unique index when both checked before either wrote (« … existe déjà »).
    for (const refused of results.filter((r) => r.status === 409)) {
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/existe déjà|Ce SIRET est déjà enregistré sur la plateforme/);
    }
    expect(await db.company.count({ where: { siret } })).toBe(1);
  });

  it("q=% et q=_ cherchent ces caractères, pas « tout »", async () => {
    await createCompany(db, platformId, { name: "Boulangerie Martin" });
    await createCompany(db, platformId, { name: "Remise 100% bio" });
    const names = async (q: string) => ((await (await call(listCompanies, `/api/v1/companies?q=${encodeURIComponent(q)}`, { headers: bearer() })).json()) as { items: { name: string }[] }).items.map((c) => c.name);
    expect(await names("%")).toEqual(["Remise 100% bio"]);
    expect(await names("_")).toEqual([]);
  });
});
