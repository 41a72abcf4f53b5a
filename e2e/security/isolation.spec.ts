// Issues 9 and 21 — platform isolation on the production server. For every detail page and every
// API method on a record (from the route inventory), an Amiénois assistant gets 404 for a Lens-Liévin
// record and the row is left exactly as it was. API GET answers are compared byte for byte with the
// answer for a random uuid: nothing tells a record of another platform from one that does not exist.
// Writes with VALID bodies (built from each route's zod schema with the foreign record's values and
// version) and the creation of an offer, visit, callback or contact on a Lens company are in
// tests/integration/security/isolation-writes.int.test.ts (they need the routes' schemas); here the
// writes are only checked never to succeed nor change the row. Ids placed in bodies are checked too
// (proposal, visit, contact, event participant, budget line).
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, type Action } from "../../lib/authz/policy";
import { pinnedPermission } from "../../tests/support/route-permissions";
import { listApiRoutes, listPages, PUBLIC_API } from "../../tests/support/route-inventory";
import { one, platformId, signedIn, withDb } from "./fixtures";
import { fingerprint, resolveIds } from "./ids";

const assistant = { id: "x", role: "PLATFORM_ASSISTANT" as const, allPlatforms: false, platformIds: [] };
const manager = { ...assistant, role: "PLATFORM_MANAGER" as const };

test("une assistante d'Amiénois obtient 404 sur chaque fiche et chaque route d'API d'un enregistrement de Lens-Liévin, sans rien modifier", async () => {
  test.setTimeout(300_000);
  const ctx = await signedIn("assistantAmiens");
  const bad: string[] = [];
  let checked = 0;
  try {
    await withDb(async (c) => {
      const lens = await platformId(c, "Lens-Liévin");
      for (const page of listPages().filter((p) => p.path.includes("[") && p.action !== "public")) {
        if (!can(assistant, page.action as Action)) continue;
        const r = await resolveIds(c, page.path, lens);
        if (!r.platformScoped) continue;
        if (!r.exists) { bad.push(`${page.path}: aucune donnée de démonstration à Lens-Liévin`); continue; }
        const s = (await ctx.get(r.url, { maxRedirects: 0 })).status();
        checked++;
        if (s !== 404) bad.push(`page ${page.path} → ${s}, attendu 404`);
      }
      for (const api of listApiRoutes().filter((a) => a.path.includes("[") && PUBLIC_API[a.path] === undefined)) {
        if (!can(assistant, pinnedPermission(api.method, api.path) as Action)) continue;
        const r = await resolveIds(c, api.path, lens);
        if (!r.platformScoped || !r.exists) continue;
        const before = await fingerprint(c, r.records);
        if (api.method === "GET") {
          // Byte for byte the answer for an id that does not exist (every id of the URL replaced).
          const res = await ctx.get(r.url, { maxRedirects: 0 });
          const text = await res.text();
          const random = await ctx.get(Object.values(r.values).filter((v) => /^[0-9a-f-]{36}$/i.test(v)).reduce((u, id) => u.replace(id, randomUUID()), r.url), { maxRedirects: 0 });
          const randomText = await random.text();
          checked++;
          if (res.status() !== 404) bad.push(`GET ${api.path} → ${res.status()}, attendu 404`);
          if (res.status() !== random.status() || text !== randomText) bad.push(`GET ${api.path} : réponse différente d'un identifiant inexistant (${res.status()} ${text.slice(0, 120)} ≠ ${random.status()} ${randomText.slice(0, 120)})`);
          continue;
        }
        // Writes: their bodies here may fail validation first (valid bodies: isolation-writes.int.test.ts); never a success.
        let res = await ctx.fetch(r.url, { method: api.method, maxRedirects: 0, data: { version: 1 } });
        // A route may check its input (e.g. ?version=) before looking the record up: retry with the record's real version.
        const version = (JSON.parse(before.at(-1) ?? "{}") as { version?: number }).version;
        if (res.status() === 400 && version !== undefined) {
          res = await ctx.fetch(`${r.url}?version=${version}`, { method: api.method, maxRedirects: 0, data: { version } });
        }
        checked++;
        const s = res.status();
        const ok = api.method === "DELETE" ? s === 404 : s === 404 || s === 400;
        if (!ok) bad.push(`${api.method} ${api.path} → ${s}, attendu 404`);
        const after = await fingerprint(c, r.records);
        if (JSON.stringify(before) !== JSON.stringify(after)) bad.push(`${api.method} ${api.path} : l'enregistrement de Lens-Liévin a changé`);
      }
    });
  } finally {
    await ctx.dispose();
  }
  expect(checked).toBeGreaterThan(20);
  expect(bad, bad.join("\n")).toEqual([]);
});

/**
 * A foreign id in a body must read exactly as an id that does not exist at all: 404, or the same
 * field-level refusal (400 / 422) as for a random uuid — nothing that reveals the other platform's record.
 */
