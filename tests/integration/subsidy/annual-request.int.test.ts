// Issue 22 §4 — Région conventions: the annual request carries what convention cadre art. 5 (and
// art. 4.1, cadre d'intervention §2 and §5) lists, and the payment waits for the activity bilan
// (cadre d'intervention §5: « Le paiement de la subvention se fera sur présentation d'un bilan
// d'activité de la plateforme »), finance overriding with a reason that is stored, audited (its
// presence only) and shown in the file's history. Services on the real database, and the API routes.
import { beforeAll, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import type { CurrentUser } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";
import { saveQualitative } from "@/lib/annual-report/annual-report.service";
import { saveReceipt } from "@/lib/subsidy/receipt.service";
import { getAnnualRequest, updateAnnualRequest } from "@/lib/subsidy/annual-request.service";
import { addBudgetLine, createSubsidyFile, getSubsidyFileDetail, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordMilestones, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { claimTranche } from "@/lib/subsidy/tranche.service";
import { createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { callRoute, handlerOf, credentialFor } from "@/tests/support/api-inproc";
import { REQUEST_DESCRIPTION, REQUEST_PROGRAMME } from "@/tests/support/annual-request";
import { db, resetDb } from "@/tests/support/db";
import { listApiRoutes } from "@/tests/support/route-inventory";

const NOW = new Date("2026-06-15T10:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.7\nbilan d'activité");
let manager: CurrentUser;
let finance: CurrentUser;
let platformId: string;
let year = 2030;

const version = async (id: string) => (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;

/** A Région draft: one budget line of 125 000 €, 100 000 € asked of the Région, `territory` from the territory. */
async function draft(territory = 2_500_000): Promise<string> {
  const { id } = await createSubsidyFile(db, manager, { year: ++year, funder: "REGION" }, NOW);
  await addBudgetLine(db, manager, id, { category: "SALAIRES", label: "Deux chargés de mission", eligible: true, forecastCents: 12_500_000 });
  await updateSubsidyFile(db, manager, id, { version: await version(id), staffEtp: 2, requestedCents: 10_000_000, territoryCofundingCents: territory, otherCofundingCents: 0 });
  return id;
}

/** A signed Région convention of 100 000 €, its request complete (last year's annual report written). */
async function signed(): Promise<{ id: string; trancheId: string }> {
  const id = await draft();
  await updateAnnualRequest(db, manager, id, { version: await version(id), description: REQUEST_DESCRIPTION, actionProgramme: REQUEST_PROGRAMME });
  await saveQualitative(db, manager, { platformId, year: year - 1, qualitative: "Objectifs de l'année tenus.", version: 0 });
  await applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
  await applyTransition(db, finance, id, { transition: "approve", version: await version(id), deliberationNumber: `CP-${year}`, deliberationDate: "2026-06-01", awardedCents: 10_000_000 }, NOW);
  await applyTransition(db, finance, id, { transition: "sign", version: await version(id), signedAt: "2026-06-10" }, NOW);
  const t = await db.tranche.findFirstOrThrow({ where: { subsidyFileId: id } });
  return { id, trancheId: t.id };
}

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const p = await createPlatform(db, "Lens-Liévin");
  platformId = p.id;
  manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [p.id] });
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
});

