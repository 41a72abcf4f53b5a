import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { listReceipts, readReceipt, saveReceipt } from "@/lib/subsidy/receipt.service";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { homeFigures } from "@/lib/home/home.service";
import { financeHome } from "@/lib/home/region-home.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { createRuleSetVersion, listRuleSets } from "@/lib/rules/rule-set.service";
import { listDeadlines, openDataRecords } from "@/lib/subsidy/subsidy-compliance.service";
import { addBudgetLine, createSubsidyFile, getSubsidyFileDetail, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordActualExpense, recordMilestones } from "@/lib/subsidy/subsidy-workflow.service";
import { recordProductActual } from "@/lib/subsidy/financial-report.service";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { ensureInitialRuleSets, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";
import { completeAnnualRequest } from "@/tests/support/annual-request";

const NOW = new Date("2026-06-15T10:00:00.000Z");
const SIRET = "24620036400017";

async function principal(role: Role, platformIds: string[] = [], allPlatforms = false): Promise<CurrentUser> {
  return (await loadPrincipal(db, (await createUser(db, { role, platformIds, allPlatforms })).id))!;
}

async function version(id: string) {
  return (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;
}

/** A Région file of `eligible` cents, taken up to `until`. */
async function regionFile(manager: CurrentUser, finance: CurrentUser, year: number, eligible: number, until: "SUBMITTED" | "SIGNED") {
  const { id } = await createSubsidyFile(db, manager, { year, funder: "REGION" }, NOW);
  await addBudgetLine(db, manager, id, { category: "SALAIRES", label: "Salaires", eligible: true, forecastCents: eligible });
  const grant = Math.min(Math.floor(eligible * 0.8), 10_000_000);
  await updateSubsidyFile(db, manager, id, { version: await version(id), staffEtp: 2, requestedCents: grant, territoryCofundingCents: eligible - grant, otherCofundingCents: 0 });
  await completeAnnualRequest(db, manager, id); // issue 22 §4: convention cadre art. 5
  await applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
  if (until === "SIGNED") {
    await applyTransition(db, finance, id, { transition: "approve", version: await version(id), deliberationNumber: `CP-${year}`, deliberationDate: `${year}-02-01`, awardedCents: grant }, NOW);
    await applyTransition(db, finance, id, { transition: "sign", version: await version(id), signedAt: `${year}-03-01` }, NOW);
  }
  return { id, grant };
}

beforeEach(resetDb);

describe("données essentielles, de minimis et échéances", () => {
  it("publie les conventions signées au-dessus de 23 000 € au format SCDL, et journalise l'export", async () => {
    await ensureInitialRuleSets(db, NOW);
    const p = await createPlatform(db, "Lens test");
    await db.platform.update({ where: { id: p.id }, data: { carryingStructureSiret: SIRET } });
    const manager = await principal("PLATFORM_MANAGER", [p.id]);
    const finance = await principal("REGION_FINANCE", [], true);
    await regionFile(manager, finance, 2025, 12_500_000, "SIGNED");
    await regionFile(manager, finance, 2024, 2_875_000, "SIGNED"); // 23 000 € exactly: not published
    await regionFile(manager, finance, 2026, 5_000_000, "SUBMITTED");

    const { records } = await openDataRecords(db, finance, NOW);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ nomAttribuant: "Région Hauts-de-France", idBeneficiaire: SIRET, montant: 100000, referenceDecision: "CP-2025", dateConvention: "2025-03-01" });
    expect(await db.auditEvent.count({ where: { action: "subsidy.openDataExported" } })).toBe(1);
    await expect(openDataRecords(db, await principal("ADMIN"), NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("avertit avant attribution quand les aides à la même structure dépassent le plafond de minimis", async () => {
    await ensureInitialRuleSets(db, NOW);
    const lens = await createPlatform(db, "Lens test");
    const other = await createPlatform(db, "Même porteur");
    for (const p of [lens, other]) await db.platform.update({ where: { id: p.id }, data: { carryingStructureSiret: SIRET } });
    const finance = await principal("REGION_FINANCE", [], true);
    await regionFile(await principal("PLATFORM_MANAGER", [other.id]), finance, 2025, 12_500_000, "SIGNED");
    await db.subsidyFile.updateMany({ data: { awardedCents: 25_000_000n } }); // a large earlier award to the same SIRET
    const manager = await principal("PLATFORM_MANAGER", [lens.id]);
    const { id } = await regionFile(manager, finance, 2026, 12_500_000, "SUBMITTED");
    const d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.deMinimis).toMatchObject({ previousCents: 25_000_000, totalCents: 35_000_000, exceeded: true });
    // The finance home warns about the same file (issue 17 §2), with a link to its budget.
    const home = await financeHome(db, finance, NOW);
    expect(home.deMinimis).toEqual([expect.objectContaining({ id, href: `/financement/${id}#budget`, tone: "bad", label: expect.stringContaining("plafond de minimis dépassé") })]);
    expect(home.deMinimis[0]!.detail).toMatch(/^350\s000,00\s€ sur /);
    // A file already awarded is no longer a warning on the home.
    expect((await financeHome(db, finance, NOW)).deMinimis.map((i) => i.id)).not.toContain((await db.subsidyFile.findFirstOrThrow({ where: { status: "SIGNED" } })).id);
  });

  it("accueil finances : un ordre de reversement dû aujourd'hui (jour de Paris) n'est pas en retard, il l'est dès minuit à Paris", async () => {
    await ensureInitialRuleSets(db, NOW);
    const lens = await createPlatform(db, "Lens test");
    const finance = await principal("REGION_FINANCE", [], true);
    const { id } = await regionFile(await principal("PLATFORM_MANAGER", [lens.id]), finance, 2025, 12_500_000, "SIGNED");
    await db.refundOrder.create({ data: { subsidyFileId: id, number: "OR-2026-901", amountCents: 10_000n, issuedAt: new Date("2026-05-15"), dueAt: new Date("2026-06-15"), reason: "Solde" } });
    const refund = async (at: string) => (await financeHome(db, finance, new Date(at))).refunds[0]!;
    expect(await refund("2026-06-15T10:00:00Z")).toMatchObject({ detail: "aujourd'hui (15/06/2026)", tone: "warn" });
    // 22:30 UTC = 00:30 on 16 June in Paris (summer time).
    expect(await refund("2026-06-15T22:30:00Z")).toMatchObject({ detail: "en retard de 1 jour (15/06/2026)", tone: "bad" });
  });

  it("liste les échéances en retard du périmètre et les rappelle sur l'accueil du responsable", async () => {
    await ensureInitialRuleSets(db, NOW);
    const lens = await createPlatform(db, "Lens test");
    const amiens = await createPlatform(db, "Amiens test");
    // Région convention cadre art. 11: the recruitment deadline counts from the cadre's notification.
    await db.platform.updateMany({ where: { id: { in: [lens.id, amiens.id] } }, data: { notificationDate: new Date("2025-03-01") } });
    const manager = await principal("PLATFORM_MANAGER", [lens.id]);
    const finance = await principal("REGION_FINANCE", [], true);
    await regionFile(manager, finance, 2025, 12_500_000, "SIGNED");
    await regionFile(await principal("PLATFORM_MANAGER", [amiens.id]), finance, 2025, 12_500_000, "SIGNED");

    const mine = await listDeadlines(db, manager, NOW);
    // Fiscal year 2025 ends 31/12/2025: the financial report was due 30/06/2026 — soon, not late, on 15/06.
    expect(mine.map((r) => [r.kind, r.dueAt, r.state])).toEqual([
      ["TRANCHE", "2025-03-31", "LATE"],
      ["TEAM_RECRUITMENT", "2025-09-01", "LATE"], // convention cadre notified 01/03/2025, recruitment never recorded
      ["FINANCIAL_REPORT", "2026-06-30", "SOON"],
    ]);
    expect(mine.every((r) => r.file.platform === "Lens test")).toBe(true);
    expect(await listDeadlines(db, finance, NOW)).toHaveLength(6);
    const home = await homeFigures(db, manager, NOW);
    expect(home.find((f) => f.key === "financeDeadlines")?.value).toBe(3);

    // Recording the documents clears them; only finance may record them.
    const fileId = mine[0]!.file.id;
    const input = { version: await version(fileId), teamRecruitedAt: "2025-05-02", financialReportReceivedAt: "2026-06-01" };
    await expect(recordMilestones(db, manager, fileId, input, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // Issue 22 §4: the Région financial report is received only complete (art. 7.3): actuals, products, annex.
    const line = await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: fileId } });
    await recordActualExpense(db, manager, fileId, line.id, { version: line.version, actualCents: Number(line.forecastCents) });
    const file = await db.subsidyFile.findUniqueOrThrow({ where: { id: fileId } });
    await recordProductActual(db, manager, fileId, { kind: "REGION_SUBSIDY", version: 0, actualCents: Number(file.awardedCents) });
    await recordProductActual(db, manager, fileId, { kind: "TERRITORY_COFUNDING", version: 0, actualCents: Number(file.territoryCofundingCents) });
    await saveReceipt(db, manager, fileId, { kind: "QUALITATIVE_ANNEX", fileName: "annexe qualitative.pdf", bytes: new TextEncoder().encode("%PDF-1.7\nannexe") });
    await recordMilestones(db, finance, fileId, input, NOW);
    expect((await listDeadlines(db, manager, NOW)).map((r) => r.kind)).toEqual(["TRANCHE"]);
    expect(await db.auditEvent.count({ where: { action: "subsidyFile.milestones", entityId: fileId } })).toBe(1);
  });
});

describe("jeux de règles versionnés", () => {
  it("crée une nouvelle version, clôt la précédente la veille, et journalise le changement", async () => {
    await ensureInitialRuleSets(db, NOW);
    const admin = await principal("ADMIN");
    const payload = { ...REGION_FRAMEWORK_V1, largeTerritory: { ...REGION_FRAMEWORK_V1.largeTerritory, capCents: 20_000_000 } };
    const v2 = await createRuleSetVersion(db, admin, { kind: "REGION_FRAMEWORK", validFrom: "2027-01-01", note: "Plafond grand territoire voté", payload });
    expect(v2.version).toBe(2);
    const all = await listRuleSets(db, admin, "REGION_FRAMEWORK");
    expect(all.map((r) => [r.version, r.validFrom, r.validTo])).toEqual([[2, "2027-01-01", null], [1, "2021-01-01", "2026-12-31"]]);
    expect((await getActiveRuleSet(db, "REGION_FRAMEWORK", new Date("2026-12-31T12:00:00Z"))).payload.largeTerritory.capCents).toBeNull();
    expect((await getActiveRuleSet(db, "REGION_FRAMEWORK", new Date("2027-01-01T12:00:00Z"))).payload.largeTerritory.capCents).toBe(20_000_000);
    expect(await db.auditEvent.count({ where: { action: "ruleSet.created", entityId: v2.id } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ruleSet.created", entityId: v2.id } });
    expect((audit.metadata as { changedFields: string[] }).changedFields).toEqual(["largeTerritory.capCents"]);
  });

  it("refuse un contenu invalide, une date antérieure à une version existante, et tout autre rôle qu'administrateur", async () => {
    await ensureInitialRuleSets(db, NOW);
    const admin = await principal("ADMIN");
    await expect(createRuleSetVersion(db, admin, { kind: "REGION_FRAMEWORK", validFrom: "2027-01-01", note: "Taux", payload: { ...REGION_FRAMEWORK_V1, fundingRateBp: 9000 } }))
      .rejects.toBeInstanceOf(ValidationError);
    await expect(createRuleSetVersion(db, admin, { kind: "DEADLINES", validFrom: "2020-01-01", note: "Trop tôt", payload: {} }))
      .rejects.toBeInstanceOf(ValidationError);
    const { payload: rules } = await getActiveRuleSet(db, "DEADLINES", NOW);
    await expect(createRuleSetVersion(db, admin, { kind: "DEADLINES", validFrom: "2020-01-01", note: "Trop tôt", payload: rules })).rejects.toBeInstanceOf(UnprocessableError);
    await expect(createRuleSetVersion(db, await principal("REGION_FINANCE", [], true), { kind: "DEADLINES", validFrom: "2027-01-01", note: "x", payload: rules }))
      .rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("justificatifs", () => {
  it("stocke un PDF hors de public/, refuse un faux PDF, et journalise dépôt et lecture", async () => {
    await ensureInitialRuleSets(db, NOW);
    const lens = await createPlatform(db, "Lens test");
    const amiens = await createPlatform(db, "Amiens test");
    const manager = await principal("PLATFORM_MANAGER", [lens.id]);
    const { id } = await createSubsidyFile(db, manager, { year: 2026, funder: "REGION" }, NOW);
    const line = await addBudgetLine(db, manager, id, { category: "SALAIRES", label: "Salaires", eligible: true, forecastCents: 100 });
    const pdf = new TextEncoder().encode("%PDF-1.7\nbulletin de salaire");

    const r = await saveReceipt(db, manager, id, { kind: "PAYSLIP", budgetLineId: line.id, fileName: "bulletin janvier.pdf", bytes: pdf });
    expect(r).toMatchObject({ mimeType: "application/pdf", fileName: "bulletin janvier.pdf", budgetLineId: line.id, sizeBytes: pdf.length });
    const stored = path.resolve(env.RECEIPTS_DIR, id, r.id);
    expect(stored.startsWith(path.resolve("public"))).toBe(false);
    expect(Buffer.from(await readFile(stored)).equals(Buffer.from(pdf))).toBe(true);

    await expect(saveReceipt(db, manager, id, { kind: "INVOICE", fileName: "facture.pdf", bytes: new TextEncoder().encode("<html>") })).rejects.toThrow(/Format refusé/);
    await expect(saveReceipt(db, await principal("PLATFORM_MANAGER", [amiens.id]), id, { kind: "INVOICE", fileName: "x.pdf", bytes: pdf })).rejects.toBeInstanceOf(NotFoundError);

    const read = await readReceipt(db, await principal("REGION_FINANCE", [], true), id, r.id);
    expect(Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: { in: ["receipt.uploaded", "receipt.read"] }, entityId: r.id } })).toBe(2);
    expect(await listReceipts(db, manager, id)).toHaveLength(1);
  });
});
