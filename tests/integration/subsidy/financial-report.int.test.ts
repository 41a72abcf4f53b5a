// Issue 22 §4 — compte rendu financier / indicateurs of a Région annual convention:
// convention cadre Région art. 7.3 (charges AND products, gaps explained, qualitative annex) and
// art. 3.1 / 5 (the indicators of each annual convention, with their targets).
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { getAnnualReport } from "@/lib/annual-report/annual-report.service";
import { saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { listObjectives, objectivesVsTargets, saveObjectives } from "@/lib/objectives/objective.service";
import { recordProductActual } from "@/lib/subsidy/financial-report.service";
import { saveReceipt } from "@/lib/subsidy/receipt.service";
import { createSubsidyFile, getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordActualExpense, recordMilestones } from "@/lib/subsidy/subsidy-workflow.service";
import { createPlatform, createRuleSets } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-06-15T10:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.7\nannexe qualitative");
let manager: CurrentUser;
let finance: CurrentUser;
let referent: CurrentUser;
let assistant: CurrentUser;
let platformId: string;
let otherPlatformId: string;
let year = 2030;

/** A signed Région file opened by the manager (so it carries its rule set), with one charge line. */
async function signedRegionFile(opts: { forecast?: number; territory?: number; other?: number } = {}) {
  const { id } = await createSubsidyFile(db, manager, { year: ++year, funder: "REGION" }, NOW);
  const forecast = opts.forecast ?? 10_000_000;
  await db.subsidyFile.update({
    where: { id },
    data: {
      status: "SIGNED", staffEtp: 2, requestedCents: 8_000_000n, awardedCents: 7_500_000n, territoryCofundingCents: BigInt(opts.territory ?? 2_000_000),
      otherCofundingCents: BigInt(opts.other ?? 0), signedAt: new Date(`${year}-03-01`), fiscalYearEnd: new Date(`${year}-12-31`),
    },
  });
  const line = await db.budgetLine.create({ data: { subsidyFileId: id, category: "SALAIRES", label: "Salaires", eligible: true, forecastCents: BigInt(forecast) } });
  return { id, lineId: line.id };
}
const fileVersion = async (id: string) => (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  // The rule set's « Seuil d'écart à expliquer » (the one the charges use): 10 % here, to see it apply to products too.
  const region = await db.ruleSet.findFirstOrThrow({ where: { kind: "REGION_FRAMEWORK" } });
  await db.ruleSet.update({ where: { id: region.id }, data: { payload: { ...(region.payload as object), gapExplanationThresholdBp: 1000 } } });
  platformId = (await createPlatform(db, "Lens-Liévin")).id;
  otherPlatformId = (await createPlatform(db, "Amiénois")).id;
  manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [platformId] });
  assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [platformId] });
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
  referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
});