async function expectUnknown(ctx: APIRequestContext, method: string, url: string, data: Record<string, unknown>, foreignKey: string) {
  const res = await ctx.fetch(url, { method, data });
  const text = await res.text();
  expect([404, 400, 422], `${method} ${url} ${text}`).toContain(res.status());
  if (res.status() !== 404) {
    const random = await ctx.fetch(url, { method, data: { ...data, [foreignKey]: randomUUID() } });
    expect(res.status(), `${method} ${url}`).toBe(random.status());
    expect(text, `${method} ${url} : même réponse qu'un identifiant inexistant`).toBe(await random.text());
  }
}

test("un identifiant d'une autre plateforme placé dans le corps d'une requête est introuvable (404), et rien n'est écrit", async () => {
  const ctx = await signedIn("assistantAmiens");
  try {
    await withDb(async (c) => {
      const lens = await platformId(c, "Lens-Liévin");
      const amiens = await platformId(c, "Amiénois");
      const lensSeeker = (await one(c, `SELECT id FROM "JobSeeker" WHERE "platformId" = $1 AND "archivedAt" IS NULL LIMIT 1`, [lens]))!;
      const lensCompany = (await one(c, `SELECT id FROM "Company" WHERE "platformId" = $1 LIMIT 1`, [lens]))!;
      const amiensOffer = (await one(c, `SELECT id FROM "JobOffer" WHERE "platformId" = $1 LIMIT 1`, [amiens]))!;
      const amiensEvent = (await one(c, `SELECT id FROM "CircuitCourtEvent" WHERE "platformId" = $1 LIMIT 1`, [amiens]))!;
      const amiensStaff = (await one(c, `SELECT id FROM "User" WHERE email = 'assistant@amiens.demo'`))!;
      const counts = async () => (await c.query(`SELECT (SELECT count(*) FROM "Proposal") p, (SELECT count(*) FROM "Visit") v, (SELECT count(*) FROM "CompanyContact") cc, (SELECT count(*) FROM "JobOffer") o, (SELECT count(*) FROM "EventJobSeekerParticipation") e`)).rows[0] as unknown;
      const before = await counts();
      // A Lens job seeker proposed on an Amiénois offer.
      await expectUnknown(ctx, "POST", "/api/v1/proposals", { jobSeekerId: lensSeeker, kind: "JOB", offerId: amiensOffer }, "jobSeekerId");
      // A visit, a contact and an offer on a Lens company.
      await expectUnknown(ctx, "POST", "/api/v1/visits", { companyId: lensCompany, date: "2026-01-15", purpose: "Visite", staffIds: [amiensStaff], partnersPresent: [], needs: [] }, "companyId");
      expect((await ctx.post(`/api/v1/companies/${lensCompany}/contacts`, { data: { lastName: "Intrus" } })).status()).toBe(404);
      // A list filtered on a foreign id: 404, or an empty list — never a Lens row.
      const filtered = await ctx.get(`/api/v1/visits?companyId=${lensCompany}`);
      if (filtered.status() !== 404) {
        expect(filtered.status()).toBe(200);
        expect(((await filtered.json()) as { items: unknown[] }).items).toEqual([]);
      }
      // A Lens job seeker registered to an Amiénois event.
      await expectUnknown(ctx, "POST", `/api/v1/events/${amiensEvent}/participants`, { type: "JOB_SEEKER", participantId: lensSeeker }, "participantId");
      expect(await counts()).toEqual(before);
    });
  } finally {
    await ctx.dispose();
  }
});

test("un·e responsable de Lens-Liévin ne touche pas aux lignes budgétaires d'un dossier d'Amiénois (404)", async () => {
  const ctx = await signedIn("managerLens");
  try {
    await withDb(async (c) => {
      const amiens = await platformId(c, "Amiénois");
      const line = await c.query<{ id: string; fileId: string }>(`SELECT b.id, b."subsidyFileId" AS "fileId" FROM "BudgetLine" b JOIN "SubsidyFile" f ON f.id = b."subsidyFileId" WHERE f."platformId" = $1 LIMIT 1`, [amiens]);
      expect(line.rows.length, "jeu de démonstration : une ligne budgétaire à Amiénois").toBe(1);
      const { id, fileId } = line.rows[0]!;
      expect(can(manager, "subsidy.write")).toBe(true);
      const before = await fingerprint(c, [{ table: "BudgetLine", id }, { table: "SubsidyFile", id: fileId }]);
      expect((await ctx.get(`/api/v1/subsidy-files/${fileId}/budget-lines`)).status()).toBe(404);
      expect((await ctx.delete(`/api/v1/subsidy-files/${fileId}/budget-lines/${id}`)).status()).toBe(404);
      expect((await ctx.get(`/api/v1/subsidy-files/${fileId}`)).status()).toBe(404);
      expect((await ctx.get(`/financement/${fileId}`)).status()).toBe(404);
      expect(await fingerprint(c, [{ table: "BudgetLine", id }, { table: "SubsidyFile", id: fileId }])).toEqual(before);
    });
  } finally {
    await ctx.dispose();
  }
});
