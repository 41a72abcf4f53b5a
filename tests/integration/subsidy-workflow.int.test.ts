import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { addBudgetLine, createSubsidyFile, deleteBudgetLine, getSubsidyFileDetail, updateBudgetLine, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordMilestones, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { assignReviewer } from "@/lib/subsidy/subsidy-reviewer.service";
import { TRANSITION_DEFS, TRANSITIONS, type TransitionName } from "@/lib/subsidy/subsidy-workflow.rules";
import type { TransitionInput } from "@/lib/subsidy/subsidy-file.schema";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { ensureInitialRuleSets } from "@/prisma/seed/rule-sets";
import { transactionBarrier } from "@/tests/support/barrier";
import { completeAnnualRequest } from "@/tests/support/annual-request";

const NOW = new Date("2026-06-15T10:00:00.000Z");

async function principal(role: Role, platformIds: string[] = [], allPlatforms = false): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds, allPlatforms });
  return (await loadPrincipal(db, u.id))!;
}

interface World {
  manager: CurrentUser;
  otherManager: CurrentUser;
  finance: CurrentUser;
  others: Record<"assistant" | "referent" | "reviewer" | "dpo" | "admin", CurrentUser>;
  fileId: string;
}

async function world(): Promise<World> {
  await ensureInitialRuleSets(db, NOW);
  const lens = await createPlatform(db, "Lens test");
  await db.platform.update({ where: { id: lens.id }, data: { staffEtp: 2 } });
  const amiens = await createPlatform(db, "Amiens test");
  const manager = await principal("PLATFORM_MANAGER", [lens.id]);
  const { id: fileId } = await createSubsidyFile(db, manager, { year: 2026, funder: "REGION" }, NOW);
  await addBudgetLine(db, manager, fileId, { category: "SALAIRES", label: "Deux chargés de mission", eligible: true, forecastCents: 10_000_000 });
  await addBudgetLine(db, manager, fileId, { category: "DEPLACEMENTS", label: "Déplacements", eligible: true, forecastCents: 2_500_000 });
  await updateSubsidyFile(db, manager, fileId, { version: await version(fileId), staffEtp: 2, requestedCents: 10_000_000, territoryCofundingCents: 2_500_000, otherCofundingCents: 0 });
  // Issue 22 §4: a Région request is filed with the elements of convention cadre art. 5.
  await completeAnnualRequest(db, manager, fileId);
  return {
    manager,
    otherManager: await principal("PLATFORM_MANAGER", [amiens.id]),
    finance: await principal("REGION_FINANCE", [], true),
    others: {
      assistant: await principal("PLATFORM_ASSISTANT", [lens.id]),
      referent: await principal("REGION_REFERENT", [], true),
      reviewer: await principal("FRANCE_TRAVAIL_REVIEWER"),
      dpo: await principal("DPO", [], true),
      admin: await principal("ADMIN"),
    },
    fileId,
  };
}

