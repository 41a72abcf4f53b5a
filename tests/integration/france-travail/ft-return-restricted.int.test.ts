// Issue 22 — people whose processing is restricted (RGPD art. 18, a rights request) are left out of
// the monthly personal-data return to France Travail (FT convention art. 7, annex 1 §5), like the
// destroyed ones; lifting the restriction brings them back.
import { beforeEach, describe, expect, it } from "vitest";
import { ftBeneficiariesFor } from "@/lib/france-travail/ft-report.service";
import { createJobSeeker, createPlatform, createRuleSets } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

describe("monthly return to France Travail", () => {
  it("excludes a person whose processing is restricted", async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db, "Plateforme Limitation");
    const file = await db.subsidyFile.create({ data: { platformId: platform.id, year: 2026, funder: "FRANCE_TRAVAIL", signedAt: new Date("2026-02-01") } });
    const free = await db.jobSeeker.update({ where: { id: (await createJobSeeker(db, platform.id)).id }, data: { lastName: "Libre", franceTravailId: "1111111A", ftInformedAt: new Date("2026-03-01") } });
    const frozen = await db.jobSeeker.update({ where: { id: (await createJobSeeker(db, platform.id)).id }, data: { lastName: "Gelée", franceTravailId: "2222222B", restrictedAt: new Date("2026-03-01"), ftInformedAt: new Date("2026-03-01") } });
    for (const p of [free, frozen]) await db.mobilityDiagnostic.create({ data: { platformId: platform.id, jobSeekerId: p.id, subsidyFileId: file.id, date: new Date("2026-03-10"), diagnosticDone: true } });

    const rows = await ftBeneficiariesFor(db, file.id, "2026-03");
    expect(rows.map((r) => r.franceTravailId)).toEqual(["1111111A"]);

    await db.jobSeeker.update({ where: { id: frozen.id }, data: { restrictedAt: null } });
    expect((await ftBeneficiariesFor(db, file.id, "2026-03")).map((r) => r.franceTravailId).sort()).toEqual(["1111111A", "2222222B"]);
  });

  // FT convention art. 11: « Chaque partie informe les personnes concernées de la transmission des
  // données à l'autre partie »; annex 1 point 11. Issue 22 §2: only people so informed are returned.
  it("excludes a person not yet told that their data go to France Travail", async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db, "Plateforme Information FT");
    const file = await db.subsidyFile.create({ data: { platformId: platform.id, year: 2026, funder: "FRANCE_TRAVAIL", signedAt: new Date("2026-02-01") } });
    const told = await db.jobSeeker.update({ where: { id: (await createJobSeeker(db, platform.id)).id }, data: { franceTravailId: "3333333C", ftInformedAt: new Date("2026-03-02"), ftInformedNoticeVersion: 1 } });
    const notTold = await db.jobSeeker.update({ where: { id: (await createJobSeeker(db, platform.id)).id }, data: { franceTravailId: "4444444D" } });
    for (const p of [told, notTold]) await db.mobilityDiagnostic.create({ data: { platformId: platform.id, jobSeekerId: p.id, subsidyFileId: file.id, date: new Date("2026-03-10"), diagnosticDone: true } });
    expect((await ftBeneficiariesFor(db, file.id, "2026-03")).map((r) => r.franceTravailId)).toEqual(["3333333C"]);
  });
});
