import { beforeEach, describe, expect, it } from "vitest";
import { closeMonth, reopenMonth } from "@/lib/bilans/bilan.service";
import { getMonthlyReport } from "@/lib/bilans/bilan.query";
import { computeFigures } from "@/lib/indicators/compute";
import { INDICATORS_VERSION } from "@/lib/indicators/indicators";
import { createUser, platformUser } from "@/tests/factories";
import { loadPrincipal } from "@/lib/auth/principal";
import { buildMarchFixture, EXPECTED_MARCH, MARCH } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-11-23T10:00:00Z");
let fx: Awaited<ReturnType<typeof buildMarchFixture>>;

beforeEach(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
});

async function referent() {
  const u = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
  return (await loadPrincipal(db, u.id))!;
}

/** What the GDPR destruction does to a person: identity erased, links and activity rows removed. */
async function destroyPeople(ids: string[]) {
  await db.eventJobSeekerParticipation.deleteMany({ where: { jobSeekerId: { in: ids } } });
  await db.proposal.deleteMany({ where: { jobSeekerId: { in: ids } } });
  await db.jobSeeker.updateMany({
    where: { id: { in: ids } },
    data: { lastName: null, firstName: null, birthDate: null, email: null, phone: null, rsa: null, rqth: null, lifecycle: "DESTROYED", destroyedAt: NOW },
  });
}

describe("clôture d'un mois : des chiffres figés", () => {
  it("fige les chiffres : ni une modification ni la destruction RGPD ne les changent", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    const closed = await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    expect(closed.snapshotVersion).toBe(1);

    await db.jobOffer.update({ where: { id: fx.offers.o1.id }, data: { hiddenMarket: false, positions: 9 } });
    await db.proposal.deleteMany({ where: { offerId: fx.offers.o2.id } });
    await db.jobOffer.delete({ where: { id: fx.offers.o2.id } });
    await destroyPeople(Object.values(fx.seekers).map((s) => s.id));

    const live = (await computeFigures(db, [fx.lens.id], MARCH, MARCH)).get(fx.lens.id)!.get(MARCH)!;
    expect(live.hires).toBe(0); // the activity really changed underneath…
    expect(live.offersHiddenMarket).toBe(0);

    const report = await getMonthlyReport(db, manager, fx.lens.id, MARCH);
    expect(report.closed).toBe(true);
    expect(report.snapshotVersion).toBe(1);
    expect(report.definitionsVersion).toBe(INDICATORS_VERSION);
    expect(report.figures).toEqual(EXPECTED_MARCH); // …but the closed month did not move
  });

  it("refuse de clôturer deux fois, ou un mois non terminé", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    await expect(closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW)).rejects.toMatchObject({ status: 409 });
    await expect(closeMonth(db, manager, { platformId: fx.lens.id, month: "2026-11" }, NOW)).rejects.toMatchObject({ status: 422 });
  });

  it("ne laisse pas un responsable clôturer une autre plateforme (404)", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    await expect(closeMonth(db, manager, { platformId: fx.amiens.id, month: MARCH }, NOW)).rejects.toMatchObject({ status: 404 });
  });

  it("réserve la réouverture au référent Région, avec un motif audité, et garde l'ancienne version", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    await expect(reopenMonth(db, manager, { platformId: fx.lens.id, month: MARCH, reason: "Je veux corriger" }, NOW)).rejects.toMatchObject({ status: 403 });

    const ref = await referent();
    await reopenMonth(db, ref, { platformId: fx.lens.id, month: MARCH, reason: "Embauche de mars saisie en retard" }, NOW);
    const provisional = await getMonthlyReport(db, ref, fx.lens.id, MARCH);
    expect(provisional.closed).toBe(false);

    await db.jobOffer.update({ where: { id: fx.offers.o5.id }, data: { hiddenMarket: true } });
    const again = await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    expect(again.snapshotVersion).toBe(2);

    const versions = await db.monthlySnapshot.findMany({ where: { platformId: fx.lens.id }, orderBy: { snapshotVersion: "asc" } });
    expect(versions.map((v) => [v.snapshotVersion, v.supersededAt !== null])).toEqual([[1, true], [2, false]]);
    expect(versions[0]!.reopenReason).toBe("Embauche de mars saisie en retard");
    expect(versions[0]!.reopenedById).toBe(ref.id);
    expect((versions[0]!.figures as Record<string, number>).offersHiddenMarket).toBe(1);
    expect((versions[1]!.figures as Record<string, number>).offersHiddenMarket).toBe(2);

    const audit = await db.auditEvent.findMany({ where: { action: { in: ["bilan.close", "bilan.reopen"] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["bilan.close", "bilan.reopen", "bilan.close"]);
    expect(audit[1]!.reason).toBe("Embauche de mars saisie en retard");
  });

  it("refuse en base toute modification ou suppression d'un instantané", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    const snap = await db.monthlySnapshot.findFirstOrThrow({ where: { platformId: fx.lens.id } });
    await expect(db.monthlySnapshot.update({ where: { id: snap.id }, data: { figures: { hires: 99 } } })).rejects.toThrow();
    await expect(db.monthlySnapshot.delete({ where: { id: snap.id } })).rejects.toThrow();
    const after = await db.monthlySnapshot.findUniqueOrThrow({ where: { id: snap.id } });
    expect(after.figures).toEqual(snap.figures);
  });

  it("donne au référent le total régional, provisoire tant qu'une plateforme reste ouverte", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    const region = await getMonthlyReport(db, await referent(), undefined, MARCH);
    expect(region.platformId).toBeNull();
    expect(region.closed).toBe(false);
    expect(region.figures.offersCollected).toBe(4); // 3 at Lens + 1 at Amiens
    expect(region.figures.positionsOffered).toBe(11);
  });
});