describe("demande annuelle Région — convention cadre art. 5, cadre d'intervention §5", () => {
  it("le dépôt est refusé (422) en listant en français ce qui manque, puis accepté une fois les cinq éléments fournis", async () => {
    const id = await draft(0);
    const refused = applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      fields: {
        "annualRequest.DESCRIPTION": [expect.stringMatching(/^Description de l'opération : décrivez le fonctionnement/)],
        "annualRequest.ACTION_PROGRAMME": [expect.any(String)],
        "annualRequest.FINANCING_PLAN": ["Plan de financement prévisionnel : indiquez le cofinancement du territoire."],
        "annualRequest.PREVIOUS_BILAN": [expect.stringContaining(`bilan d'activité ${year - 1}`)],
      },
    });
    await expect(refused).rejects.toThrow(/^Demande annuelle incomplète \(convention cadre art\. 5, cadre d'intervention §5\) : il manque description de l'opération/);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    const before = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(before.annualRequest!.checklist.map((i) => [i.element, i.met])).toEqual([
      ["DESCRIPTION", false], ["ACTION_PROGRAMME", false], ["FINANCING_PLAN", false], ["DETAILED_BUDGET", true], ["PREVIOUS_BILAN", false],
    ]);
    expect(before.annualRequest!.canEdit).toBe(false);

    // Finance reads the request; only the platform's manager writes it.
    await expect(updateAnnualRequest(db, finance, id, { version: await version(id), description: REQUEST_DESCRIPTION })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAnnualRequest(db, manager, id, { version: 1, description: REQUEST_DESCRIPTION })).rejects.toMatchObject({ status: 409 });
    await updateAnnualRequest(db, manager, id, { version: await version(id), description: REQUEST_DESCRIPTION, actionProgramme: REQUEST_PROGRAMME });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "subsidyFile.annualRequest", entityId: id } });
    expect(audit.metadata).toMatchObject({ changes: ["requestDescription", "requestActionProgramme"] });
    expect(JSON.stringify(audit.metadata)).not.toContain("chargés");
    await updateSubsidyFile(db, manager, id, { version: await version(id), staffEtp: 2, requestedCents: 10_000_000, territoryCofundingCents: 2_500_000, otherCofundingCents: 0 });
    // Last year's bilan as a document joined to the file.
    await saveReceipt(db, manager, id, { kind: "PREVIOUS_YEAR_BILAN", fileName: `bilan ${year - 1}.pdf`, bytes: PDF });
    const view = await getAnnualRequest(db, manager, id, NOW);
    expect(view.complete).toBe(true);
    expect(view.previousBilan.documents.map((d) => d.fileName)).toEqual([`bilan ${year - 1}.pdf`]);
    expect(view.financingPlan).toMatchObject({ requestedCents: 10_000_000, territoryCofundingCents: 2_500_000, resourcesCents: 12_500_000, expensesCents: 12_500_000, eligibleCents: 12_500_000 });

    await applyTransition(db, manager, id, { transition: "submit", version: await version(id) }, NOW);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    // Once filed, the request is the platform's no more until it is sent back.
    await expect(updateAnnualRequest(db, manager, id, { version: await version(id), actionProgramme: REQUEST_PROGRAMME })).rejects.toMatchObject({ status: 422 });
  });

  it("un dossier France Travail n'a pas de demande de l'article 5 Région", async () => {
    const { id } = await createSubsidyFile(db, manager, { year: 2026, funder: "FRANCE_TRAVAIL" }, NOW);
    expect((await getSubsidyFileDetail(db, manager, id, NOW)).annualRequest).toBeNull();
    await expect(updateAnnualRequest(db, manager, id, { version: await version(id), description: REQUEST_DESCRIPTION })).rejects.toMatchObject({ status: 422 });
  });
});

describe("versement subordonné au bilan d'activité — cadre d'intervention §5", () => {
  it("refusé (422) tant que le bilan n'est pas reçu ; forcé par la finance avec un motif : enregistré, tracé (sa présence) et à l'historique", async () => {
    const { id } = await signed();
    const d0 = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d0.activityBilan).toEqual({ required: true, receivedAt: null, missing: true });
    expect(d0.tranches[0]!.conditions.map((c) => [c.document, c.met])).toEqual([["ACTIVITY_BILAN", false], ["RECEIPTS", false]]);

    const pay = (extra: { confirmUnmetConditions?: boolean; overrideReason?: string } = {}) =>
      recordPayment(db, finance, id, { amountCents: 3_000_000, paidAt: "2026-06-20", reference: "MANDAT-1", ...extra }, NOW);
    await expect(pay()).rejects.toMatchObject({
      status: 422, message: expect.stringMatching(/^Le bilan d'activité de la plateforme n'est pas reçu : « Le paiement de la subvention se fera sur présentation d'un bilan d'activité de la plateforme » \(cadre d'intervention §5\)/),
      fields: { confirmUnmetConditions: [expect.any(String)] },
    });
    await expect(pay({ confirmUnmetConditions: true })).rejects.toMatchObject({ status: 400, fields: { overrideReason: [expect.stringContaining("10 caractères au moins")] } });
    await expect(pay({ confirmUnmetConditions: true, overrideReason: "Urgent" })).rejects.toMatchObject({ status: 400 });
    await expect(recordPayment(db, manager, id, { amountCents: 1, paidAt: "2026-06-20", confirmUnmetConditions: true, overrideReason: "Versement voulu par la plateforme" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.payment.count({ where: { subsidyFileId: id } })).toBe(0);

    const reason = "Avance décidée par la direction, bilan annoncé pour juillet";
    const { id: paymentId } = await pay({ confirmUnmetConditions: true, overrideReason: reason });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).overrideReason).toBe(reason);
    const override = await db.auditEvent.findFirstOrThrow({ where: { action: "payment.activityBilanOverride", entityId: paymentId } });
    expect(override).toMatchObject({ entityType: "Payment", platformId, actorId: finance.id, reason: null });
    expect(override.metadata).toEqual({ subsidyFileId: id, paymentId, trancheId: null, reasonGiven: true, reasonLength: reason.length });
    const recorded = await db.auditEvent.findFirstOrThrow({ where: { action: "payment.recorded", entityId: paymentId } });
    expect(recorded.metadata).toMatchObject({ activityBilanMissing: true, overrideReasonGiven: true });
    expect(JSON.stringify([override, recorded].map((e) => [e.reason, e.metadata]))).not.toContain("direction");

    const d1 = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d1.history.at(-1)!.transition).toBe("paymentRecorded");
    expect(d1.history.at(-1)!.comment).toContain(`versés le 20/06/2026 malgré le bilan d'activité non reçu : ${reason}`);
    expect(d1.payments[0]).toMatchObject({ id: paymentId, overrideReason: reason });
  });

  it("une fois le bilan reçu (daté par la finance) et les justificatifs joints, la tranche est exigible et se verse sans confirmation", async () => {
    const { id, trancheId } = await signed();
    await recordMilestones(db, finance, id, { version: await version(id), activityBilanReceivedAt: "2026-06-12" }, NOW);
    let d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.activityBilan).toEqual({ required: true, receivedAt: "2026-06-12", missing: false });
    expect(d.tranches[0]).toMatchObject({ status: "PLANNED", conditions: [expect.objectContaining({ document: "ACTIVITY_BILAN", met: true, at: "2026-06-12" }), expect.objectContaining({ document: "RECEIPTS", met: false })] });
    await saveReceipt(db, manager, id, { kind: "PAYSLIP", trancheId, fileName: "bulletins.pdf", bytes: PDF });
    d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.tranches[0]!.status).toBe("DUE");
    await recordPayment(db, finance, id, { trancheId, amountCents: 10_000_000, paidAt: "2026-06-20" }, NOW);
    expect(await db.auditEvent.count({ where: { action: "payment.activityBilanOverride", metadata: { path: ["subsidyFileId"], equals: id } } })).toBe(0);
    expect((await db.payment.findFirstOrThrow({ where: { subsidyFileId: id } })).overrideReason).toBeNull();
  });

  it("la plateforme date l'envoi du bilan d'activité en demandant la tranche", async () => {
    const { id, trancheId } = await signed();
    await saveReceipt(db, manager, id, { kind: "INVOICE", trancheId, fileName: "factures.pdf", bytes: PDF });
    await expect(claimTranche(db, manager, id, trancheId, { version: await version(id), documents: {} }, NOW)).rejects.toThrow("Conditions non remplies : bilan d'activité de la plateforme.");
    await claimTranche(db, manager, id, trancheId, { version: await version(id), documents: { activityBilanReceivedAt: "2026-06-14" } }, NOW);
    const f = await db.subsidyFile.findUniqueOrThrow({ where: { id } });
    expect(f.activityBilanReceivedAt).toEqual(new Date("2026-06-14"));
    expect((await db.tranche.findUniqueOrThrow({ where: { id: trancheId } })).status).toBe("REQUESTED");
  });
});

