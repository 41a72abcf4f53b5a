import { beforeAll, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { listObjectives, objectivesVsTargets, saveObjectives } from "@/lib/objectives/objective.service";
import { createUser, platformUser } from "@/tests/factories";
import { buildMarchFixture } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
let fx: Awaited<ReturnType<typeof buildMarchFixture>>;
let manager: CurrentUser;
let referent: CurrentUser;

beforeAll(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
  manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
  referent = (await loadPrincipal(db, (await createUser(db, { role: "REGION_REFERENT", allPlatforms: true })).id))!;
});

describe("objectifs de la convention financière", () => {
  it("enregistre les cibles de l'année, les compare aux chiffres de l'année et audite", async () => {
    const input = saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { offersCollected: "10", hires: 3, jobSeekersReceived: 2 } });
    expect(await saveObjectives(db, manager, input)).toEqual({ saved: 3 });
    expect(await db.auditEvent.count({ where: { action: "objective.updated", platformId: fx.lens.id } })).toBe(1);
    const view = await objectivesVsTargets(db, manager, fx.lens.id, 2026, now);
    // Lens in 2026: offers O1, O2, O5 (March) + O3 (February); hires P1, P2, P6; seekers J1–J3 + J4.
    expect(view.rows.map((r) => [r.key, r.target, r.achieved, r.percent, r.met])).toEqual([
      ["offersCollected", 10, 4, 40, false],
      ["jobSeekersReceived", 2, 4, 200, true],
      ["hires", 3, 3, 100, true],
    ]);
    expect(view.provisional).toBe(true);
  });

  it("additionne cibles et chiffres des plateformes pour la vue région du référent", async () => {
    await saveObjectives(db, referent, saveObjectivesSchema.parse({ platformId: fx.amiens.id, year: 2026, targets: { offersCollected: 5 } }));
    const view = await objectivesVsTargets(db, referent, null, 2026, now);
    expect(view.rows.find((r) => r.key === "offersCollected")).toMatchObject({ target: 15, achieved: 5 });
  });

  it("supprime une cible vidée, refuse une version dépassée (409) et une autre plateforme (404)", async () => {
    const current = await listObjectives(db, manager, fx.lens.id, 2026);
    const hires = current.find((o) => o.indicatorKey === "hires")!;
    await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { hires: 4 }, versions: { hires: hires.version } }));
    await expect(saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { hires: 5 }, versions: { hires: hires.version } }))).rejects.toMatchObject({ status: 409 });
    await saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { jobSeekersReceived: null } }));
    expect((await listObjectives(db, manager, fx.lens.id, 2026)).map((o) => [o.indicatorKey, o.target]).sort()).toEqual([["hires", 4], ["offersCollected", 10]]);
    await expect(saveObjectives(db, manager, saveObjectivesSchema.parse({ platformId: fx.amiens.id, year: 2026, targets: { hires: 1 } }))).rejects.toMatchObject({ status: 404 });
    const assistant = await platformUser(db, "PLATFORM_ASSISTANT", fx.lens.id);
    await expect(saveObjectives(db, assistant, saveObjectivesSchema.parse({ platformId: fx.lens.id, year: 2026, targets: { hires: 1 } }))).rejects.toMatchObject({ status: 403 });
  });

  it("refuse un indicateur inconnu ou une cible négative", () => {
    expect(saveObjectivesSchema.safeParse({ platformId: fx.lens.id, year: 2026, targets: { inconnu: 1 } }).success).toBe(false);
    expect(saveObjectivesSchema.safeParse({ platformId: fx.lens.id, year: 2026, targets: { hires: -1 } }).success).toBe(false);
  });
});
