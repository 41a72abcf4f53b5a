// The ids the security matrix, the isolation suites and the contract test put in dynamic routes
// (e2e/security/ids.ts): a route whose own segment after the param needs a particular record has a
// resolver keyed by that segment ("subsidy-files/[id]/ft-bilan"), tried before the param's own. The
// France Travail bilans and indicators get a signed France Travail file — never the Région file with
// the most budget lines that "subsidy-files/[id]" picks, on which they would only answer 404/422.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveIds } from "@/e2e/security/ids";
import { env } from "@/lib/env";
import { createPlatform } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

let client: pg.Client;
let lensId = "";
let regionFile = "";
let ftFile = "";
let indicatorId = "";

beforeAll(async () => {
  await resetDb();
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  lensId = (await createPlatform(db, "Lens-Liévin")).id;
  // Created first, with budget lines: what "subsidy-files/[id]" prefers.
  regionFile = (await db.subsidyFile.create({ data: { platformId: lensId, year: 2026, funder: "REGION" } })).id;
  await db.budgetLine.create({ data: { subsidyFileId: regionFile, category: "SALAIRES", label: "Chargée de mission", eligible: true, forecastCents: 100_000n } });
  // An unsigned France Travail file (no bilan yet), then the signed one.
  await db.subsidyFile.create({ data: { platformId: lensId, year: 2025, funder: "FRANCE_TRAVAIL" } });
  ftFile = (await db.subsidyFile.create({ data: { platformId: lensId, year: 2026, funder: "FRANCE_TRAVAIL", signedAt: new Date("2026-02-10") } })).id;
  indicatorId = (await db.ftIndicator.create({ data: { subsidyFileId: ftFile, label: "Personnes ayant passé le permis" } })).id;
});

afterAll(async () => {
  await client.end();
});

describe("résolveurs d'identifiants des routes dynamiques (e2e/security/ids.ts)", () => {
  it("les bilans et indicateurs France Travail reçoivent le dossier France Travail signé, les autres routes du dossier celui de la Région", async () => {
    for (const pattern of ["/api/v1/subsidy-files/[id]/ft-bilan", "/api/v1/subsidy-files/[id]/ft-indicators"]) {
      const r = await resolveIds(client, pattern, lensId);
      expect(r.values.id, pattern).toBe(ftFile);
      expect(r).toMatchObject({ exists: true, platformScoped: true, records: [{ table: "SubsidyFile", id: ftFile }] });
    }
    const indicator = await resolveIds(client, "/api/v1/subsidy-files/[id]/ft-indicators/[indicatorId]", lensId);
    expect(indicator.values).toEqual({ id: ftFile, indicatorId });
    expect(indicator.url).toBe(`/api/v1/subsidy-files/${ftFile}/ft-indicators/${indicatorId}`);
    for (const pattern of ["/api/v1/subsidy-files/[id]", "/api/v1/subsidy-files/[id]/budget-lines", "/financement/[id]"]) {
      expect((await resolveIds(client, pattern, lensId)).values.id, pattern).toBe(regionFile);
    }
    // Another platform's user gets a random id on its own platform: nothing of Lens.
    const amiens = await createPlatform(db, "Amiénois");
    expect(await resolveIds(client, "/api/v1/subsidy-files/[id]/ft-bilan", amiens.id)).toMatchObject({ exists: false, records: [] });
    await expect(resolveIds(client, "/api/v1/inconnu/[id]/ft-bilan", lensId)).rejects.toThrow(/pas de résolveur/);
  });
});
