import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { FT_INDICATORS } from "@/lib/france-travail/ft-report.rules";
import {
  BENEFICIARY_HEADERS, ftBeneficiariesFile, ftBeneficiariesFor, ftIndicatorsFile, ftIndicatorsFor, listFtProjects,
} from "@/lib/france-travail/ft-report.service";
import { createJobSeeker, createPlatform, createRuleSets } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const MARCH = "2026-03";
const now = new Date("2026-11-23T10:00:00Z");
let reviewer: CurrentUser;
let otherReviewer: CurrentUser;
let manager: CurrentUser;
let finance: CurrentUser;
let lensFile: string;
let amiensFile: string;

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  reviewer = await principal(db, "FRANCE_TRAVAIL_REVIEWER");
  otherReviewer = await principal(db, "FRANCE_TRAVAIL_REVIEWER");
  manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
  lensFile = (await db.subsidyFile.create({ data: { platformId: lens.id, year: 2026, funder: "FRANCE_TRAVAIL", reviewerId: reviewer.id, signedAt: new Date("2026-02-10") } })).id;
  amiensFile = (await db.subsidyFile.create({ data: { platformId: amiens.id, year: 2026, funder: "FRANCE_TRAVAIL", reviewerId: otherReviewer.id, signedAt: new Date("2026-02-01") } })).id;
  await db.subsidyFile.create({ data: { platformId: lens.id, year: 2026, funder: "REGION", reviewerId: reviewer.id } });
  // Six Lens beneficiaries in March (one with two diagnostics), one in April, one on the Amiens project.
  const people = [];
  for (let i = 0; i < 6; i++) {
    const p = await createJobSeeker(db, lens.id);
    people.push(await db.jobSeeker.update({ where: { id: p.id }, data: { lastName: `Nom${i}`, firstName: `Prénom${i}`, franceTravailId: `123456${i}A`, ftInformedAt: new Date("2026-02-01"), ftInformedNoticeVersion: 1 } }));
  }
  const diag = (jobSeekerId: string, date: string, extra: Record<string, unknown> = {}) =>
    db.mobilityDiagnostic.create({ data: { platformId: lens.id, jobSeekerId, subsidyFileId: lensFile, date: new Date(date), diagnosticDone: true, ...extra } });
  await diag(people[0]!.id, "2026-03-02", { accompanimentDone: true, accompanimentDurationDays: 10, distanceBeforeKm: 10, distanceAfterKm: 30, satisfaction: 4, solutionRecommended: true, solutionType: "Aide au permis", orientationMaterialFinancial: true });
  await diag(people[0]!.id, "2026-03-20", { diagnosticDone: false, accompanimentDone: true, accompanimentDurationDays: 20, satisfaction: 5 });
  await diag(people[1]!.id, "2026-03-05", { accompanimentDone: true, accompanimentDurationDays: 30, distanceBeforeKm: 0, distanceAfterKm: 10, satisfaction: 3 });
  await diag(people[2]!.id, "2026-03-09", { accompanimentDone: true, accompanimentDurationDays: 41, satisfaction: 4 });
  await diag(people[3]!.id, "2026-03-15", { accompanimentDone: true, accompanimentDurationDays: 14, satisfaction: 2 });
  await diag(people[4]!.id, "2026-03-31", { satisfaction: 5 });
  await diag(people[5]!.id, "2026-04-01", { accompanimentDone: true });
  const amiensPerson = await createJobSeeker(db, amiens.id);
  await db.mobilityDiagnostic.create({ data: { platformId: amiens.id, jobSeekerId: amiensPerson.id, subsidyFileId: amiensFile, date: new Date("2026-03-10"), diagnosticDone: true } });
});

describe("projets France Travail du relecteur", () => {
  it("ne liste que les dossiers France Travail assignés au relecteur, avec leurs mois", async () => {
    const projects = await listFtProjects(db, reviewer, now);
    expect(projects.map((p) => p.id)).toEqual([lensFile]);
    expect(projects[0]!.months[0]).toBe("2026-11");
    expect(projects[0]!.months.at(-1)).toBe("2026-02");
    expect((await listFtProjects(db, otherReviewer, now)).map((p) => p.id)).toEqual([amiensFile]);
  });
});