describe("par l'API", () => {
  it("PATCH …/annual-request : le responsable rédige (200), la finance est refusée (403) ; POST …/payments sans bilan : 422 en français", async () => {
    const m = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platformId] });
    const f = await createUser(db, { role: "REGION_FINANCE", allPlatforms: true });
    const [mToken, fToken] = [await credentialFor(db, m.email), await credentialFor(db, f.email)];
    const routes = listApiRoutes();
    const route = (method: string, p: string) => handlerOf(routes.find((r) => r.method === method && r.path === p)!);
    const id = await draft();
    const patch = await route("PATCH", "/api/v1/subsidy-files/[id]/annual-request");
    const url = `/api/v1/subsidy-files/${id}/annual-request`;
    const body = (v: number, extra: object = {}) => JSON.stringify({ version: v, description: REQUEST_DESCRIPTION, ...extra });

    const denied = await callRoute(current, patch, "PATCH", url, fToken, { id }, body(await version(id)));
    expect(denied.status).toBe(403);
    const short = await callRoute(current, patch, "PATCH", url, mToken, { id }, body(await version(id), { actionProgramme: "Trop court" }));
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { fields: Record<string, string[]> } }).error.fields.actionProgramme).toEqual(["Programme d'action : 20 caractères au moins."]);
    const ok = await callRoute(current, patch, "PATCH", url, mToken, { id }, body(await version(id)));
    expect(ok.status).toBe(200);
    const view = (await ok.json()) as { description: string; checklist: { element: string; met: boolean }[] };
    expect(view.description).toBe(REQUEST_DESCRIPTION);
    expect(view.checklist.find((i) => i.element === "DESCRIPTION")!.met).toBe(true);
    const read = await callRoute(current, await route("GET", "/api/v1/subsidy-files/[id]/annual-request"), "GET", url, fToken, { id }, null);
    expect(read.status).toBe(200);

    const { id: signedId } = await signed();
    const payRes = await callRoute(current, await route("POST", "/api/v1/subsidy-files/[id]/payments"), "POST", `/api/v1/subsidy-files/${signedId}/payments`, fToken, { id: signedId },
      JSON.stringify({ amountCents: 100_000, paidAt: "2026-06-20" }));
    expect(payRes.status).toBe(422);
    expect(((await payRes.json()) as { error: { message: string } }).error.message).toMatch(/^Le bilan d'activité de la plateforme n'est pas reçu/);
  });
});