describe("art. 7.3 — produits du compte rendu financier", () => {
  it("montre prévu (plan de financement) et réalisé par produit, les totaux, et exige l'explication d'un écart au-delà du seuil", async () => {
    const { id, lineId } = await signedRegionFile({ other: 500_000 });
    let report = (await getSubsidyFileDetail(db, manager, id, NOW)).financialReport!;
    expect(report.products.map((p) => [p.kind, p.forecastCents, p.actualCents])).toEqual([
      ["REGION_SUBSIDY", 7_500_000, null], ["TERRITORY_COFUNDING", 2_000_000, null], ["OTHER_COFUNDING", 500_000, null], ["OTHER_PRODUCTS", 0, null],
    ]);
    expect(report.canEditProducts).toBe(true);

    await recordActualExpense(db, manager, id, lineId, { version: 1, actualCents: 9_600_000 });
    await recordProductActual(db, manager, id, { kind: "REGION_SUBSIDY", version: 0, actualCents: 7_500_000 });
    // 1 500 000 against 2 000 000: a gap of 25 %, above the 10 % threshold → explanation required.
    const territory = await recordProductActual(db, manager, id, { kind: "TERRITORY_COFUNDING", version: 0, actualCents: 1_500_000 });
    expect(territory).toMatchObject({ version: 1, gapToExplain: true });
    // 450 000 against 500 000: 10 % exactly, within the threshold.
    expect(await recordProductActual(db, manager, id, { kind: "OTHER_COFUNDING", version: 0, actualCents: 450_000 })).toMatchObject({ gapToExplain: false });
    report = (await getSubsidyFileDetail(db, finance, id, NOW)).financialReport!;
    expect(report.totals).toEqual({
      chargesForecastCents: 10_000_000, chargesActualCents: 9_600_000, productsForecastCents: 10_000_000, productsActualCents: 9_450_000,
      resultForecastCents: 0, resultActualCents: -150_000,
    });
    expect(report.products.filter((p) => p.gapToExplain).map((p) => p.kind)).toEqual(["TERRITORY_COFUNDING"]);
    // Art. 4.1: 1 500 000 < 20 % of 9 600 000 → a point of attention; the final amount is unchanged by products.
    expect(report.warnings).toEqual([expect.stringMatching(/Part du territoire réalisée insuffisante/)]);
    const balance = (await getSubsidyFileDetail(db, finance, id, NOW)).finalBalance!;
    expect(balance.finalCents).toBe(7_500_000); // min(awarded 7 500 000, 80 % × 9 600 000 = 7 680 000, cap)

    await recordProductActual(db, manager, id, { kind: "TERRITORY_COFUNDING", version: 1, actualCents: 1_500_000, gapExplanation: "Participation de l'EPCI réduite en cours d'année." });
    report = (await getSubsidyFileDetail(db, manager, id, NOW)).financialReport!;
    expect(report.products.find((p) => p.kind === "TERRITORY_COFUNDING")).toMatchObject({ version: 2, gapToExplain: false, gapExplanation: "Participation de l'EPCI réduite en cours d'année." });
    expect(await db.auditEvent.count({ where: { action: "financialReport.productRecorded", entityId: id } })).toBe(4);
  });

  it("refuse une version dépassée (409), un dossier non signé ou France Travail (422), un autre rôle (403) et une autre plateforme (404)", async () => {
    const { id } = await signedRegionFile();
    await recordProductActual(db, manager, id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 10_000, gapExplanation: "Produits financiers" });
    await expect(recordProductActual(db, finance, id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 20_000 })).rejects.toMatchObject({ status: 409 });
    await expect(recordProductActual(db, manager, id, { kind: "OTHER_PRODUCTS", version: 7, actualCents: 20_000 })).rejects.toMatchObject({ status: 409 });
    await expect(recordProductActual(db, assistant, id, { kind: "OTHER_PRODUCTS", version: 1, actualCents: 20_000 })).rejects.toMatchObject({ status: 403 });
    const stranger = await principal(db, "PLATFORM_MANAGER", { platformIds: [otherPlatformId] });
    await expect(recordProductActual(db, stranger, id, { kind: "OTHER_PRODUCTS", version: 1, actualCents: 20_000 })).rejects.toMatchObject({ status: 404 });
    const draft = await createSubsidyFile(db, manager, { year: ++year, funder: "REGION" }, NOW);
    await expect(recordProductActual(db, manager, draft.id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 1 })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/une fois la convention signée/) });
    const ft = await db.subsidyFile.create({ data: { platformId, year: ++year, funder: "FRANCE_TRAVAIL", status: "SIGNED", awardedCents: 1_000_000n } });
    await expect(recordProductActual(db, manager, ft.id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 1 })).rejects.toMatchObject({ status: 422 });
    expect((await getSubsidyFileDetail(db, finance, ft.id, NOW)).financialReport).toBeNull();
  });

  it("l'audit d'un produit ou d'une dépense réalisée garde les faits (écart expliqué ou non), jamais le texte de l'explication", async () => {
    const { id, lineId } = await signedRegionFile();
    const product = "Subvention du Département versée en retard, dossier Mme Durand";
    const expense = "Arrêt maladie de M. Martin, salaire non versé trois mois";
    await recordProductActual(db, manager, id, { kind: "TERRITORY_COFUNDING", version: 0, actualCents: 1_000_000, gapExplanation: product });
    await recordProductActual(db, manager, id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 0 });
    await recordActualExpense(db, manager, id, lineId, { version: 1, actualCents: 7_000_000, gapExplanation: expense });
    const events = await db.auditEvent.findMany({
      where: { OR: [{ action: "financialReport.productRecorded", entityId: id }, { action: "budgetLine.actualRecorded", entityId: lineId }] },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, (e.metadata as { gapExplained?: boolean }).gapExplained])).toEqual([
      ["financialReport.productRecorded", true], ["financialReport.productRecorded", false], ["budgetLine.actualRecorded", true],
    ]);
    for (const e of events) {
      const meta = JSON.stringify(e.metadata);
      expect(meta).not.toContain("Durand");
      expect(meta).not.toContain("Martin");
      // Only ids, amounts, versions, kinds and booleans: no string value beyond an id or an enum.
      for (const v of Object.values(e.metadata as Record<string, unknown>)) if (typeof v === "string") expect(v).toMatch(/^[0-9a-f-]{36}$|^[A-Z_]+$/);
    }
  });
});

