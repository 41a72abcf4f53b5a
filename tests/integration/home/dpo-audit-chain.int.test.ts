// Issue 18: the DPO's home says how many audit events wait to be sealed (« N événements en attente
// de scellement »), flags them once one waits longer than the verification accepts, and shows the
// nightly verification's result, telling an event left unsealed from an altered chain.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/audit/audit.service";
import { env } from "@/lib/env";
import { dpoHome } from "@/lib/home/region-home.service";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/scheduler";
import { createRuleSets, createUser } from "@/tests/factories";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("accueil du DPO : scellement du journal d'audit", () => {
  it("counts the waiting events, flags a late one, and the nightly verification tells an unsealed event from an altered chain", async () => {
    const dpo = (await loadPrincipal(db, (await createUser(db, { role: "DPO" })).id))!;
    await recordAudit(db, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: "a" });
    await recordAudit(db, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: "b" });
    const oldest = (await db.auditEvent.findFirstOrThrow({ where: { chainPos: null }, orderBy: { at: "asc" } })).at;
    const now = new Date(oldest.getTime() + 1000);
    expect((await dpoHome(db, dpo, now)).auditUnsealed).toEqual({ count: 2, oldestAt: oldest.toISOString(), late: false });
    const later = new Date(oldest.getTime() + (env.AUDIT_SEAL_MAX_DELAY_MINUTES + 1) * 60_000);
    expect((await dpoHome(db, dpo, later)).auditUnsealed).toMatchObject({ count: 2, late: true });

    // The nightly verification, run while they wait past the delay: failed, as « unsealed ».
    const job = JOBS.find((j) => j.name === "audit-verify")!;
    await runJob(db, job, "test", later);
    expect((await dpoHome(db, dpo, later)).auditChain).toMatchObject({ ok: false, lateSeal: true });

    await sealAllAudit(db);
    const next = new Date(later.getTime() + 60_000);
    await runJob(db, job, "test", next);
    const home = await dpoHome(db, dpo, next);
    expect(home.auditUnsealed).toEqual({ count: 0, oldestAt: null, late: false });
    expect(home.auditChain).toMatchObject({ ok: true, lateSeal: false, firstBrokenId: null });
  });
});
