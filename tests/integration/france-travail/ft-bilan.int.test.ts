// France Travail convention art. 5 (issue 22 §3): intermediate and final bilans on the file, the
// porteur's own indicators, the budget update, the rule set's masking choice per report.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { ftBilanWorkbook, getFtBilan, getFtBilans, updateFtBilan } from "@/lib/france-travail/ft-bilan.service";
import { addFtIndicator, deleteFtIndicator, listFtIndicators, updateFtIndicator } from "@/lib/france-travail/ft-indicator.service";
import { ftIndicatorsFile } from "@/lib/france-travail/ft-report.service";
import { createJobSeeker, createPlatform, createRuleSets } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2027-05-10T10:00:00Z");
let reviewer: CurrentUser;
let otherReviewer: CurrentUser;
let manager: CurrentUser;
let amiensManager: CurrentUser;
let finance: CurrentUser;
let lensFile: string;
let draftFile: string;
let regionFile: string;
let lineId: string;

async function sheets(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const text = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const out: string[] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""))).join(" | ")));
    return out;
  };
  return { wb, text };
}

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  reviewer = await principal(db, "FRANCE_TRAVAIL_REVIEWER");
  otherReviewer = await principal(db, "FRANCE_TRAVAIL_REVIEWER");
  manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
  amiensManager = await principal(db, "PLATFORM_MANAGER", { platformIds: [amiens.id] });
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
  // Signed 2026-03-15 → ends 2027-03-14; final meeting 2027-04-20, final bilan received 2027-03-25 (late: due 2027-03-20).
  lensFile = (await db.subsidyFile.create({
    data: {
      platformId: lens.id, year: 2026, funder: "FRANCE_TRAVAIL", status: "SIGNED", reviewerId: reviewer.id, signedAt: new Date("2026-03-15"),
      intermediateReportAt: new Date("2026-09-10"), finalReviewMeetingAt: new Date("2027-04-20"), finalReportAt: new Date("2027-03-25"),
    },
  })).id;
  draftFile = (await db.subsidyFile.create({ data: { platformId: lens.id, year: 2027, funder: "FRANCE_TRAVAIL", reviewerId: reviewer.id } })).id;
  regionFile = (await db.subsidyFile.create({ data: { platformId: lens.id, year: 2026, funder: "REGION", status: "SIGNED", signedAt: new Date("2026-03-15") } })).id;
  lineId = (await db.budgetLine.create({ data: { subsidyFileId: lensFile, category: "RH", label: "Conseillère mobilité", eligible: true, forecastCents: 3_000_000n, actualCents: 2_400_000n } })).id;
  await db.budgetLine.create({ data: { subsidyFileId: lensFile, category: "INVESTISSEMENT", label: "Ordinateurs", eligible: false, forecastCents: 200_000n } });
  // Six people: five before the intermediate bilan (one seen twice), one after; one diagnostic after the convention's end.
  const people: { id: string }[] = [];
  for (let i = 0; i < 6; i++) people.push(await createJobSeeker(db, lens.id));
  const diag = (i: number, date: string, extra: Record<string, unknown> = {}) =>
    db.mobilityDiagnostic.create({ data: { platformId: lens.id, jobSeekerId: people[i]!.id, subsidyFileId: lensFile, date: new Date(date), diagnosticDone: true, ...extra } });
  await diag(0, "2026-04-02", { accompanimentDone: true, accompanimentDurationDays: 10, distanceBeforeKm: 10, distanceAfterKm: 30, satisfaction: 4, orientationMaterialFinancial: true });
  await diag(0, "2026-06-20", { accompanimentDone: true, accompanimentDurationDays: 20, satisfaction: 5 });
  await diag(1, "2026-05-05", { accompanimentDone: true, accompanimentDurationDays: 30, distanceBeforeKm: 0, distanceAfterKm: 10, satisfaction: 3 });
  await diag(2, "2026-07-09", { diagnosticDone: false });
  await diag(3, "2026-08-15", { accompanimentDone: true, accompanimentDurationDays: 40, satisfaction: 2 });
  await diag(4, "2026-09-01", { satisfaction: 5 });
  await diag(5, "2026-12-01", { accompanimentDone: true, accompanimentDurationDays: 50, satisfaction: 4 });
  await diag(5, "2027-03-20", { accompanimentDone: true });
});

