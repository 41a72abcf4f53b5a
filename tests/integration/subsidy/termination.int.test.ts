// Issue 22 §3–4: substantial modification (FT art. 8), termination (FT art. 14, Région convention
// cadre art. 11) and lapse (Région art. 11 « sous peine de caducité ») as recorded states with their
// dates — in the history and the deadlines — and payments refused while a termination is notified.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import type { TransitionInput } from "@/lib/subsidy/subsidy-file.schema";
import { applyTransition, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { createPlatform, createRuleSets } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-06-15T10:00:00Z");
let manager: CurrentUser;
let finance: CurrentUser;
let platformId: string;
let year = 2030;

async function signedFile(funder: "REGION" | "FRANCE_TRAVAIL") {
  const f = await db.subsidyFile.create({ data: { platformId, year: ++year, funder, status: "SIGNED", awardedCents: 1_000_000n, signedAt: new Date("2026-02-01") } });
  return f.id;
}
const version = async (id: string) => (await db.subsidyFile.findUniqueOrThrow({ where: { id } })).version;
const step = async (id: string, input: Omit<TransitionInput, "version">) => ({ ...input, version: await version(id) }) as TransitionInput;

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const p = await createPlatform(db, "Lens-Liévin");
  platformId = p.id;
  manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [p.id] });
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
});

describe("France Travail art. 8 — modification substantielle", () => {
  it("le porteur la signale avec sa date (historique), la Région l'enregistre réglée par un avenant", async () => {
    const id = await signedFile("FRANCE_TRAVAIL");
    await applyTransition(db, manager, id, await step(id, { transition: "substantialChange", at: "2026-05-02", comment: "Départ de la conseillère mobilité" }), NOW);
    let d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.status).toBe("SIGNED");
    expect(d.termination.substantialChangeAt).toBe("2026-05-02");
    expect(d.history.at(-1)).toMatchObject({ transition: "substantialChange", comment: "Modification substantielle signalée le 02/05/2026. Départ de la conseillère mobilité" });
    await applyTransition(db, finance, id, await step(id, { transition: "amendment", at: "2026-06-01", comment: "Avenant n° 1 : recrutement décalé" }), NOW);
    d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.termination.substantialChangeAt).toBeNull();
    expect(d.history.at(-1)?.comment).toBe("Avenant du 01/06/2026. Avenant n° 1 : recrutement décalé");
  });
});

describe("France Travail art. 14 — résiliation notifiée, versements suspendus, résiliation effective", () => {
  it("à la demande d'une partie : effective 3 mois après la réception ; versement refusé (422) ; échéance au tableau ; constatée à sa date", async () => {
    const id = await signedFile("FRANCE_TRAVAIL");
    await expect(applyTransition(db, manager, id, await step(id, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "REQUEST", comment: "Demande du porteur" }), NOW)).rejects.toMatchObject({ status: 403 });
    await applyTransition(db, finance, id, await step(id, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "REQUEST", comment: "Demande du porteur", restitutionCents: 200_000 }), NOW);
    const d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.status).toBe("TERMINATING");
    expect(d.termination).toMatchObject({ mode: "REQUEST", noticeAt: "2026-05-10", effectiveAt: "2026-08-10", restitutionCents: 200_000 });
    expect(d.history.at(-1)?.comment).toContain("reçue le 10/05/2026, effective le 10/08/2026 ; versements suspendus");

    await expect(recordPayment(db, finance, id, { amountCents: 100_000, paidAt: "2026-06-01" }, NOW)).rejects.toMatchObject({
      status: 422, message: "Versements suspendus : résiliation notifiée le 10/05/2026, effective le 10/08/2026 (la part restant due n'est pas versée).",
    });
    expect(await db.payment.count({ where: { subsidyFileId: id } })).toBe(0);

    const rows = (await listDeadlines(db, finance, NOW)).filter((r) => r.file.id === id);
    expect(rows).toEqual([expect.objectContaining({ kind: "TERMINATION", dueAt: "2026-08-10", state: "UPCOMING" })]);

    await expect(applyTransition(db, finance, id, await step(id, { transition: "terminate" }), NOW)).rejects.toMatchObject({ status: 422, message: "La résiliation ne prend effet que le 10/08/2026." });
    await applyTransition(db, finance, id, await step(id, { transition: "terminate" }), new Date("2026-08-10T08:00:00Z"));
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id } })).status).toBe("TERMINATED");
    await expect(recordPayment(db, finance, id, { amountCents: 100_000, paidAt: "2026-08-11" }, NOW)).rejects.toMatchObject({ status: 422 });
    expect(await db.auditEvent.count({ where: { entityId: id, action: { in: ["subsidyFile.notifyTermination", "subsidyFile.terminate"] } } })).toBe(2);
  });

  it("pour inexécution : 30 jours après la mise en demeure ; de plein droit : à la réception de la décision", async () => {
    const a = await signedFile("FRANCE_TRAVAIL");
    await applyTransition(db, finance, a, await step(a, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "BREACH", comment: "Mise en demeure restée sans effet" }), NOW);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id: a } })).terminationEffectiveAt).toEqual(new Date("2026-06-09"));
    const b = await signedFile("FRANCE_TRAVAIL");
    await applyTransition(db, finance, b, await step(b, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "AUTOMATIC", comment: "Art. 8 : utilisation à d'autres fins" }), NOW);
    await applyTransition(db, finance, b, await step(b, { transition: "terminate" }), NOW);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id: b } })).status).toBe("TERMINATED");
  });
});

describe("Région convention cadre art. 11 — résiliation avec préavis de 3 mois, caducité", () => {
  it("résiliation par lettre recommandée : effective 3 mois après l'envoi ; un mode France Travail est refusé (400)", async () => {
    const id = await signedFile("REGION");
    await expect(applyTransition(db, finance, id, await step(id, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "REQUEST", comment: "x" }), NOW)).rejects.toMatchObject({ status: 400 });
    await applyTransition(db, finance, id, await step(id, { transition: "notifyTermination", at: "2026-05-10", terminationMode: "NOTICE", comment: "Non-respect des engagements", restitutionCents: 300_000 }), NOW);
    expect(await db.subsidyFile.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "TERMINATING", terminationEffectiveAt: new Date("2026-08-10"), restitutionCents: 300_000n });
  });

  it("la caducité est une décision des finances datée, sur un dossier Région seulement (France Travail : 422)", async () => {
    const ft = await signedFile("FRANCE_TRAVAIL");
    await expect(applyTransition(db, finance, ft, await step(ft, { transition: "lapse", at: "2026-06-01", comment: "Équipe non recrutée" }), NOW)).rejects.toMatchObject({ status: 422 });
    const id = await signedFile("REGION");
    await expect(applyTransition(db, manager, id, await step(id, { transition: "lapse", at: "2026-06-01", comment: "x" }), NOW)).rejects.toMatchObject({ status: 403 });
    await applyTransition(db, finance, id, await step(id, { transition: "lapse", at: "2026-06-01", comment: "Équipe non recrutée dans les 6 mois" }), NOW);
    const d = await getSubsidyFileDetail(db, finance, id, NOW);
    expect(d.status).toBe("LAPSED");
    expect(d.termination.lapsedAt).toBe("2026-06-01");
    expect(d.history.at(-1)?.comment).toBe("Caducité décidée le 01/06/2026. Équipe non recrutée dans les 6 mois");
  });
});
