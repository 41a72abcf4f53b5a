// Files of personal data never go to a personal API token (code review, after issue 22): France
// Travail requires the second factor for the personal data it receives (FT convention, annex 1), and a
// token is a long-lived secret without one. Called as real HTTP requests through the route handlers,
// on the real database, once with a token (Authorization: Bearer) and once with a session cookie:
// - the France Travail monthly return: beneficiaries → 403 to a token, indicators stay allowed;
// - the export of the job seekers' list (identities), direct or downloaded from the background;
// - the DPO's access/portability answer (a DPO's token created before issue 22 is refused at
//   authentication: 401).
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

import { encode } from "next-auth/jwt";
import { hashToken } from "@/lib/auth/session";
import { PERSONAL_FILE_TOKEN_REFUSED } from "@/lib/authz/policy";
import { env } from "@/lib/env";
import { openMyExport } from "@/lib/exports/table-export.service";
import { loadPrincipalByToken } from "@/lib/auth/principal";
import { createJobSeeker, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";

const http = inProcessFetch(current);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A personal token of `userId`, as « Mon profil » creates it (stored hashed). */
async function tokenOf(userId: string): Promise<string> {
  const token = `pe_${userId.replace(/-/g, "")}${Math.random().toString(36).slice(2)}`;
  await db.apiToken.create({ data: { userId, name: "intégration", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  return token;
}

async function sessionOf(userId: string): Promise<string> {
  return encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
}

/** GET with a token (Bearer) or a session cookie (same-origin browser request). */
async function get(path: string, auth: { token: string } | { cookie: string }): Promise<Response> {
  current.cookie = "cookie" in auth ? auth.cookie : undefined;
  const headers: Record<string, string> = "token" in auth ? { authorization: `Bearer ${auth.token}` } : { "sec-fetch-site": "same-origin" };
  return http(new Request(`${BASE_URL}${path}`, { headers }));
}

async function refusal(res: Response): Promise<{ status: number; message: string }> {
  return { status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message };
}

let lensId = "";
let personId = "";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  lensId = (await createPlatform(db, "Lens-Liévin")).id;
  const p = await createJobSeeker(db, lensId);
  personId = (await db.jobSeeker.update({ where: { id: p.id }, data: { lastName: "Témoin", firstName: "Anaïs", franceTravailId: "1234567A", ftInformedAt: new Date("2026-02-01"), ftInformedNoticeVersion: 1 } })).id;
});

describe("retour mensuel France Travail : données personnelles à une session seulement", () => {
  it("jeton → 403 en français sur beneficiaries (rien lu ni tracé), 200 sur indicators ; session → 200 et téléchargement tracé", async () => {
    const reviewer = await createUser(db, { role: "FRANCE_TRAVAIL_REVIEWER" });
    const file = await db.subsidyFile.create({ data: { platformId: lensId, year: 2026, funder: "FRANCE_TRAVAIL", reviewerId: reviewer.id, signedAt: new Date("2026-02-10") } });
    await db.mobilityDiagnostic.create({ data: { platformId: lensId, jobSeekerId: personId, subsidyFileId: file.id, date: new Date("2026-03-02"), diagnosticDone: true } });
    const url = (kind: string) => `/api/v1/france-travail/${file.id}/monthly?month=2026-03&file=${kind}`;
    const token = { token: await tokenOf(reviewer.id) };

    expect(await refusal(await get(url("beneficiaries"), token))).toEqual({ status: 403, message: PERSONAL_FILE_TOKEN_REFUSED });
    expect(await db.auditEvent.count({ where: { action: "ftReport.beneficiaries.export" } })).toBe(0);
    const indicators = await get(url("indicators"), token);
    expect(indicators.status).toBe(200);
    expect(indicators.headers.get("content-type")).toBe(XLSX);

    const session = { cookie: await sessionOf(reviewer.id) };
    const personal = await get(url("beneficiaries"), session);
    expect(personal.status).toBe(200);
    expect(personal.headers.get("content-type")).toBe(XLSX);
    expect(await db.auditEvent.count({ where: { action: "ftReport.beneficiaries.export", actorId: reviewer.id } })).toBe(1);
    expect((await get(url("indicators"), session)).status).toBe(200);
  });
});

describe("export d'identités (liste des demandeurs d'emploi) : à une session seulement", () => {
  it("jeton → 403 sur la liste des demandeurs (direct ou en arrière-plan), 200 sur une liste sans identités ; session → 200", async () => {
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lensId] });
    const token = { token: await tokenOf(manager.id) };
    const people = "/api/v1/lists/jobSeekers/export?format=csv&purpose=SUIVI_ACCOMPAGNEMENT";

    expect(await refusal(await get(people, token))).toEqual({ status: 403, message: PERSONAL_FILE_TOKEN_REFUSED });
    expect(await db.auditEvent.count({ where: { action: "tableExport.created" } })).toBe(0);
    expect((await get("/api/v1/lists/companies/export?format=csv", token)).status).toBe(200);

    const direct = await get(people, { cookie: await sessionOf(manager.id) });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toContain("Témoin");

    // A background export of identities, finished: its download is refused to the token too (before the file is opened).
    const done = await db.tableExport.create({
      data: { userId: manager.id, list: "jobSeekers", format: "csv", query: { purpose: "SUIVI_ACCOMPAGNEMENT" }, status: "DONE", filename: "demandeurs.csv", storageKey: "absent.csv", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await refusal(await get(`/api/v1/table-exports/${done.id}/file`, token))).toEqual({ status: 403, message: PERSONAL_FILE_TOKEN_REFUSED });
    const viaToken = (await loadPrincipalByToken(db, hashToken(token.token)))!.user;
    expect(viaToken.credential).toBe("token");
    await expect(openMyExport(db, viaToken, done.id)).rejects.toMatchObject({ status: 403, message: PERSONAL_FILE_TOKEN_REFUSED });
  });
});

describe("réponse d'accès / portabilité du DPO : à une session seulement", () => {
  it("un jeton d'avant l'issue 22 → 401 dans tous les formats (un DPO ne détient plus de jeton : refusé dès l'authentification), rien tracé ; session → 200", async () => {
    const dpo = await createUser(db, { role: "DPO", allPlatforms: true });
    const request = await db.rightsRequest.create({
      data: { platformId: lensId, jobSeekerId: personId, kind: "ACCESS", receivedAt: new Date("2026-11-18T09:00:00Z"), dueAt: new Date("2026-12-18T09:00:00Z"), requesterName: "Anaïs Témoin" },
    });
    const token = { token: await tokenOf(dpo.id) };
    for (const format of ["html", "json", "csv"]) {
      expect(await refusal(await get(`/api/v1/rights-requests/${request.id}/export?format=${format}`, token)), format).toEqual({ status: 401, message: "Authentification requise." });
    }
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.exported" } })).toBe(0);
    const answer = await get(`/api/v1/rights-requests/${request.id}/export?format=json`, { cookie: await sessionOf(dpo.id) });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Témoin");
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.exported", actorId: dpo.id } })).toBe(1);
  });
});
