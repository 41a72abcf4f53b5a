// Issue 15 §3 — the API answers what its OpenAPI document says. Every GET operation of the committed
// document (docs/openapi.json, kept equal to the generated one by tests/unit/api/openapi-contract.test.ts)
// is called as a client would, through the typed client generated from the document
// (tests/support/api-client.ts), on the real database holding the demo data set, by every role allowed
// to call it, with every value of its format / file parameter. Each answer must be documented: its
// status, its Content-Type, and for JSON its body, validated with ajv in strict mode against the
// operation's schema (an undocumented field fails: objects are closed; `date` / `date-time` formats are
// checked, and a date in a plain string schema fails — tests/support/openapi-check.ts, shared with
// tests/integration/security/allowed-writes.int.test.ts, which checks every write route's answers the same way). Error answers are probed too:
// 401 without a token, 404 for an unknown id, 400 for an invalid parameter — each against the French
// error body schema. The literal calls at the end compile only while the contract keeps those fields.
// An operation that refuses some files to a token (files of personal data: lib/authz/policy.ts
// SESSION_ONLY_ACTIONS, « Refusé à un jeton » in its description) is called with a session cookie too.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/auth/token-hash";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { can, ROLES, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { addMonths, currentMonth } from "@/lib/indicators/period.rules";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveIds } from "@/e2e/security/ids";
import { apiClient, type ApiClient } from "@/tests/support/api-client";
import { credentialFor } from "@/tests/support/api-inproc";
import { resetDb } from "@/tests/support/db";
import { checkResponse, doc, type Operation } from "@/tests/support/openapi-check";

/** One demo account per role (Lens-Liévin where the role works on a platform). */
const ACCOUNT_OF: Record<Role, string> = {
  PLATFORM_ASSISTANT: "assistant@lens.demo",
  PLATFORM_MANAGER: "manager@lens.demo",
  REGION_REFERENT: "referent@region.demo",
  REGION_FINANCE: "finance@region.demo",
  FRANCE_TRAVAIL_REVIEWER: "reviewer@francetravail.demo",
  DPO: "dpo@region.demo",
  ADMIN: "admin@region.demo",
};

/** GET operations without any record in the demo data set (the writes test creates the others): only their 404 is checked. */
const NO_DEMO_RECORD: Record<string, string> = {
  "/api/v1/table-exports/{id}": "a background export belongs to its author and the demo data has none",
  "/api/v1/table-exports/{id}/file": "same",
};

const MONTH = addMonths(currentMonth(new Date()), -1);
/** Values for required query parameters. */
const SAMPLE: Record<string, string> = { q: "mar", month: MONTH, year: MONTH.slice(0, 4), kind: "INTERMEDIATE" };

/** Checks one answer against the document (tests/support/openapi-check.ts); returns a problem, or null. */
const check = (label: string, _apiPath: string, op: Operation, res: Response) => checkResponse(label, op, res);

let pgClient: pg.Client;
let lensId = "";
const clients = new Map<Role | "anonymous", ApiClient>();
type RawGet = (p: string, init: { params: { path?: Record<string, string>; query?: Record<string, string> }; parseAs: "stream" }) => Promise<{ response: Response }>;
/** The answer as received (openapi-fetch reads an error body itself: the middleware keeps a copy). */
const received = new WeakMap<ApiClient, Response>();
function keepAnswers(c: ApiClient): ApiClient {
  c.use({ onResponse: ({ response }) => void received.set(c, response.clone()) });
  return c;
}
/** A GET by a path read from the document (not a literal: outside the typed client's checks). */
const rawGet = (c: ApiClient) => async (p: string, init: Parameters<RawGet>[1]): Promise<{ response: Response }> => {
  await (c.GET as unknown as RawGet)(p, init);
  return { response: received.get(c)! };
};

/** The session cookie of each role's demo account (operations that refuse files of personal data to a token). */
const sessionCookies = new Map<Role, string>();
/** Whether the operation refuses some answers to a token (its description says so). */
const refusesTokens = (op: Operation) => op.description?.startsWith("Refusé à un jeton") ?? false;
/** A GET with the session cookie of `role` instead of a token (the anonymous client carries no Bearer header). */
const sessionGet = (role: Role) => async (p: string, init: Parameters<RawGet>[1]): Promise<{ response: Response }> => {
  current.cookie = sessionCookies.get(role);
  try {
    return await rawGet(clients.get("anonymous")!)(p, init);
  } finally {
    current.cookie = undefined;
  }
};

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { password: env.DEMO_PASSWORD });
  pgClient = new pg.Client({ connectionString: env.DATABASE_URL });
  await pgClient.connect();
  lensId = (await db.platform.findFirstOrThrow({ where: { name: "Lens-Liévin" } })).id;
  for (const role of ROLES) clients.set(role, keepAnswers(apiClient(current, await credentialFor(db, ACCOUNT_OF[role]))));
  for (const role of ROLES) {
    const user = await db.user.findUniqueOrThrow({ where: { email: ACCOUNT_OF[role] }, select: { id: true } });
    sessionCookies.set(role, await encode({ token: { sub: user.id, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! }));
  }
  clients.set("anonymous", keepAnswers(apiClient(current, null)));
  // A calendar feed of the Lens assistant: its secret is the GET's only credential (issue 20).
  const feedSecret = randomBytes(32).toString("base64url");
  const assistant = await db.user.findFirstOrThrow({ where: { email: ACCOUNT_OF.PLATFORM_ASSISTANT } });
  await db.calendarFeed.create({ data: { userId: assistant.id, tokenHash: hashToken(feedSecret) } });
  SAMPLE.jeton = feedSecret;
}, 300_000);

