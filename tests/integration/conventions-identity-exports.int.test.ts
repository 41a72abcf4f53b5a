// Issue 22 §6 (minimisation): exports of identities (name, birth date, contact) only for the roles
// whose work needs them, with a purpose stated from the rule set and recorded in the audit event;
// personal API tokens only for the roles that integrate (lib/authz/policy.ts). Région convention
// annex 1 art. 3.1 point 2: the processor processes the data « que pour la ou les seule(s)
// finalité(s) qui fait/font l'objet de la sous-traitance ».
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import type { Readable } from "node:stream";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { GET as exportListRoute } from "@/app/api/v1/lists/[list]/export/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { PERSONAL_FILE_TOKEN_REFUSED } from "@/lib/authz/policy";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { openMyExport, runTableExports, startTableExport } from "@/lib/exports/table-export.service";
import { IDENTITY_EXPORT_PURPOSES_DEFAULTS } from "@/lib/rules/rule-set.schema";
import { createToken } from "@/lib/tokens/token.service";
import { updateUser } from "@/lib/users/user.service";
import { createJobSeeker, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { callRoute, credentialFor, withSessionCookie, type Handler } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
let lensId = "";

async function principal(role: Role, extra: { allPlatforms?: boolean } = {}): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds: role === "FRANCE_TRAVAIL_REVIEWER" || role === "ADMIN" ? [] : [lensId], ...extra });
  return (await loadPrincipal(db, u.id))!;
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  lensId = (await createPlatform(db, "Lens-Liévin")).id;
});

describe("export d'identités : finalité demandée et journalisée (issue 22 §6)", () => {
  it("la finalité (code du jeu de règles + précision) est enregistrée dans l'événement d'audit de l'export et de la lecture", async () => {
    const manager = await principal("PLATFORM_MANAGER");
    const person = await createJobSeeker(db, lensId);
    const started = await startTableExport(db, manager, "jobSeekers", { purpose: "CIRCUIT_COURT", purposeText: "Job dating logistique du 12 décembre" }, "csv", { requestId: "req-1" }, now);
    if (started.mode !== "inline") throw new Error("inline attendu");
    expect(await text(started.stream)).toContain(person.lastName!);
    const label = IDENTITY_EXPORT_PURPOSES_DEFAULTS.find((p) => p.code === "CIRCUIT_COURT")!.label;
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tableExport.created", actorId: manager.id } });
    expect(event.reason).toBe(`${label} — Job dating logistique du 12 décembre`);
    expect(event.metadata).toMatchObject({ list: "jobSeekers", identities: true, purpose: { code: "CIRCUIT_COURT", label, text: "Job dating logistique du 12 décembre" } });
    const read = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.list", actorId: manager.id } });
    expect(read.reason).toBe(`Export de la liste des demandeurs d'emploi — ${label} — Job dating logistique du 12 décembre`);
  });

  it("sans finalité, ou avec une finalité hors de la liste, l'export est refusé (400, en français) et rien n'est lu", async () => {
    const assistant = await principal("PLATFORM_ASSISTANT");
    await createJobSeeker(db, lensId);
    await expect(startTableExport(db, assistant, "jobSeekers", {}, "csv", {}, now)).rejects.toMatchObject({
      status: 400, fields: { purpose: ["Indiquez la finalité de l'export : la liste contient l'identité des personnes."] },
    });
    await expect(startTableExport(db, assistant, "jobSeekers", { purpose: "STATISTIQUES" }, "csv", {}, now)).rejects.toMatchObject({
      status: 400, fields: { purpose: ["Finalité inconnue : choisissez-en une dans la liste."] },
    });
    expect(await db.auditEvent.count({ where: { actorId: assistant.id, action: { in: ["tableExport.created", "jobSeeker.list"] } } })).toBe(0);
  });

  it("un référent Région (qui lit pourtant son portefeuille) n'exporte pas d'identités : 403 avec un message clair", async () => {
    const referent = await principal("REGION_REFERENT", { allPlatforms: true });
    await createJobSeeker(db, lensId, { referentId: referent.id });
    await expect(startTableExport(db, referent, "jobSeekers", { purpose: "MISE_EN_RELATION" }, "csv", {}, now)).rejects.toMatchObject({
      status: 403, message: "Cette liste contient l'identité des personnes (nom, date de naissance, coordonnées) : votre rôle ne permet pas de l'exporter.",
    });
    // A list without identities needs no purpose and stays open to the referent.
    const companies = await startTableExport(db, referent, "companies", {}, "csv", {}, now);
    expect(companies.mode).toBe("inline");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tableExport.created", actorId: referent.id } });
    expect(event.metadata).not.toHaveProperty("purpose");
  });

  it("finances, France Travail, DPO et administrateur : aucun export de la liste des demandeurs (403)", async () => {
    for (const role of ["REGION_FINANCE", "FRANCE_TRAVAIL_REVIEWER", "DPO", "ADMIN"] as const) {
      const user = await principal(role, { allPlatforms: role === "REGION_FINANCE" || role === "DPO" });
      await expect(startTableExport(db, user, "jobSeekers", { purpose: "MISE_EN_RELATION" }, "csv", {}, now), role).rejects.toMatchObject({ status: 403 });
    }
  });

  it("en arrière-plan : la finalité suit l'export jusqu'au fichier et à son téléchargement", async () => {
    const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "OPERATIONS" } });
    await db.ruleSet.update({ where: { id: rs.id }, data: { payload: { ...(rs.payload as object), tableExportBackgroundRows: 1 } } });
    const manager = await principal("PLATFORM_MANAGER");
    await createJobSeeker(db, lensId);
    await createJobSeeker(db, lensId);
    const started = await startTableExport(db, manager, "jobSeekers", { purpose: "QUALITE_DONNEES" }, "xlsx", {}, now);
    if (started.mode !== "background") throw new Error("arrière-plan attendu");
    expect(await runTableExports(db, now)).toMatchObject({ generated: 1, failed: 0 });
    const label = IDENTITY_EXPORT_PURPOSES_DEFAULTS.find((p) => p.code === "QUALITE_DONNEES")!.label;
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.list", actorId: manager.id, reason: `Export de la liste des demandeurs d'emploi — ${label}` } })).toBeGreaterThanOrEqual(2);
    const file = await openMyExport(db, manager, started.id, {}, now);
    file.stream.destroy();
    const download = await db.auditEvent.findFirstOrThrow({ where: { action: "tableExport.download", actorId: manager.id } });
    expect(download.metadata).toMatchObject({ list: "jobSeekers", purpose: "QUALITE_DONNEES" });
  });

  it("par l'API : la finalité passe dans l'adresse (session) ; un jeton reçoit un 403 en français (fichier de données personnelles), un rôle sans export d'identités aussi", async () => {
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lensId] });
    const referent = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    await createJobSeeker(db, lensId);
    const route = exportListRoute as unknown as Handler;
    // The manager's session (the « Exporter » link of the list); identity files never go to a token (lib/authz/policy.ts, SESSION_ONLY_ACTIONS).
    const viaSession = async (url: string): Promise<Response> => {
      current.cookie = await encode({ token: { sub: manager.id, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
      const headers = withSessionCookie(current, new Headers({ host: "localhost" }));
      current.headers = headers;
      try {
        return await route(new NextRequest(new URL(url, "http://localhost"), { headers }), { params: Promise.resolve({ list: "jobSeekers" }) });
      } finally {
        current.cookie = undefined;
      }
    };
    const ok = await viaSession("/api/v1/lists/jobSeekers/export?format=csv&purpose=SUIVI_ACCOMPAGNEMENT");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    expect(await ok.text()).toContain("Nom;Prénom");
    const missing = await viaSession("/api/v1/lists/jobSeekers/export?format=csv");
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("Indiquez la finalité de l'export");
    const byToken = await callRoute(current, route, "GET", "/api/v1/lists/jobSeekers/export?format=csv&purpose=SUIVI_ACCOMPAGNEMENT", await credentialFor(db, manager.email), { list: "jobSeekers" }, null);
    expect(byToken.status).toBe(403);
    expect(((await byToken.json()) as { error: { message: string } }).error.message).toBe(PERSONAL_FILE_TOKEN_REFUSED);
    const refused = await callRoute(current, route, "GET", "/api/v1/lists/jobSeekers/export?format=csv&purpose=SUIVI_ACCOMPAGNEMENT", await credentialFor(db, referent.email), { list: "jobSeekers" }, null);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/votre rôle ne permet pas de l'exporter/);
  });
});

