// Tranche claims, withholding for a missing financial report, France Travail penalties, refund orders.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";
import { addBudgetLine, createSubsidyFile, getSubsidyFileDetail, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordActualExpense, recordMilestones, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { claimTranche, issueRefundOrder, markRefundOrderPaid, recordFtBreach } from "@/lib/subsidy/tranche.service";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { ensureInitialRuleSets } from "@/prisma/seed/rule-sets";
import { transactionBarrier } from "@/tests/support/barrier";

const NOW = new Date("2026-06-15T10:00:00.000Z");

async function principal(role: Role, platformIds: string[] = [], allPlatforms = false): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds, allPlatforms });
  return (await loadPrincipal(db, u.id))!;
}
const version = async (id: string) => (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;

/** A France Travail file of Lens, signed on 2026-06-10 for 40 000 € (tranches 50 / 20 / 30). */
async function signedFtFile() {
  await ensureInitialRuleSets(db, NOW);
  const lens = await createPlatform(db, "Lens test");
  const amiens = await createPlatform(db, "Amiens test");
  const manager = await principal("PLATFORM_MANAGER", [lens.id]);
  const finance = await principal("REGION_FINANCE", [], true);
  const { id } = await createSubsidyFile(db, manager, { year: 2026, funder: "FRANCE_TRAVAIL" }, NOW);
  await addBudgetLine(db, manager, id, { category: "RH_DEDIEES", label: "Conseiller mobilité", eligible: true, forecastCents: 5_000_000 });
  await updateSubsidyFile(db, manager, id, { version: await version(id), staffEtp: 1, requestedCents: 4_000_000, territoryCofundingCents: 1_000_000, otherCofundingCents: 0 });
  await applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
  await applyTransition(db, finance, id, { transition: "approve", version: await version(id), deliberationNumber: "FT-2026-7", deliberationDate: "2026-06-01", awardedCents: 4_000_000 }, NOW);
  await applyTransition(db, finance, id, { transition: "sign", version: await version(id), signedAt: "2026-06-10" }, NOW);
  const tranches = await db.tranche.findMany({ where: { subsidyFileId: id }, orderBy: { rank: "asc" } });
  return { id, manager, finance, otherManager: await principal("PLATFORM_MANAGER", [amiens.id]), tranches };
}

beforeEach(resetDb);

describe("versement d'une tranche (issue 15 §4)", () => {
  it("sur une tranche « prévue » : refusé sans confirmation, accepté avec confirmation et motif (tracé), puis la tranche est versée", async () => {
    const w = await signedFtFile();
    const [t1, t2] = w.tranches;
    const pay = (trancheId: string, extra: { confirmUnmetConditions?: boolean; overrideReason?: string } = {}) =>
      recordPayment(db, w.finance, w.id, { trancheId, amountCents: 1_000_000, paidAt: "2026-06-20", ...extra }, NOW);
    const refused = pay(t1!.id);
    await expect(refused).rejects.toBeInstanceOf(UnprocessableError);
    await expect(refused).rejects.toThrow("Les conditions de cette tranche ne sont pas remplies (attestation de démarrage). Pour verser quand même, confirmez et indiquez le motif.");
    await expect(pay(t1!.id, { confirmUnmetConditions: true })).rejects.toMatchObject({ status: 400, fields: { overrideReason: ["Indiquez le motif du versement malgré les conditions non remplies (10 caractères au moins)."] } });
    await expect(pay(t1!.id, { confirmUnmetConditions: true, overrideReason: "Courrier" })).rejects.toMatchObject({ status: 400 });
    expect(await db.payment.count()).toBe(0);

    await pay(t1!.id, { confirmUnmetConditions: true, overrideReason: "Attestation reçue par courrier, saisie en retard" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "payment.recorded" } });
    // Issue 22 §4: the audit keeps the presence of the reason, not its text (stored on the payment, shown in the history).
    expect(audit.reason).toBeNull();
    expect(audit.metadata).toMatchObject({ trancheStatusBefore: "PLANNED", unmetConditionsConfirmed: true, overrideReasonGiven: true, activityBilanMissing: false });
    expect(JSON.stringify(audit.metadata)).not.toContain("Attestation reçue");
    expect((await db.payment.findFirstOrThrow()).overrideReason).toBe("Attestation reçue par courrier, saisie en retard");
    const d = await getSubsidyFileDetail(db, w.finance, w.id, NOW);
    // Paid below its amount (20 000 €): the tranche is settled all the same.
    expect(d.tranches.map((t) => t.status)).toEqual(["PAID", "PLANNED", "PLANNED"]);
    // The file's history shows the payment on the signed convention, with the reason.
    expect(d.history.at(-1)).toMatchObject({ transition: "paymentRecorded", fromStatus: "SIGNED", toStatus: "SIGNED" });
    expect(d.history.at(-1)!.comment).toContain("malgré des conditions non remplies : Attestation reçue par courrier");

    // A claimable tranche (its document recorded) needs no confirmation and becomes « Versée ».
    await recordMilestones(db, w.finance, w.id, { version: await version(w.id), intermediateReportAt: "2026-09-01" } as never, NOW);
    expect((await getSubsidyFileDetail(db, w.finance, w.id, NOW)).tranches[1]!.status).toBe("DUE");
    await pay(t2!.id);
    expect((await getSubsidyFileDetail(db, w.finance, w.id, NOW)).tranches[1]!.status).toBe("PAID");
  });
});