describe("art. 7.3 — annexe qualitative et compte rendu complet", () => {
  it("n'enregistre le compte rendu comme reçu qu'avec l'annexe qualitative (message en français), jointe au dossier", async () => {
    const { id, lineId } = await signedRegionFile();
    await recordActualExpense(db, manager, id, lineId, { version: 1, actualCents: 10_000_000 });
    await recordProductActual(db, manager, id, { kind: "REGION_SUBSIDY", version: 0, actualCents: 7_500_000 });
    await recordProductActual(db, manager, id, { kind: "TERRITORY_COFUNDING", version: 0, actualCents: 2_000_000 });
    let report = (await getSubsidyFileDetail(db, manager, id, NOW)).financialReport!;
    expect(report.completeness).toEqual({ complete: false, missing: [expect.stringMatching(/^Annexe qualitative non jointe/)] });

    const receivedOn = `${year + 1}-05-02`;
    const milestones = async () => ({ version: await fileVersion(id), financialReportReceivedAt: receivedOn });
    const refused = recordMilestones(db, finance, id, await milestones(), NOW);
    await expect(refused).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Compte rendu financier incomplet : Annexe qualitative non jointe/) });
    await expect(refused).rejects.toMatchObject({ fields: { financialReportReceivedAt: [expect.stringMatching(/convention cadre, art\. 7\.3/)] } });

    // The annex goes through the receipts' checks (content type, size, sha256), on the file itself.
    await expect(saveReceipt(db, manager, id, { kind: "QUALITATIVE_ANNEX", fileName: "annexe.pdf", bytes: new TextEncoder().encode("<html>") })).rejects.toThrow(/Format refusé/);
    await expect(saveReceipt(db, manager, id, { kind: "QUALITATIVE_ANNEX", budgetLineId: lineId, fileName: "annexe.pdf", bytes: PDF })).rejects.toMatchObject({ status: 422 });
    const ft = await db.subsidyFile.create({ data: { platformId, year: ++year, funder: "FRANCE_TRAVAIL", status: "SIGNED", awardedCents: 1_000_000n } });
    await expect(saveReceipt(db, manager, ft.id, { kind: "QUALITATIVE_ANNEX", fileName: "annexe.pdf", bytes: PDF })).rejects.toMatchObject({ status: 422 });
    const annex = await saveReceipt(db, manager, id, { kind: "QUALITATIVE_ANNEX", fileName: "annexe qualitative 2031.pdf", bytes: PDF });
    const row = await db.receipt.findUniqueOrThrow({ where: { id: annex.id } });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);

    report = (await getSubsidyFileDetail(db, finance, id, NOW)).financialReport!;
    expect(report.annexes.map((a) => a.fileName)).toEqual(["annexe qualitative 2031.pdf"]);
    expect(report.completeness).toEqual({ complete: true, missing: [] });
    await recordMilestones(db, finance, id, await milestones(), NOW);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id } })).financialReportReceivedAt?.toISOString().slice(0, 10)).toBe(receivedOn);
  });

  it("liste aussi les écarts sans explication et les réalisés manquants", async () => {
    const { id } = await signedRegionFile();
    await saveReceipt(db, manager, id, { kind: "QUALITATIVE_ANNEX", fileName: "annexe.pdf", bytes: PDF });
    await recordProductActual(db, manager, id, { kind: "OTHER_PRODUCTS", version: 0, actualCents: 5_000 });
    const { missing } = (await getSubsidyFileDetail(db, manager, id, NOW)).financialReport!.completeness;
    expect(missing).toEqual([
      "Dépenses réalisées non saisies : « Salaires ».",
      "Produits réalisés non saisis : « Subvention de la Région », « Cofinancement du territoire ».",
      "1 écart entre prévu et réalisé sans explication (convention cadre, art. 7.3).",
    ]);
  });
});