afterAll(async () => {
  await pgClient?.end();
});

const getOperations = Object.entries(doc.paths).flatMap(([p, item]) => (item.get ? [[p, item.get] as const] : []));

function rolesFor(op: Operation): (Role | "anonymous")[] {
  const action = op["x-permission"];
  if (!action) return ["anonymous"];
  return ROLES.filter((r) => can({ id: "x", role: r, allPlatforms: true, platformIds: [] }, action));
}

/** Query variants: required parameters from SAMPLE, and one call per value of format / file. */
function queryVariants(apiPath: string, op: Operation): Record<string, string>[] {
  const base: Record<string, string> = {};
  let variants: Record<string, string>[] = [{}];
  for (const p of op.parameters ?? []) {
    if (p.in !== "query") continue;
    if ((p.name === "format" || p.name === "file") && p.schema.enum) {
      variants = variants.flatMap((v) => p.schema.enum!.map((value) => ({ ...v, [p.name]: value })));
    } else if (p.required) {
      const sample = SAMPLE[p.name];
      if (sample === undefined) throw new Error(`${apiPath}: paramètre obligatoire « ${p.name} » sans valeur d'exemple (SAMPLE)`);
      base[p.name] = sample;
    }
  }
  return variants.map((v) => ({ ...base, ...v }));
}

async function pathValues(apiPath: string, op: Operation): Promise<Record<string, string>[]> {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === "path");
  if (pathParams.length === 0) return [{}];
  if (pathParams.every((p) => p.schema.enum)) return pathParams[0]!.schema.enum!.map((v) => ({ [pathParams[0]!.name]: v }));
  const resolved = await resolveIds(pgClient, apiPath.replace(/\{(\w+)\}/g, "[$1]"), lensId);
  return [resolved.values];
}

/** The role allowed to `action` that acts on Lens-Liévin first (a platform role before a regional one). */
function actor(action: Action): Role {
  return ROLES.find((r) => can({ id: "x", role: r, allPlatforms: true, platformIds: [] }, action))!;
}