describe("tranches : prévue → exigible → demandée → versée", () => {
  it("le responsable demande la tranche 1 avec l'attestation de démarrage ; la finance la voit et la verse", async () => {
    const w = await signedFtFile();
    const t1 = w.tranches[0]!;
    let d = await getSubsidyFileDetail(db, w.manager, w.id, NOW);
    expect(d.tranches.map((t) => t.status)).toEqual(["PLANNED", "PLANNED", "PLANNED"]);
    expect(d.tranches[0]!.conditions).toEqual([{ document: "START_ATTESTATION", label: "Attestation de démarrage", met: false, at: null }]);
    expect(d.canClaim).toBe(true);

    // Without the document the claim is refused, with the missing condition named.
    await expect(claimTranche(db, w.manager, w.id, t1.id, { version: await version(w.id), documents: {} }, NOW)).rejects.toThrow(/attestation de démarrage/);
    // Nobody else claims: finance (policy), another platform's manager (scope → 404).
    await expect(claimTranche(db, w.finance, w.id, t1.id, { version: await version(w.id), documents: {} }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(claimTranche(db, w.otherManager, w.id, t1.id, { version: await version(w.id), documents: {} }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    // A stale version is a conflict.
    await expect(claimTranche(db, w.manager, w.id, t1.id, { version: 1, documents: { startAttestationAt: "2026-06-12" } }, NOW)).rejects.toBeInstanceOf(ConflictError);

    await claimTranche(db, w.manager, w.id, t1.id, { version: await version(w.id), documents: { startAttestationAt: "2026-06-12" } }, NOW);
    d = await getSubsidyFileDetail(db, w.finance, w.id, NOW);
    expect(d.milestones.startAttestationAt).toBe("2026-06-12");
    expect(d.tranches[0]).toMatchObject({ status: "REQUESTED", conditions: [{ met: true, at: "2026-06-12" }] });
    expect(d.history.map((h) => h.transition)).toContain("claimTranche");
    await expect(claimTranche(db, w.manager, w.id, t1.id, { version: await version(w.id), documents: {} }, NOW)).rejects.toThrow(/déjà demandé/);
    expect(await db.auditEvent.count({ where: { action: "tranche.claimed", entityId: t1.id } })).toBe(1);

    const rows = await listDeadlines(db, w.finance, NOW);
    expect(rows.find((r) => r.kind === "TRANCHE" && r.label.startsWith("Tranche 1 "))?.trancheStatus).toBe("REQUESTED");

    await recordPayment(db, w.finance, w.id, { trancheId: t1.id, amountCents: 2_000_000, paidAt: "2026-06-20" });
    d = await getSubsidyFileDetail(db, w.finance, w.id, NOW);
    expect(d.tranches[0]!.status).toBe("PAID");
    expect((await db.tranche.findUniqueOrThrow({ where: { id: t1.id } })).status).toBe("PAID");
  });

  it("la tranche 2 devient exigible quand la finance enregistre le rapport intermédiaire", async () => {
    const w = await signedFtFile();
    await recordMilestones(db, w.finance, w.id, { version: await version(w.id), intermediateReportAt: "2026-11-30" }, NOW);
    expect((await db.tranche.findUniqueOrThrow({ where: { id: w.tranches[1]!.id } })).status).toBe("DUE");
    const d = await getSubsidyFileDetail(db, w.manager, w.id, NOW);
    expect(d.tranches.map((t) => t.status)).toEqual(["PLANNED", "DUE", "PLANNED"]);
  });
});

describe("ordres de reversement et pénalités France Travail", () => {
  it("un solde négatif donne un ordre de reversement numéroté, borné, réglé, dans l'historique", async () => {
    const w = await signedFtFile();
    await recordPayment(db, w.finance, w.id, { trancheId: w.tranches[0]!.id, amountCents: 2_000_000, paidAt: "2026-06-20", confirmUnmetConditions: true, overrideReason: "Versement de test sans attestation" });
    const line = await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: w.id } });
    // Actual 1 000 000 < forecast: final = 80 % × 1 000 000 = 800 000; paid 2 000 000 → refund 1 200 000.
    await recordActualExpense(db, w.manager, w.id, line.id, { version: line.version, actualCents: 1_000_000, gapExplanation: "Recrutement tardif" });
    let d = await getSubsidyFileDetail(db, w.finance, w.id, NOW);
    expect(d.finalBalance).toMatchObject({ finalCents: 800_000, balanceCents: -1_200_000, outcome: "REFUND" });
    expect(d.refundableCents).toBe(1_200_000);

    await expect(issueRefundOrder(db, w.manager, w.id, { amountCents: 100, issuedAt: "2026-07-01", reason: "Solde" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueRefundOrder(db, w.finance, w.id, { amountCents: 1_200_001, issuedAt: "2026-07-01", reason: "Solde" }, NOW)).rejects.toBeInstanceOf(UnprocessableError);
    const a = await issueRefundOrder(db, w.finance, w.id, { amountCents: 700_000, issuedAt: "2026-07-01", reason: "Solde" }, NOW);
    const b = await issueRefundOrder(db, w.finance, w.id, { amountCents: 500_000, issuedAt: "2026-07-02", reason: "Solde (suite)" }, NOW);
    expect([a.number, b.number]).toEqual(["OR-2026-0001", "OR-2026-0002"]);
    await expect(issueRefundOrder(db, w.finance, w.id, { amountCents: 1, issuedAt: "2026-07-03", reason: "Solde" }, NOW)).rejects.toThrow(/dépasse/);

    const order = await db.refundOrder.findUniqueOrThrow({ where: { id: a.id } });
    expect(order.dueAt.toISOString().slice(0, 10)).toBe("2026-07-31");
    await markRefundOrderPaid(db, w.finance, w.id, a.id, { version: order.version, paidAt: "2026-07-20" });
    await expect(markRefundOrderPaid(db, w.finance, w.id, a.id, { version: order.version + 1, paidAt: "2026-07-21" })).rejects.toBeInstanceOf(UnprocessableError);
    d = await getSubsidyFileDetail(db, w.manager, w.id, NOW);
    expect(d.refundOrders.map((o) => [o.number, o.status, o.amountCents])).toEqual([["OR-2026-0001", "PAID", 700_000], ["OR-2026-0002", "ISSUED", 500_000]]);
    expect(d.history.filter((h) => h.transition.startsWith("refundOrder")).length).toBe(3);
    expect(await db.auditEvent.count({ where: { action: { in: ["refundOrder.issued", "refundOrder.paid"] } } })).toBe(3);
  });

  it("concurrent refund orders never exceed the amount to refund", async () => {
    const w = await signedFtFile();
    await recordPayment(db, w.finance, w.id, { trancheId: w.tranches[0]!.id, amountCents: 2_000_000, paidAt: "2026-06-20", confirmUnmetConditions: true, overrideReason: "Versement de test sans attestation" });
    const line = await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: w.id } });
    await recordActualExpense(db, w.manager, w.id, line.id, { version: line.version, actualCents: 1_000_000, gapExplanation: "Recrutement tardif" });
    // All four transactions open before any runs (a barrier, not timing).
    const barrier = transactionBarrier(db, 4);
    const results = await Promise.allSettled(Array.from({ length: 4 }, (_, i) => issueRefundOrder(barrier.client, w.finance, w.id, { amountCents: 500_000, issuedAt: "2026-07-01", reason: `Essai ${i}` }, NOW)));
    expect(barrier.arrived()).toBe(4);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const sum = await db.refundOrder.aggregate({ where: { subsidyFileId: w.id }, _sum: { amountCents: true } });
    expect(Number(sum._sum.amountCents)).toBe(1_000_000);
  });

  it("fraude constatée (art. 8) : totalité + 100 %, par la finance seulement", async () => {
    const w = await signedFtFile();
    await expect(recordFtBreach(db, w.manager, w.id, { version: await version(w.id), breach: "FRAUD", misusedCents: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordFtBreach(db, w.finance, w.id, { version: await version(w.id), breach: "MISUSE", misusedCents: null })).rejects.toBeInstanceOf(UnprocessableError);
    await recordFtBreach(db, w.finance, w.id, { version: await version(w.id), breach: "FRAUD", misusedCents: null });
    const d = await getSubsidyFileDetail(db, w.finance, w.id, NOW);
    expect(d.penalty).toMatchObject({ refundCents: 4_000_000, surchargeCents: 4_000_000, totalCents: 8_000_000 });
    expect(d.refundableCents).toBe(8_000_000);
  });
});

describe("retenue pour compte rendu financier manquant", () => {
  it("retard → mise en demeure (historique) → taux non fixé signalé sur le dossier et les échéances", async () => {
    const w = await signedFtFile();
    const later = new Date("2027-07-15T10:00:00.000Z");
    let d = await getSubsidyFileDetail(db, w.finance, w.id, later);
    expect(d.withholding.stage).toBe("REPORT_LATE");
    await recordMilestones(db, w.finance, w.id, { version: await version(w.id), formalNoticeAt: "2027-07-10" }, later);
    d = await getSubsidyFileDetail(db, w.finance, w.id, later);
    expect(d.history.map((h) => h.transition)).toContain("formalNotice");
    expect(d.withholding.stage).toBe("RATE_UNSET");
    const row = (await listDeadlines(db, w.finance, later)).find((r) => r.kind === "FINANCIAL_REPORT");
    expect(row?.withholding?.stage).toBe("RATE_UNSET");
  });
});