describe("art. 3.1 et 5 — indicateurs choisis par la convention annuelle", () => {
  it("les objectifs déjà saisis deviennent les indicateurs de la convention à l'ouverture du dossier Région", async () => {
    const y = ++year;
    await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId, year: y, targets: { offersCollected: 40, hires: 12 } }));
    const { id } = await createSubsidyFile(db, manager, { year: y, funder: "REGION" }, NOW);
    expect(await db.platformObjective.count({ where: { platformId, year: y } })).toBe(0);
    const detail = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(detail.conventionIndicators!.map((c) => [c.key, c.target])).toEqual([["offersCollected", 40], ["hires", 12]]);
    expect(detail.canChooseIndicators).toBe(false); // finance reads them; objective.write chooses
    expect((await getSubsidyFileDetail(db, manager, id, NOW)).canChooseIndicators).toBe(true);
    const created = await db.auditEvent.findFirstOrThrow({ where: { action: "subsidyFile.created", entityId: id } });
    expect(created.metadata).toMatchObject({ indicatorsFromObjectives: ["hires", "offersCollected"] });
  });

  it("le choix de la convention pilote objectifs, bilans et rapport annuel de l'année, versionné et tracé", async () => {
    const y = ++year;
    const { id } = await createSubsidyFile(db, manager, { year: y, funder: "REGION" }, NOW);
    expect((await objectivesVsTargets(db, manager, platformId, y, NOW)).rows).toEqual([]);
    // The referent chooses three indicators of the catalogue for this convention, with their targets.
    await saveObjectives(db, referent, saveObjectivesSchema.parse({ platformId, year: y, targets: { companiesVisited: 120, jobSeekersReceived: 200, eventsHeld: 6 } }));
    expect(await db.conventionIndicator.count({ where: { subsidyFileId: id } })).toBe(3);
    expect(await db.platformObjective.count({ where: { platformId, year: y } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "conventionIndicator.updated", entityId: id } });
    expect(audit.metadata).toMatchObject({ year: y, changed: ["companiesVisited", "jobSeekersReceived", "eventsHeld"], chosen: ["companiesVisited", "eventsHeld", "jobSeekersReceived"] });

    expect((await objectivesVsTargets(db, manager, platformId, y, NOW)).rows.map((r) => [r.key, r.target])).toEqual([["companiesVisited", 120], ["jobSeekersReceived", 200], ["eventsHeld", 6]]);
    // Dropping one (empty target) takes it out of the convention, of the bilans and of the annual report.
    const versions = Object.fromEntries((await listObjectives(db, manager, platformId, y)).map((o) => [o.indicatorKey, o.version]));
    await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId, year: y, targets: { eventsHeld: null, jobSeekersReceived: 180 }, versions }));
    const chosen = (await getSubsidyFileDetail(db, manager, id, NOW)).conventionIndicators!;
    expect(chosen.map((c) => [c.key, c.target, c.version])).toEqual([["companiesVisited", 120, 1], ["jobSeekersReceived", 180, 2]]);
    const annual = await getAnnualReport(db, manager, platformId, y, NOW);
    expect(annual.objectives.rows.map((r) => r.key)).toEqual(["companiesVisited", "jobSeekersReceived"]);
    // A stale version is refused (409).
    await expect(saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId, year: y, targets: { jobSeekersReceived: 1 }, versions: { jobSeekersReceived: 1 } }))).rejects.toMatchObject({ status: 409 });

    // A year without a Région file keeps the platform's own objectives.
    const free = ++year;
    await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId, year: free, targets: { hires: 3 } }));
    expect(await db.platformObjective.count({ where: { platformId, year: free } })).toBe(1);
    expect((await objectivesVsTargets(db, manager, platformId, free, NOW)).rows.map((r) => r.key)).toEqual(["hires"]);
    expect(await db.auditEvent.count({ where: { action: "objective.updated", platformId } })).toBeGreaterThanOrEqual(1);
  });

  it("une convention signée ne change ses indicateurs que par un avenant enregistré sur son dossier (FT art. 13.1, conventions Région)", async () => {
    const { id } = await signedRegionFile();
    const y = year;
    const save = (body: Record<string, unknown>) => saveObjectives(db, referent, saveObjectivesSchema.parse({ platformId, year: y, ...body }));

    // No amendment recorded yet: refused, nothing saved, nothing traced.
    await expect(save({ targets: { hires: 10 } })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/est signée .* Aucun avenant n'est enregistré sur le dossier/), fields: { amendmentEventId: [expect.any(String)] } });
    expect(await db.conventionIndicator.count({ where: { subsidyFileId: id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "conventionIndicator.updated", entityId: id } })).toBe(0);
    expect((await getSubsidyFileDetail(db, manager, id, NOW)).indicatorAmendments).toEqual([]);

    // Finance records the amendment through the workflow step « Enregistrer un avenant ».
    await applyTransition(db, finance, id, { transition: "amendment", version: await fileVersion(id), at: `${y}-05-20`, comment: "Avenant n° 1 : cibles revues" }, NOW);
    const amendment = await db.subsidyFileEvent.findFirstOrThrow({ where: { subsidyFileId: id, transition: "amendment" } });
    expect((await getSubsidyFileDetail(db, manager, id, NOW)).indicatorAmendments).toEqual([{ id: amendment.id, label: "Avenant du 20/05/" + y + ". Avenant n° 1 : cibles revues" }]);

    // Not citing it, or citing another file's amendment, is refused too.
    await expect(save({ targets: { hires: 10 } })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/Choisissez l'avenant/) });
    const otherManager = await principal(db, "PLATFORM_MANAGER", { platformIds: [otherPlatformId] });
    const other = await createSubsidyFile(db, otherManager, { year: y, funder: "REGION" }, NOW);
    await db.subsidyFile.update({ where: { id: other.id }, data: { status: "SIGNED", signedAt: new Date(`${y}-03-01`) } });
    await applyTransition(db, finance, other.id, { transition: "amendment", version: await fileVersion(other.id), at: `${y}-05-21`, comment: "Avenant d'une autre plateforme" }, NOW);
    const foreign = await db.subsidyFileEvent.findFirstOrThrow({ where: { subsidyFileId: other.id, transition: "amendment" } });
    await expect(save({ targets: { hires: 10 }, amendmentEventId: foreign.id })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/Choisissez l'avenant/) });
    expect(await db.conventionIndicator.count({ where: { subsidyFileId: id } })).toBe(0);

    // Citing it: saved, in the file's history with each change, and traced with the amendment's id.
    expect(await save({ targets: { hires: 10, offersCollected: 40 }, amendmentEventId: amendment.id })).toEqual({ saved: 2 });
    const versions = Object.fromEntries((await listObjectives(db, manager, platformId, y)).map((o) => [o.indicatorKey, o.version]));
    expect(await save({ targets: { hires: null, offersCollected: 1250 }, versions, amendmentEventId: amendment.id })).toEqual({ saved: 2 });
    const lines = await db.subsidyFileEvent.findMany({ where: { subsidyFileId: id, transition: "indicatorsAmended" }, orderBy: { at: "asc" } });
    expect(lines.map((l) => l.comment)).toEqual([
      `Avenant du 20/05/${y}. Avenant n° 1 : cibles revues — Embauches : ajouté (cible 10) ; Offres recueillies : ajouté (cible 40)`,
      `Avenant du 20/05/${y}. Avenant n° 1 : cibles revues — Embauches : retiré (cible 10) ; Offres recueillies : 40 → 1\u202f250`,
    ]);
    expect(lines.every((l) => l.fromStatus === "SIGNED" && l.toStatus === "SIGNED" && l.actorId === referent.id)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { action: "conventionIndicator.updated", entityId: id } });
    expect(audit.map((a) => (a.metadata as { amendmentEventId?: string }).amendmentEventId)).toEqual([amendment.id, amendment.id]);
    // Nothing changed: no amendment needed, nothing recorded.
    expect(await save({ targets: { offersCollected: 1250 }, versions: { offersCollected: 2 } })).toEqual({ saved: 0 });
  });
});