const value = (b: Awaited<ReturnType<typeof getFtBilan>>, key: string) => {
  const i = b.indicators.find((x) => x.key === key)!;
  return i.masked ? i.display : i.value;
};

describe("bilan final (art. 5) sur le dossier France Travail", () => {
  it("agrège les 12 mois de la convention : bénéficiaires distincts, diagnostics proposés et réalisés, accompagnements et durée moyenne", async () => {
    const b = await getFtBilan(db, manager, lensFile, "FINAL", now);
    expect(b.period).toEqual({ from: "2026-03-15", to: "2027-03-14" });
    // Masked by the rule set's default (threshold 5): 6 people shown, a count of 2 masked.
    expect(value(b, "beneficiaries")).toBe(6);
    expect(value(b, "diagnosticsProposed")).toBe(7);
    expect(value(b, "diagnostics")).toBe(6);
    expect(value(b, "accompaniments")).toBe(5);
    expect(value(b, "accompanimentMeanDays")).toBe(30);
    expect(value(b, "distanceMeasured")).toBe("< 5");
    expect(b.masking.applied).toBe(true);
    expect(b.noData.length).toBeGreaterThan(0);
  });

  it("vérifie que le bilan final arrive un mois avant la réunion de bilan (reçu le 25/03 pour une réunion le 20/04 : en retard)", async () => {
    const b = await getFtBilan(db, reviewer, lensFile, "FINAL", now);
    expect(b.check).toMatchObject({ dueAt: "2027-03-20", receivedAt: "2027-03-25", state: "LATE" });
  });

  it("bilan intermédiaire : les indicateurs à la date de son envoi (10/09/2026)", async () => {
    const b = await getFtBilan(db, finance, lensFile, "INTERMEDIATE", now);
    expect(b.period).toEqual({ from: "2026-03-15", to: "2026-09-10" });
    expect(value(b, "beneficiaries")).toBe(5);
    expect(value(b, "diagnosticsProposed")).toBe(6);
    expect(b.check.state).toBe("ON_TIME");
  });

  it("le masquage est un choix du jeu de règles par document : bilan final non masqué, bilan intermédiaire toujours masqué", async () => {
    const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "FRANCE_TRAVAIL" } });
    const payload = rs.payload as Record<string, unknown>;
    await db.ruleSet.update({ where: { id: rs.id }, data: { payload: { ...payload, masking: { monthly: true, intermediateBilan: true, finalBilan: false } } } });
    try {
      const b = await getFtBilan(db, manager, lensFile, "FINAL", now);
      expect(value(b, "distanceMeasured")).toBe(2);
      expect(b.masking).toMatchObject({ applied: false, threshold: 0 });
      expect(value(await getFtBilan(db, manager, lensFile, "INTERMEDIATE", now), "accompaniments")).toBe("< 5");
    } finally {
      await db.ruleSet.update({ where: { id: rs.id }, data: { payload: payload as object } });
    }
  });

  it("la page du dossier lit les deux bilans d'un coup (getFtBilans) : mêmes chiffres que chaque bilan lu seul, jours limites compris", async () => {
    // Diagnostics on the edges: the signature day, the intermediate bilan's last day (in it), the day
    // after (final only) and the day before the signature (in neither).
    const lens = (await db.subsidyFile.findUniqueOrThrow({ where: { id: lensFile }, select: { platformId: true } })).platformId;
    const people = await db.jobSeeker.findMany({ where: { platformId: lens }, orderBy: { id: "asc" }, take: 4, select: { id: true } });
    const edges = await Promise.all(["2026-03-15", "2026-09-10", "2026-09-11", "2026-03-14"].map((date, i) =>
      db.mobilityDiagnostic.create({ data: { platformId: lens, jobSeekerId: people[i]!.id, subsidyFileId: lensFile, date: new Date(date), diagnosticDone: true, accompanimentDone: true, accompanimentDurationDays: 7 } })));
    try {
      const both = await getFtBilans(db, manager, lensFile, now);
      expect(both.intermediate).toEqual(await getFtBilan(db, manager, lensFile, "INTERMEDIATE", now));
      expect(both.final).toEqual(await getFtBilan(db, manager, lensFile, "FINAL", now));
      expect(value(both.intermediate, "diagnosticsProposed")).toBe(6 + 2);
      expect(value(both.final, "diagnosticsProposed")).toBe(7 + 3);
      await expect(getFtBilans(db, amiensManager, lensFile, now)).rejects.toMatchObject({ status: 404 });
      await expect(getFtBilans(db, manager, draftFile, now)).rejects.toMatchObject({ status: 422 });
    } finally {
      await db.mobilityDiagnostic.deleteMany({ where: { id: { in: edges.map((e) => e.id) } } });
    }
  });

  it("hors périmètre : 404 (autre plateforme, autre relecteur, dossier Région) ; convention non signée : 422", async () => {
    await expect(getFtBilan(db, amiensManager, lensFile, "FINAL", now)).rejects.toMatchObject({ status: 404 });
    await expect(getFtBilan(db, otherReviewer, lensFile, "FINAL", now)).rejects.toMatchObject({ status: 404 });
    await expect(getFtBilan(db, finance, regionFile, "FINAL", now)).rejects.toMatchObject({ status: 404 });
    await expect(getFtBilan(db, manager, draftFile, "FINAL", now)).rejects.toMatchObject({ status: 422 });
  });
});