async function version(id: string) {
  return (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;
}

function step(transition: TransitionName, v: number, extra: Partial<TransitionInput> = {}): TransitionInput {
  return { transition, version: v, ...extra };
}

const APPROVE = { deliberationNumber: "CP-2026-0412", deliberationDate: "2026-06-01", awardedCents: 10_000_000 };

beforeEach(resetDb);

describe("workflow d'un dossier de subvention Région", () => {
  it("parcourt brouillon → déposé → renvoyé → redéposé → attribué → signé → soldé, avec historique et audit", async () => {
    const w = await world();
    const detail0 = await getSubsidyFileDetail(db, w.manager, w.fileId, NOW);
    expect(detail0.computation.grantCents).toBe(10_000_000);
    expect(detail0.computation.steps.map((s) => s.label)).toContain("Plafond 2 ETP");
    expect(detail0.transitions).toEqual(["submit"]);

    await applyTransition(db, w.manager, w.fileId, step("submit", await version(w.fileId)), NOW);
    await applyTransition(db, w.finance, w.fileId, step("startReview", await version(w.fileId)), NOW);
    await applyTransition(db, w.finance, w.fileId, step("sendBack", await version(w.fileId), { comment: "Joindre le détail des salaires." }), NOW);
    await addBudgetLine(db, w.manager, w.fileId, { category: "RESTAURATION", label: "Repas", eligible: true, forecastCents: 100_000 });
    await applyTransition(db, w.manager, w.fileId, step("submit", await version(w.fileId)), NOW);
    await applyTransition(db, w.finance, w.fileId, step("approve", await version(w.fileId), APPROVE), NOW);
    await applyTransition(db, w.finance, w.fileId, step("sign", await version(w.fileId), { signedAt: "2026-06-10" }), NOW);

    const d = await getSubsidyFileDetail(db, w.finance, w.fileId, NOW);
    expect(d.status).toBe("SIGNED");
    expect(d.awardedCents).toBe(10_000_000);
    expect(d.deliberationNumber).toBe("CP-2026-0412");
    expect(d.tranches.map((t) => [t.rank, t.amountCents, t.dueAt])).toEqual([[1, 10_000_000, "2026-07-10"]]);
    expect(d.history.map((h) => h.toStatus)).toEqual(["SUBMITTED", "UNDER_REVIEW", "RETURNED", "SUBMITTED", "AWARDED", "SIGNED"]);
    expect(d.history[2]!.comment).toBe("Joindre le détail des salaires.");
    // created, updated, annual request (issue 22 §4), then the six steps.
    expect(await db.auditEvent.count({ where: { entityId: w.fileId, action: { startsWith: "subsidyFile." } } })).toBe(9);

    await applyTransition(db, w.finance, w.fileId, step("close", await version(w.fileId)), NOW);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id: w.fileId } })).status).toBe("CLOSED");
  });

  it("refuse chaque étape aux rôles qui n'en ont pas le droit", async () => {
    const w = await world();
    const everyone: [string, CurrentUser][] = [["manager", w.manager], ["finance", w.finance], ...Object.entries(w.others)];
    const expected: Record<TransitionName, string[]> = {
      submit: ["manager"], startReview: ["finance"], sendBack: ["finance"], approve: ["finance"], reject: ["finance"], sign: ["finance"], close: ["finance"],
      // Issue 22: the porteur reports a substantial modification (FT art. 8); finance records the rest.
      substantialChange: ["manager", "finance"], amendment: ["finance"], notifyTermination: ["finance"], terminate: ["finance"], lapse: ["finance"],
    };
    expect(Object.keys(expected).sort()).toEqual([...TRANSITIONS].sort());
    for (const t of TRANSITIONS) {
      for (const [name, user] of everyone) {
        if (expected[t].includes(name)) continue;
        await expect(applyTransition(db, user, w.fileId, step(t, 1, { comment: "x", ...APPROVE, signedAt: "2026-06-10" }), NOW), `${name} ${t}`).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    expect(Object.values(TRANSITION_DEFS).every((d) => d.permission.startsWith("subsidy."))).toBe(true);
  });

  it("refuse une étape hors séquence, une version périmée et un dossier hors périmètre", async () => {
    const w = await world();
    await expect(applyTransition(db, w.finance, w.fileId, step("approve", await version(w.fileId), APPROVE), NOW)).rejects.toBeInstanceOf(UnprocessableError);
    await expect(applyTransition(db, w.manager, w.fileId, step("submit", 1), NOW)).rejects.toBeInstanceOf(ConflictError);
    await expect(applyTransition(db, w.otherManager, w.fileId, step("submit", await version(w.fileId)), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubsidyFileDetail(db, w.otherManager, w.fileId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubsidyFileDetail(db, w.others.reviewer, w.fileId, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuse un montant attribué supérieur au montant retenu, et toute modification du budget après dépôt", async () => {
    const w = await world();
    await applyTransition(db, w.manager, w.fileId, step("submit", await version(w.fileId)), NOW);
    await expect(addBudgetLine(db, w.manager, w.fileId, { category: "SALAIRES", label: "Ajout tardif", eligible: true, forecastCents: 1 })).rejects.toBeInstanceOf(UnprocessableError);
    await expect(applyTransition(db, w.finance, w.fileId, step("approve", await version(w.fileId), { ...APPROVE, awardedCents: 10_000_001 }), NOW)).rejects.toThrow(/ne peut dépasser/);
  });
});

describe("budget et version du dossier", () => {
  it("ajouter, modifier ou supprimer une ligne change la version du dossier : un dépôt sur la version lue avant reçoit le 409", async () => {
    const w = await world();
    const lineOf = async (label: string) => (await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: w.fileId, label } }));
    // Deleting a line after the manager loaded the page: their submit is on a stale version.
    let read = await version(w.fileId);
    await deleteBudgetLine(db, w.manager, w.fileId, (await lineOf("Déplacements")).id);
    expect(await version(w.fileId)).toBe(read + 1);
    await expect(applyTransition(db, w.manager, w.fileId, step("submit", read), NOW)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/modifié entre-temps/) });
    // Adding one, then changing one: the same.
    read = await version(w.fileId);
    await addBudgetLine(db, w.manager, w.fileId, { category: "DEPLACEMENTS", label: "Déplacements", eligible: true, forecastCents: 2_500_000 });
    expect(await version(w.fileId)).toBe(read + 1);
    await expect(applyTransition(db, w.manager, w.fileId, step("submit", read), NOW)).rejects.toBeInstanceOf(ConflictError);
    read = await version(w.fileId);
    const salaries = await lineOf("Deux chargés de mission");
    await updateBudgetLine(db, w.manager, w.fileId, salaries.id, { version: salaries.version, category: "SALAIRES", label: "Deux chargés de mission", eligible: true, forecastCents: 9_000_000 });
    expect(await version(w.fileId)).toBe(read + 1);
    await expect(applyTransition(db, w.manager, w.fileId, step("submit", read), NOW)).rejects.toBeInstanceOf(ConflictError);
    // A refused line change (stale line version) leaves the file's version alone.
    read = await version(w.fileId);
    await expect(updateBudgetLine(db, w.manager, w.fileId, salaries.id, { version: salaries.version, category: "SALAIRES", label: "x", eligible: true, forecastCents: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await version(w.fileId)).toBe(read);
    // On the current version the submit goes through, with the lines it was shown.
    await applyTransition(db, w.manager, w.fileId, step("submit", read), NOW);
    expect((await getSubsidyFileDetail(db, w.finance, w.fileId, NOW)).lines.map((l) => [l.label, l.forecastCents]).sort()).toEqual([["Deux chargés de mission", 9_000_000], ["Déplacements", 2_500_000]]);
  });

  it("un dépôt et une suppression de ligne simultanés : jamais les deux", async () => {
    for (let round = 0; round < 4; round++) {
      await resetDb();
      const w = await world();
      const v = await version(w.fileId);
      const line = await db.budgetLine.findFirstOrThrow({ where: { subsidyFileId: w.fileId, label: "Déplacements" } });
      const [submitted, deleted] = await Promise.allSettled([
        applyTransition(db, w.manager, w.fileId, step("submit", v), NOW),
        deleteBudgetLine(db, w.manager, w.fileId, line.id),
      ]);
      expect([submitted.status, deleted.status], `tour ${round}`).not.toEqual(["fulfilled", "fulfilled"]);
      const file = await db.subsidyFile.findUniqueOrThrow({ where: { id: w.fileId }, include: { lines: true } });
      if (file.status === "SUBMITTED") expect(file.lines).toHaveLength(2);
    }
  });
});

describe("versements", () => {
  async function signed() {
    const w = await world();
    await applyTransition(db, w.manager, w.fileId, step("submit", await version(w.fileId)), NOW);
    await applyTransition(db, w.finance, w.fileId, step("approve", await version(w.fileId), APPROVE), NOW);
    await applyTransition(db, w.finance, w.fileId, step("sign", await version(w.fileId), { signedAt: "2026-06-10" }), NOW);
    // Cadre d'intervention §5 (issue 22 §4): the payment waits for the activity bilan — received here.
    await recordMilestones(db, w.finance, w.fileId, { version: await version(w.fileId), activityBilanReceivedAt: "2026-06-12" }, NOW);
    return w;
  }

  it("ne dépasse jamais le montant attribué, avec un message clair", async () => {
    const w = await signed();
    const tranche = await db.tranche.findFirstOrThrow({ where: { subsidyFileId: w.fileId } });
    await recordPayment(db, w.finance, w.fileId, { trancheId: tranche.id, amountCents: 6_000_000, paidAt: "2026-07-01", confirmUnmetConditions: true, overrideReason: "Versement de test sans justificatif" });
    await expect(recordPayment(db, w.finance, w.fileId, { amountCents: 4_000_001, paidAt: "2026-07-02" })).rejects.toThrow(/dépasserait le montant attribué/);
    await recordPayment(db, w.finance, w.fileId, { trancheId: tranche.id, amountCents: 4_000_000, paidAt: "2026-07-02" });
    expect((await db.tranche.findUniqueOrThrow({ where: { id: tranche.id } })).status).toBe("PAID");
    expect(await db.auditEvent.count({ where: { action: "payment.recorded" } })).toBe(2);
    await expect(recordPayment(db, w.manager, w.fileId, { amountCents: 1, paidAt: "2026-07-02" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reste sous le montant attribué même avec des versements simultanés", async () => {
    const w = await signed();
    // All six transactions open before any runs: the row lock, not timing, keeps the total.
    const barrier = transactionBarrier(db, 6);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => recordPayment(barrier.client, w.finance, w.fileId, { amountCents: 3_000_000, paidAt: "2026-07-01", reference: `V${i}` })),
    );
    expect(barrier.arrived()).toBe(6);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof UnprocessableError)).toBe(true);
    const agg = await db.payment.aggregate({ where: { subsidyFileId: w.fileId }, _sum: { amountCents: true } });
    expect(Number(agg._sum.amountCents)).toBe(9_000_000);
  });

  it("refuse un versement avant la signature de la convention", async () => {
    const w = await world();
    await expect(recordPayment(db, w.finance, w.fileId, { amountCents: 100, paidAt: "2026-07-01" })).rejects.toThrow(/convention doit être signée/);
  });
});