describe("chaque GET du document, appelé comme un client, répond ce que dit le document", () => {
  it("les écritures qui créent ce que la démonstration n'a pas (simulation de conservation, violation, demande de droits, justificatif) répondent ce que dit le document", { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const written = async (apiPath: string, method: "post", c: ApiClient, status: number) => {
      const res = received.get(c)!;
      expect(res.status, `${method} ${apiPath}`).toBe(status);
      const problem = await check(`${method.toUpperCase()} ${apiPath} → ${res.status}`, apiPath, doc.paths[apiPath]![method]!, res);
      if (problem) problems.push(problem);
    };
    const dpo = clients.get(actor("purge.run"))!;
    await dpo.POST("/api/v1/purge-runs/dry-run", { body: {} });
    await written("/api/v1/purge-runs/dry-run", "post", dpo, 201);

    const recorder = clients.get(actor("breach.record"))!;
    const breach = await recorder.POST("/api/v1/breaches", {
      body: { detectedAt: "2026-11-02T09:30", nature: "Courriel envoyé au mauvais destinataire", dataCategories: ["Identité", "Coordonnées"], peopleCategories: ["Demandeurs d'emploi"], approxPeople: 1, approxRecords: 1, platformId: lensId },
    });
    await written("/api/v1/breaches", "post", recorder, 201);
    expect(breach.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const person = await db.jobSeeker.findFirstOrThrow({ where: { platformId: lensId, archivedAt: null }, orderBy: { createdAt: "asc" } });
    const rightsRecorder = clients.get(actor("rights.record"))!;
    const request = await rightsRecorder.POST("/api/v1/rights-requests", {
      body: { kind: "ACCESS", requesterName: "La personne elle-même", channel: "EMAIL", receivedAt: "2026-11-02", jobSeekerId: person.id, platformId: lensId },
    });
    await written("/api/v1/rights-requests", "post", rightsRecorder, 201);
    expect(request.data?.kind).toBe("ACCESS");

    const fileId = (await resolveIds(pgClient, "/api/v1/subsidy-files/[id]", lensId)).values.id!;
    const uploader = clients.get(actor("subsidy.write"))!;
    const form = new FormData();
    form.set("file", new File([Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")], "facture.pdf", { type: "application/pdf" }));
    form.set("kind", "INVOICE");
    await uploader.POST("/api/v1/subsidy-files/{id}/receipts", { params: { path: { id: fileId } }, body: form as never, bodySerializer: (b: unknown) => b as FormData });
    await written("/api/v1/subsidy-files/{id}/receipts", "post", uploader, 201);
    expect(problems).toEqual([]);
  });

  it("statut, type de contenu et corps (ajv strict) documentés, pour chaque rôle permis et chaque format", { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const succeeded = new Set<string>();
    let calls = 0;
    for (const [apiPath, op] of getOperations) {
      for (const params of await pathValues(apiPath, op)) {
        for (const query of queryVariants(apiPath, op)) {
          for (const role of rolesFor(op)) {
            for (const via of refusesTokens(op) ? (["jeton", "session"] as const) : (["jeton"] as const)) {
              const get = via === "session" && role !== "anonymous" ? sessionGet(role) : rawGet(clients.get(role)!);
              const { response } = await get(apiPath, { params: { path: params, query }, parseAs: "stream" });
              calls++;
              if (response.status < 300) succeeded.add(apiPath);
              const problem = await check(`GET ${apiPath} ${new URLSearchParams(query).toString()} (${role}, ${via}) → ${response.status}`, apiPath, op, response);
              if (problem) problems.push(problem);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    const neverAnswered = getOperations.map(([p]) => p).filter((p) => !succeeded.has(p) && !(p in NO_DEMO_RECORD));
    expect(neverAnswered, "routes qui n'ont jamais répondu 2xx avec les données de démonstration").toEqual([]);
    expect(calls).toBeGreaterThan(getOperations.length);
  });

  it("les erreurs ont le corps d'erreur français du document : 401 sans jeton, 404 pour un identifiant inconnu, 400 pour un paramètre invalide", { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    const seen = { 400: 0, 401: 0, 404: 0 };
    for (const [apiPath, op] of getOperations) {
      if (!op["x-permission"]) continue;
      const [params] = await pathValues(apiPath, op);
      const [query] = queryVariants(apiPath, op);
      const role = rolesFor(op)[0] as Role;
      const probes: { label: string; client: ApiClient; path: Record<string, string>; query: Record<string, string>; expected: 400 | 401 | 404 }[] = [
        { label: "sans jeton", client: clients.get("anonymous")!, path: params!, query: query!, expected: 401 },
      ];
      // A token is refused the files of personal data before the record is looked up: those probes go through a session.
      const asRole = refusesTokens(op) ? sessionGet(role) : rawGet(clients.get(role)!);
      const idParam = (op.parameters ?? []).find((p) => p.in === "path" && !p.schema.enum && /id$/i.test(p.name));
      if (idParam) probes.push({ label: `${idParam.name} inconnu`, client: clients.get(role)!, path: { ...params, [idParam.name]: randomUUID() }, query: query!, expected: 404 });
      const enumParam = (op.parameters ?? []).find((p) => p.in === "query" && (p.schema.enum || p.schema.type === "integer"));
      if (enumParam) probes.push({ label: `${enumParam.name} invalide`, client: clients.get(role)!, path: params!, query: { ...query, [enumParam.name]: "§invalide§" }, expected: 400 });
      for (const probe of probes) {
        const get = probe.client === clients.get("anonymous") ? rawGet(probe.client) : asRole;
        const { response } = await get(apiPath, { params: { path: probe.path, query: probe.query }, parseAs: "stream" });
        const label = `GET ${apiPath} ${probe.label} (${probe.client === clients.get("anonymous") ? "anonyme" : role}) → ${response.status}`;
        if (response.status !== probe.expected) {
          problems.push(`${label}: ${probe.expected} attendu`);
          continue;
        }
        seen[probe.expected]++;
        const problem = await check(label, apiPath, op, response);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
    expect(seen[401]).toBeGreaterThan(50);
    expect(seen[404]).toBeGreaterThan(20);
    expect(seen[400]).toBeGreaterThan(20);
  });
});

describe("le client typé (généré du document) compile contre le contrat", () => {
  it("lit les champs documentés des réponses", { timeout: 120_000 }, async () => {
    const manager = clients.get("PLATFORM_MANAGER")!;
    const me = await manager.GET("/api/v1/me");
    expect(me.data?.role).toBe("PLATFORM_MANAGER");
    expect(me.data?.email).toBe("manager@lens.demo");

    const companies = await manager.GET("/api/v1/companies", { params: { query: { pageSize: 5 } } });
    expect(companies.data?.pageSize).toBe(5);
    const first = companies.data!.items[0]!;
    const company = await manager.GET("/api/v1/companies/{id}", { params: { path: { id: first.id } } });
    expect(company.data?.id).toBe(first.id);
    expect(company.data?.name).toBe(first.name);

    const missing = await manager.GET("/api/v1/companies/{id}", { params: { path: { id: randomUUID() } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("NOT_FOUND");
    expect(missing.error?.error.message).toMatch(/introuvable/i);

    const files = await clients.get("REGION_FINANCE")!.GET("/api/v1/subsidy-files", { params: { query: {} } });
    const file = files.data!.items[0]!;
    const detail = await clients.get("REGION_FINANCE")!.GET("/api/v1/subsidy-files/{id}", { params: { path: { id: file.id } } });
    expect(detail.data?.id).toBe(file.id);
  });
});