describe("budget actualisé et étapes du bilan intermédiaire", () => {
  it("le porteur renseigne les étapes et actualise une ligne ; le bilan montre prévu initial, prévu actualisé et réalisé ; écriture tracée", async () => {
    const { version } = await db.subsidyFile.findUniqueOrThrow({ where: { id: lensFile } });
    await updateFtBilan(db, manager, lensFile, { version, stepsDone: "Recrutement de la conseillère, 5 diagnostics.", stepsAhead: "Ateliers mobilité au second semestre.", budgetUpdate: [{ lineId, updatedForecastCents: 2_500_000 }] });
    const b = await getFtBilan(db, manager, lensFile, "INTERMEDIATE", now);
    expect(b.steps).toEqual({ done: "Recrutement de la conseillère, 5 diagnostics.", ahead: "Ateliers mobilité au second semestre." });
    expect(b.budget.rows[0]).toMatchObject({ forecastCents: 3_000_000, updatedForecastCents: 2_500_000, currentForecastCents: 2_500_000, actualCents: 2_400_000, gapCents: -100_000 });
    expect(b.budget.eligible.currentForecastCents).toBe(2_500_000);
    const audit = await db.auditEvent.findFirst({ where: { action: "subsidyFile.ftBilanUpdated", entityId: lensFile } });
    expect(audit?.actorId).toBe(manager.id);
  });

  it("version périmée : 409 ; ligne d'un autre dossier : 400 ; relecteur France Travail (lecture seule) : 403", async () => {
    await expect(updateFtBilan(db, manager, lensFile, { version: 1, stepsDone: "x" })).rejects.toMatchObject({ status: 409 });
    const { version } = await db.subsidyFile.findUniqueOrThrow({ where: { id: lensFile } });
    const foreign = await db.budgetLine.create({ data: { subsidyFileId: regionFile, category: "RH", label: "Autre", eligible: true, forecastCents: 1n } });
    await expect(updateFtBilan(db, manager, lensFile, { version, budgetUpdate: [{ lineId: foreign.id, updatedForecastCents: 5 }] })).rejects.toMatchObject({ status: 400 });
    expect((await db.budgetLine.findUniqueOrThrow({ where: { id: foreign.id } })).updatedForecastCents).toBeNull();
    await expect(updateFtBilan(db, reviewer, lensFile, { version, stepsDone: "x" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("indicateurs mentionnés par le porteur (art. 5), propres à chaque convention", () => {
  it("s'ajoutent avec libellé et cible, portent les résultats des bilans, et apparaissent dans les bilans et le fichier mensuel", async () => {
    const i = await addFtIndicator(db, manager, lensFile, { label: "Permis de conduire obtenus", unit: "personnes", target: 12 });
    expect(i).toMatchObject({ label: "Permis de conduire obtenus", target: 12, position: 0, version: 1 });
    const updated = await updateFtIndicator(db, manager, lensFile, i.id, { version: 1, intermediateValue: 4, finalValue: 11 });
    expect(updated).toMatchObject({ intermediateValue: 4, finalValue: 11, version: 2 });
    await expect(updateFtIndicator(db, manager, lensFile, i.id, { version: 1, finalValue: 3 })).rejects.toMatchObject({ status: 409 });
    expect((await getFtBilan(db, reviewer, lensFile, "FINAL", now)).porteurIndicators).toEqual([expect.objectContaining({ label: "Permis de conduire obtenus", target: 12, value: 11 })]);
    expect((await getFtBilan(db, reviewer, lensFile, "INTERMEDIATE", now)).porteurIndicators[0]!.value).toBe(4);
    const monthly = await sheets((await ftIndicatorsFile(db, reviewer, lensFile, "2026-04", {}, now)).body);
    expect(monthly.text("Indicateurs").some((l) => l.startsWith("Permis de conduire obtenus") && l.includes("cible : 12"))).toBe(true);
    // Another convention keeps its own list.
    expect(await listFtIndicators(db, manager, draftFile)).toEqual([]);
  });

  it("hors périmètre ou dossier Région : 404 ; identifiant mal formé : 404 ; suppression tracée", async () => {
    await expect(addFtIndicator(db, amiensManager, lensFile, { label: "X" })).rejects.toMatchObject({ status: 404 });
    await expect(addFtIndicator(db, manager, regionFile, { label: "X" })).rejects.toMatchObject({ status: 404 });
    await expect(deleteFtIndicator(db, manager, lensFile, "pas-un-uuid")).rejects.toMatchObject({ status: 404 });
    const i = await addFtIndicator(db, finance, lensFile, { label: "Solutions de garde trouvées" });
    await deleteFtIndicator(db, manager, lensFile, i.id);
    expect((await listFtIndicators(db, manager, lensFile)).map((x) => x.label)).toEqual(["Permis de conduire obtenus"]);
    expect(await db.auditEvent.count({ where: { action: "ftIndicator.deleted", entityId: i.id } })).toBe(1);
  });
});

describe("export XLSX du bilan", () => {
  it("classeur avec indicateurs, budget et échéances ; export tracé", async () => {
    const file = await ftBilanWorkbook(db, reviewer, lensFile, "FINAL", { requestId: "req-bilan" }, now);
    expect(file.filename).toBe("france-travail-bilan-final-2026.xlsx");
    const { text } = await sheets(file.body);
    const ind = text("Indicateurs");
    expect(ind[0]).toContain("Bilan final (article 5)");
    expect(ind.some((l) => l.startsWith("Volume de bénéficiaires | 6"))).toBe(true);
    expect(ind.some((l) => l.startsWith("Permis de conduire obtenus | 11 | 12"))).toBe(true);
    expect(text("Budget")).toContain("RH | Conseillère mobilité | Oui | 30000 | 25000 | 24000 | -1000");
    expect(text("Échéances")).toContain("Bilan attendu au plus tard | 2027-03-20");
    const audit = await db.auditEvent.findFirst({ where: { action: "ftReport.bilan.export", requestId: "req-bilan" } });
    expect(audit?.metadata).toMatchObject({ kind: "FINAL" });
  });
});
