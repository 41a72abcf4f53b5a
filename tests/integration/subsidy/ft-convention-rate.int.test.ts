// Issue 22 — France Travail convention art. 3.2 (« soit XX % du montant total estimé des dépenses
// éligibles ») and its revision « par application du pourcentage fixé au présent article aux dépenses
// éligibles réellement supportées »: the rate is per convention. Two conventions of the same year at
// different rates give different contributions, balances and refunds.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { addBudgetLine, createSubsidyFile, getSubsidyFileDetail, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordActualExpense, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { issueRefundOrder } from "@/lib/subsidy/tranche.service";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { ensureInitialRuleSets, FRANCE_TRAVAIL_V1 } from "@/prisma/seed/rule-sets";

const NOW = new Date("2026-06-15T10:00:00.000Z");
beforeEach(resetDb);

async function principal(role: Role, platformIds: string[] = [], allPlatforms = false): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds, allPlatforms });
  return (await loadPrincipal(db, u.id))!;
}
const version = async (id: string) => (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;

/** A 2026 France Travail convention at `ratePercent`, 50 000 € of forecast eligible expenses, awarded what the rate gives, signed. */
async function convention(platformName: string, ratePercent: string | null, finance: CurrentUser) {
  const platform = await createPlatform(db, platformName);
  const manager = await principal("PLATFORM_MANAGER", [platform.id]);
  const { id } = await createSubsidyFile(db, manager, { year: 2026, funder: "FRANCE_TRAVAIL" }, NOW);
  await addBudgetLine(db, manager, id, { category: "RH_DEDIEES", label: "Conseiller mobilité", eligible: true, forecastCents: 5_000_000 });
  await updateSubsidyFile(db, manager, id, {
    version: await version(id), staffEtp: 1, requestedCents: 4_000_000, territoryCofundingCents: 0, otherCofundingCents: 0,
    ...(ratePercent ? { fundingRateBp: Math.round(Number(ratePercent) * 100) } : {}),
  });
  const granted = (await getSubsidyFileDetail(db, manager, id, NOW)).computation.grantCents;
  await applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
  await applyTransition(db, finance, id, { transition: "approve", version: await version(id), deliberationNumber: `FT-${platformName}`, deliberationDate: "2026-06-01", awardedCents: granted }, NOW);
  await applyTransition(db, finance, id, { transition: "sign", version: await version(id), signedAt: "2026-06-10" }, NOW);
  return { id, manager, granted };
}

describe("France Travail: the rate is per convention (art. 3.2)", () => {
  it("two conventions of 2026 at 50 % and 70 %: contribution, first tranche, final balance and refund each from its own rate", async () => {
    await ensureInitialRuleSets(db, NOW);
    const finance = await principal("REGION_FINANCE", [], true);
    const a = await convention("Lens taux", "50", finance);
    const b = await convention("Amiens taux", "70", finance);
    expect(a.granted).toBe(2_500_000);
    expect(b.granted).toBe(3_500_000);

    for (const [w, paid, final] of [[a, 1_250_000, 1_000_000], [b, 1_750_000, 1_400_000]] as const) {
      const tranches = await db.tranche.findMany({ where: { subsidyFileId: w.id }, orderBy: { rank: "asc" } });
      expect(Number(tranches[0]!.amountCents)).toBe(paid); // art. 4: 50 % of the contribution
      // The start attestation is not recorded here: the payment is confirmed with a reason (issue 15 §4).
      await recordPayment(db, finance, w.id, { trancheId: tranches[0]!.id, amountCents: paid, paidAt: "2026-06-20", confirmUnmetConditions: true, overrideReason: "Attestation reçue par courrier" });
      const line = await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: w.id } });
      // Actual eligible expenses 20 000 € < forecast: revised down at the convention's own rate.
      await recordActualExpense(db, w.manager, w.id, line.id, { version: line.version, actualCents: 2_000_000, gapExplanation: "Recrutement tardif" });
      const d = await getSubsidyFileDetail(db, finance, w.id, NOW);
      expect(d.computation.rateBp).toBe(w === a ? 5_000 : 7_000);
      expect(d.finalBalance).toMatchObject({ finalCents: final, balanceCents: final - paid, outcome: "REFUND" });
      expect(d.refundableCents).toBe(paid - final);
      // An order above what this convention's rate leaves to refund is refused; the exact amount goes through.
      await expect(issueRefundOrder(db, finance, w.id, { amountCents: paid - final + 1, issuedAt: "2026-06-30", reason: "Trop-perçu (art. 3.2)" }, NOW)).rejects.toMatchObject({ status: 422 });
      const order = await issueRefundOrder(db, finance, w.id, { amountCents: paid - final, issuedAt: "2026-06-30", reason: "Trop-perçu (art. 3.2)" }, NOW);
      expect(Number((await db.refundOrder.findUniqueOrThrow({ where: { id: order.id } })).amountCents)).toBe(paid - final);
    }
  });

  it("the rule set's rate is only the default; a Région file refuses a per-convention rate", async () => {
    await ensureInitialRuleSets(db, NOW);
    const finance = await principal("REGION_FINANCE", [], true);
    const c = await convention("Lille défaut", null, finance);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id: c.id } })).fundingRateBp).toBe(FRANCE_TRAVAIL_V1.fundingRateBp);
    expect(c.granted).toBe(FRANCE_TRAVAIL_V1.fundingRateBp * 5_000_000 / 10_000);

    const platform = await createPlatform(db, "Région taux");
    const manager = await principal("PLATFORM_MANAGER", [platform.id]);
    const { id } = await createSubsidyFile(db, manager, { year: 2026, funder: "REGION" }, NOW);
    await expect(updateSubsidyFile(db, manager, id, { version: await version(id), staffEtp: 1, requestedCents: 1, territoryCofundingCents: 0, otherCofundingCents: 0, fundingRateBp: 5_000 }))
      .rejects.toMatchObject({ status: 400, fields: { fundingRateBp: [expect.stringMatching(/France Travail/)] } });
  });
});
