// The DPO's retention screens: who may see and simulate, and what a dry run reports.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { listPurgeRuns, startDryRun } from "@/lib/retention/purge-run.query";
import { createPlatform, createRuleSets, createUser, platformUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { RETENTION_ACTIONS } from "@/lib/retention/retention.service";

/** Issue 22 added the records' actions: none of them applies to this dataset. */
const NO_ACTION = Object.fromEntries(RETENTION_ACTIONS.map((a) => [a, 0]));

beforeEach(resetDb);

describe("purge runs (DPO)", () => {
  it("lets the DPO simulate a run: per-platform report, nothing changed, audited", async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db, "Plateforme Test Conservation");
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 19);
    const seeker = await db.jobSeeker.create({ data: { platformId: platform.id, lastName: "Ancien", origin: "SPONTANE", lastContactAt: old } });
    const dpo = (await loadPrincipal(db, (await createUser(db, { role: "DPO", allPlatforms: true })).id))!;

    const run = await startDryRun(db, dpo);
    expect(run.dryRun).toBe(true);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts["jobSeeker.archive"]).toBe(1);
    expect(run.byPlatform).toEqual([{ platformId: platform.id, platform: "Plateforme Test Conservation", counts: { ...NO_ACTION, "jobSeeker.archive": 1, "jobSeeker.destroy": 0, "companyContact.destroy": 0, "chefDeFile.destroy": 0, "franceTravail.destroy": 0 } }]);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: seeker.id } })).lifecycle).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { action: "retention.dryRun", actorId: dpo.id, entityId: run.id } })).toBe(1);

    const list = await listPurgeRuns(db, dpo, { page: 1, pageSize: 10 });
    expect(list.total).toBe(1);
    expect(list.items[0]!.id).toBe(run.id);
  });

  it("refuses the runs to platform staff", async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db);
    const manager = await platformUser(db, "PLATFORM_MANAGER", platform.id);
    await expect(listPurgeRuns(db, manager, { page: 1, pageSize: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(startDryRun(db, manager)).rejects.toMatchObject({ status: 403 });
  });
});

describe("about to be archived", () => {
  it("shows a platform its active job seekers within the notice period, and only its own", async () => {
    const { listAboutToArchive } = await import("@/lib/retention/about-to-archive.query");
    await createRuleSets(db);
    const [mine, other] = [await createPlatform(db), await createPlatform(db)];
    const now = new Date("2026-06-15T10:00:00Z");
    const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
    const make = (platformId: string, lastName: string, last: Date, lifecycle: "ACTIVE" | "ARCHIVED" = "ACTIVE") =>
      db.jobSeeker.create({ data: { platformId, lastName, origin: "SPONTANE", lastContactAt: last, lifecycle } });
    await make(mine.id, "Dejadu", at("2024-12-14")); // due on 2026-06-14: tonight's run archives it, not a notice
    await make(mine.id, "Bientot", at("2025-01-10")); // archived on 2026-07-10, within 30 days
    await make(mine.id, "Troploin", at("2025-01-16")); // 2026-07-16: 31 days ahead
    await make(mine.id, "Dejaarchive", at("2025-01-10"), "ARCHIVED");
    await make(other.id, "Autreplateforme", at("2025-01-10"));
    const manager = await platformUser(db, "PLATFORM_MANAGER", mine.id);
    const rows = await listAboutToArchive(db, manager, now);
    expect(rows.map((r) => [r.name, r.archiveOn])).toEqual([["Bientot", "2026-07-10"]]);
  });
});