describe("jetons d'accès personnels : seulement les rôles qui intègrent (issue 22 §6)", () => {
  it("responsable de plateforme, France Travail et administrateur créent un jeton ; les autres rôles sont refusés avec un message en français", async () => {
    for (const role of ["PLATFORM_MANAGER", "FRANCE_TRAVAIL_REVIEWER", "ADMIN"] as const) {
      const user = await principal(role);
      const { token } = await createToken(db, user, { name: "Intégration", expiresInDays: 30 }, { viaToken: false });
      expect(token, role).toMatch(/^pe_/);
    }
    for (const role of ["PLATFORM_ASSISTANT", "REGION_REFERENT", "REGION_FINANCE", "DPO"] as const) {
      const user = await principal(role, { allPlatforms: role !== "PLATFORM_ASSISTANT" });
      await expect(createToken(db, user, { name: "Intégration", expiresInDays: 30 }, { viaToken: false }), role).rejects.toMatchObject({
        status: 403, message: expect.stringMatching(/^Les jetons d'accès personnels sont réservés aux rôles qui relient l'application à un autre outil/),
      });
    }
    expect(await db.apiToken.count({ where: { name: "Intégration" } })).toBe(3);
  });

  it("l'API /api/v1/tokens répond 403 en français à un rôle qui n'intègre pas, 200 à un responsable", async () => {
    const assistant = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lensId] });
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lensId] });
    const refused = await callRoute(current, listTokensRoute as unknown as Handler, "GET", "/api/v1/tokens", await credentialFor(db, assistant.email), {}, null);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", message: "Les jetons d'accès personnels sont réservés aux rôles qui relient l'application à un autre outil (responsable de plateforme, France Travail, administrateur technique)." } });
    const post = await callRoute(current, createTokenRoute as unknown as Handler, "POST", "/api/v1/tokens", await credentialFor(db, assistant.email), {}, JSON.stringify({ name: "Script" }));
    expect(post.status).toBe(403);
    const ok = await callRoute(current, listTokensRoute as unknown as Handler, "GET", "/api/v1/tokens", await credentialFor(db, manager.email), {}, null);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it("un responsable qui devient assistant perd ses jetons (révoqués avec le changement de rôle)", async () => {
    const admin = await principal("ADMIN");
    const manager = await principal("PLATFORM_MANAGER");
    const { item } = await createToken(db, manager, { name: "CRM de la plateforme", expiresInDays: 30 }, { viaToken: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: manager.id }, select: { version: true } });
    await updateUser(db, admin, manager.id, { version: row.version, role: "PLATFORM_ASSISTANT" }, now);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: item.id } })).revokedAt).toEqual(now);
  });
});
