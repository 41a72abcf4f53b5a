import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { ANNUAL_SHEETS, exportAnnualReport, getAnnualReport, saveQualitative } from "@/lib/annual-report/annual-report.service";
import { saveQualitativeSchema } from "@/lib/annual-report/annual-report.schema";
import { closeMonth } from "@/lib/bilans/bilan.service";
import { INDICATORS } from "@/lib/indicators/indicators";
import { saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { saveObjectives } from "@/lib/objectives/objective.service";
import { platformUser } from "@/tests/factories";
import { buildMarchFixture, MARCH } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
let fx: Awaited<ReturnType<typeof buildMarchFixture>>;
let manager: CurrentUser;

beforeAll(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
  manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
  await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, now);
  await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { offersCollected: 10, hires: 3 } }));
});

describe("rapport annuel", () => {
  it("réunit chiffres de l'année, objectifs, gouvernance (tenues / requises) et texte qualitatif versionné", async () => {
    const first = await saveQualitative(db, manager, saveQualitativeSchema.parse({ platformId: fx.lens.id, year: 2026, qualitative: "Année de lancement.", version: 0 }));
    expect(first.version).toBe(1);
    await expect(saveQualitative(db, manager, saveQualitativeSchema.parse({ platformId: fx.lens.id, year: 2026, qualitative: "Écrasement", version: 0 }))).rejects.toMatchObject({ status: 409 });
    expect(await saveQualitative(db, manager, saveQualitativeSchema.parse({ platformId: fx.lens.id, year: 2026, qualitative: "Année de lancement.\nDeux coprésidences prévues.", version: 1 }))).toEqual({ version: 2 });
    expect(await db.auditEvent.count({ where: { action: "annualReport.updated" } })).toBe(2);

    const r = await getAnnualReport(db, manager, fx.lens.id, 2026, now);
    expect(r).toMatchObject({ platformName: "Lens-Liévin", provisional: true, closedMonths: 1, monthCount: 11, version: 2 });
    expect(r.figures.offersCollected).toBe(4);
    expect(r.figures.hires).toBe(3);
    expect(r.figures.governanceMeetingsHeld).toBe(2);
    expect(r.governance.map((g) => [g.kind, g.held, g.required])).toEqual([["COPRESIDENCE", 1, 3], ["POLE_DIRIGEANT", 0, 2], ["COMITE_TECHNIQUE", 1, null]]);
    expect(r.objectives.rows.map((o) => [o.key, o.achieved, o.met])).toEqual([["offersCollected", 4, false], ["hires", 3, true]]);
  });

  it("s'exporte en XLSX relu avec les mêmes chiffres, et l'export est tracé", async () => {
    const r = await getAnnualReport(db, manager, fx.lens.id, 2026, now);
    const before = await db.auditEvent.count({ where: { action: "annualReport.export" } });
    const file = await exportAnnualReport(db, manager, fx.lens.id, 2026, {}, now);
    expect(file.filename).toBe("rapport-annuel-lens-lievin-2026.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet(ANNUAL_SHEETS.summary)!.getCell("A1").value).toBe("Rapport annuel 2026 — Lens-Liévin");
    const figures = wb.getWorksheet(ANNUAL_SHEETS.figures)!;
    INDICATORS.forEach((d, i) => {
      expect(figures.getCell(2 + i, 2).value).toBe(d.label);
      expect(figures.getCell(2 + i, 4).value).toBe(r.figures[d.key] ?? null);
    });
    const objectives = wb.getWorksheet(ANNUAL_SHEETS.objectives)!;
    expect([2, 3].map((row) => [1, 2, 3, 4, 5].map((c) => objectives.getCell(row, c).value))).toEqual([
      ["Offres recueillies", 10, 4, 40, "non atteint"],
      ["Embauches", 3, 3, 100, "atteint"],
    ]);
    const gov = wb.getWorksheet(ANNUAL_SHEETS.governance)!;
    expect([2, 3, 4].map((row) => [1, 2, 3, 4].map((c) => gov.getCell(row, c).value))).toEqual([
      ["Coprésidence", 1, 3, "non"], ["Pôle dirigeant", 0, 2, "non"], ["Comité technique", 1, null, "oui"],
    ]);
    expect(wb.getWorksheet(ANNUAL_SHEETS.qualitative)!.getCell("A2").value).toBe("Année de lancement.\nDeux coprésidences prévues.");
    expect(await db.auditEvent.count({ where: { action: "annualReport.export" } })).toBe(before + 1);
  });

  it("répond 404 pour une autre plateforme et 403 en écriture pour une assistante", async () => {
    await expect(getAnnualReport(db, manager, fx.amiens.id, 2026, now)).rejects.toMatchObject({ status: 404 });
    const assistant = await platformUser(db, "PLATFORM_ASSISTANT", fx.lens.id);
    await expect(saveQualitative(db, assistant, saveQualitativeSchema.parse({ platformId: fx.lens.id, year: 2026, qualitative: "x", version: 2 }))).rejects.toMatchObject({ status: 403 });
  });
});