describe("relecteur France Travail", () => {
  it("ne voit un dossier France Travail qu'une fois qu'il lui est attribué, et jamais un dossier Région", async () => {
    const w = await world();
    const { id } = await createSubsidyFile(db, w.manager, { year: 2026, funder: "FRANCE_TRAVAIL" }, NOW);
    const reviewer = w.others.reviewer;
    await expect(getSubsidyFileDetail(db, reviewer, id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignReviewer(db, w.manager, id, { version: await version(id), reviewerId: reviewer.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignReviewer(db, w.finance, w.fileId, { version: await version(w.fileId), reviewerId: reviewer.id })).rejects.toBeInstanceOf(UnprocessableError);
    await expect(assignReviewer(db, w.finance, id, { version: await version(id), reviewerId: w.finance.id })).rejects.toMatchObject({ fields: { reviewerId: [expect.stringMatching(/relecteur France Travail actif/)] } });
    await assignReviewer(db, w.finance, id, { version: await version(id), reviewerId: reviewer.id });
    expect((await getSubsidyFileDetail(db, reviewer, id, NOW)).funder).toBe("FRANCE_TRAVAIL");
    expect((await getSubsidyFileDetail(db, reviewer, id, NOW)).transitions).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "subsidyFile.reviewerAssigned", entityId: id } })).toBe(1);
  });
});
