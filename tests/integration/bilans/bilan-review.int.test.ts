// Issue 17 §2: the referent's home lists the closed monthly bilans awaiting their review (DOMAIN.md:
// the referent « validates bilans »), each linking to the month's bilan, where they mark it reviewed.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { closeMonth, reopenMonth, reviewMonth } from "@/lib/bilans/bilan.service";
import { monthlyFigures } from "@/lib/bilans/bilan.query";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { referentHome } from "@/lib/home/region-home.service";
import { createUser, platformUser } from "@/tests/factories";
import { buildMarchFixture, MARCH } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-05-10T10:00:00Z");
const APRIL = "2026-04";
let fx: Awaited<ReturnType<typeof buildMarchFixture>>;

beforeEach(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
});

async function user(role: "REGION_REFERENT" | "REGION_FINANCE", platformIds: string[] = [], allPlatforms = true) {
  const u = await createUser(db, { role, allPlatforms, platformIds });
  return (await loadPrincipal(db, u.id))!;
}

describe("relecture des bilans clôturés par le référent (issue 17)", () => {
  it("l'accueil du référent liste les bilans clôturés à relire, avec un lien ; la relecture les en retire (journalisée)", async () => {
    const lensManager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    const amiensManager = await platformUser(db, "PLATFORM_MANAGER", fx.amiens.id);
    await closeMonth(db, lensManager, { platformId: fx.lens.id, month: MARCH }, new Date("2026-04-03T10:00:00Z"));
    await closeMonth(db, amiensManager, { platformId: fx.amiens.id, month: APRIL }, new Date("2026-05-04T10:00:00Z"));
    const referent = await user("REGION_REFERENT");

    const home = await referentHome(db, referent, NOW);
    expect(home.bilansToReview.map((i) => [i.label, i.href, i.detail, i.tone])).toEqual([
      ["Lens-Liévin : bilan de mars 2026 à relire", `/bilans?platformId=${fx.lens.id}&period=month&month=${MARCH}#close-title`, "clôturé le 03/04/2026", "bad"],
      ["Amiénois : bilan de avril 2026 à relire", `/bilans?platformId=${fx.amiens.id}&period=month&month=${APRIL}#close-title`, "clôturé le 04/05/2026", "warn"],
    ]);
    // A referent whose scope is one platform sees only that platform's bilans.
    const lensReferent = await user("REGION_REFERENT", [fx.lens.id], false);
    expect((await referentHome(db, lensReferent, NOW)).bilansToReview.map((i) => i.label)).toEqual(["Lens-Liévin : bilan de mars 2026 à relire"]);
    await expect(reviewMonth(db, lensReferent, { platformId: fx.amiens.id, month: APRIL }, NOW)).rejects.toThrow();

    const reviewed = await reviewMonth(db, referent, { platformId: fx.lens.id, month: MARCH }, NOW);
    expect(reviewed).toMatchObject({ platformId: fx.lens.id, month: MARCH, snapshotVersion: 1, reviewedAt: NOW });
    expect((await referentHome(db, referent, NOW)).bilansToReview.map((i) => i.label)).toEqual(["Amiénois : bilan de avril 2026 à relire"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bilan.review" } });
    expect(audit).toMatchObject({ actorId: referent.id, platformId: fx.lens.id, entityType: "MonthlySnapshot" });
    // The bilan page shows when it was reviewed; the frozen figures did not change.
    const [march] = (await monthlyFigures(db, [fx.lens.id], MARCH, MARCH)).get(fx.lens.id)!;
    expect(march).toMatchObject({ closed: true, snapshotVersion: 1, reviewedAt: NOW });
    // Reviewing twice is refused in French.
    await expect(reviewMonth(db, referent, { platformId: fx.lens.id, month: MARCH }, NOW)).rejects.toThrow(/déjà relu/);
  });

  it("un mois rouvert puis clôturé de nouveau attend une nouvelle relecture ; un mois ouvert ne se relit pas ; seul le référent relit", async () => {
    const manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
    const referent = await user("REGION_REFERENT");
    await expect(reviewMonth(db, referent, { platformId: fx.lens.id, month: MARCH }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    await expect(reviewMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewMonth(db, await user("REGION_FINANCE"), { platformId: fx.lens.id, month: MARCH }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await reviewMonth(db, referent, { platformId: fx.lens.id, month: MARCH }, NOW);
    expect((await referentHome(db, referent, NOW)).bilansToReview).toEqual([]);

    await reopenMonth(db, referent, { platformId: fx.lens.id, month: MARCH, reason: "Une embauche manquait au bilan" }, NOW);
    expect((await referentHome(db, referent, NOW)).bilansToReview).toEqual([]);
    await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, NOW);
    expect((await referentHome(db, referent, NOW)).bilansToReview.map((i) => i.label)).toEqual(["Lens-Liévin : bilan de mars 2026 à relire"]);
  });
});