describe("fichier mensuel d'indicateurs anonymes", () => {
  it("écrit un XLSX dont les cellules égalent les chiffres calculés, petits effectifs masqués", async () => {
    const { threshold, values } = await ftIndicatorsFor(db, lensFile, null, MARCH, now);
    expect(threshold).toBe(5);
    const byKey = Object.fromEntries(values.map((v) => [v.key, v]));
    expect(byKey.beneficiaries).toMatchObject({ value: 5, masked: false });
    expect(byKey.diagnostics).toMatchObject({ value: 5, masked: false });
    expect(byKey.accompaniments).toMatchObject({ value: 5, masked: false });
    expect(byKey.accompanimentMeanDays).toMatchObject({ value: 23, masked: false });
    expect(byKey.distanceMeasured).toMatchObject({ value: 2, masked: true });
    expect(byKey.orientationsMaterialFinancial).toMatchObject({ value: 1, masked: true });
    expect(byKey.satisfactionMean).toMatchObject({ value: 3.8, masked: false });

    const before = await db.auditEvent.count({ where: { action: "ftReport.indicators.export" } });
    const file = await ftIndicatorsFile(db, reviewer, lensFile, MARCH, {}, now);
    const ws = (await readBack(file.body)).getWorksheet("Indicateurs")!;
    expect(ws.getCell("A4").value).toBe("Indicateur");
    FT_INDICATORS.forEach((d, i) => {
      const v = byKey[d.key]!;
      expect(ws.getCell(5 + i, 1).value).toBe(d.label);
      expect(ws.getCell(5 + i, 2).value).toBe(v.masked ? (d.kind === "mean" ? "masquée (moins de 5 personnes)" : "< 5") : v.value);
    });
    // A mean over 2 people is masked as a mean (not « < 5 »), and the reason is written.
    expect(ws.getCell(5 + FT_INDICATORS.findIndex((d) => d.key === "distanceMeanChangeKm"), 2).value).toBe("masquée (moins de 5 personnes)");
    expect(String(ws.getCell("A2").value)).toContain("Secret statistique");
    expect(await db.auditEvent.count({ where: { action: "ftReport.indicators.export", entityId: lensFile } })).toBe(before + 1);
  });

  it("prend le seuil de masquage dans le jeu de règles France Travail", async () => {
    const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "FRANCE_TRAVAIL" } });
    await db.ruleSet.update({ where: { id: rs.id }, data: { payload: { ...(rs.payload as object), smallCountMaskThreshold: 2 } } });
    try {
      const { threshold, values } = await ftIndicatorsFor(db, lensFile, null, MARCH, now);
      expect(threshold).toBe(2);
      expect(values.find((v) => v.key === "distanceMeasured")).toMatchObject({ value: 2, masked: false });
      expect(values.find((v) => v.key === "orientationsMaterialFinancial")).toMatchObject({ value: 1, masked: true });
    } finally {
      await db.ruleSet.update({ where: { id: rs.id }, data: { payload: rs.payload as object } });
    }
  });

  it("répond 404 pour un projet non assigné, 403 aux autres rôles", async () => {
    await expect(ftIndicatorsFile(db, otherReviewer, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 404 });
    await expect(ftIndicatorsFile(db, reviewer, amiensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 404 });
    await expect(ftIndicatorsFile(db, reviewer, "not-a-uuid", MARCH, {}, now)).rejects.toMatchObject({ status: 404 });
    await expect(ftIndicatorsFile(db, manager, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 403 });
  });
});

describe("retour mensuel des données personnelles", () => {
  it("liste les seuls bénéficiaires du projet pour le mois, relu à l'identique, et trace chaque téléchargement", async () => {
    const rows = await ftBeneficiariesFor(db, lensFile, MARCH);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ name: "NOM0 Prénom0", franceTravailId: "1234560A", diagnosticDone: "O", accompanimentDone: "O", solutionRecommended: "O", solutionType: "Aide au permis" });
    expect(rows[4]).toEqual({ name: "NOM4 Prénom4", franceTravailId: "1234564A", diagnosticDone: "O", accompanimentDone: "N", solutionRecommended: "N", solutionType: "" });

    const before = await db.auditEvent.count({ where: { action: "ftReport.beneficiaries.export" } });
    const file = await ftBeneficiariesFile(db, reviewer, lensFile, MARCH, {}, now);
    const ws = (await readBack(file.body)).getWorksheet("Bénéficiaires")!;
    expect(BENEFICIARY_HEADERS.map((_, c) => ws.getCell(4, c + 1).value)).toEqual([...BENEFICIARY_HEADERS]);
    rows.forEach((r, i) => {
      expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(5 + i, c).value ?? "")).toEqual([r.name, r.franceTravailId, r.diagnosticDone, r.accompanimentDone, r.solutionRecommended, r.solutionType]);
    });
    expect(ws.getCell(5 + rows.length, 1).value).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { action: "ftReport.beneficiaries.export" }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.auditEvent.count({ where: { action: "ftReport.beneficiaries.export" } })).toBe(before + 1);
    expect(audit[0]).toMatchObject({ actorId: reviewer.id, entityId: lensFile, metadata: { month: MARCH, rows: 5 } });
  });

  it("n'est téléchargeable que par le relecteur assigné : 404 pour un autre relecteur, 403 pour les autres rôles", async () => {
    await expect(ftBeneficiariesFile(db, otherReviewer, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 404 });
    await expect(ftBeneficiariesFile(db, manager, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 403 });
    await expect(ftBeneficiariesFile(db, finance, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 403 });
    await db.subsidyFile.update({ where: { id: lensFile }, data: { reviewerId: otherReviewer.id } });
    try {
      await expect(ftBeneficiariesFile(db, reviewer, lensFile, MARCH, {}, now)).rejects.toMatchObject({ status: 404 });
    } finally {
      await db.subsidyFile.update({ where: { id: lensFile }, data: { reviewerId: reviewer.id } });
    }
  });
});
