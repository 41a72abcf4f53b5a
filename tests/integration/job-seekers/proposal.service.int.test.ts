import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { createProposal, listProposals, transitionProposal } from "@/lib/proposals/proposal.service";
import { createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createOffer, createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { transactionBarrier } from "@/tests/support/barrier";

const now = new Date("2026-11-23T10:00:00Z");
const hire = { status: "HIRED" as const, hiredAt: new Date("2026-11-22T00:00:00Z"), contractType: "CDI" as const };

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function setup(offerExtra: Parameters<typeof createOffer>[2] = {}) {
  const lens = await createPlatform(db, "Lens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const offer = await createOffer(db, lens.id, offerExtra);
  const person = await seedPerson(db, lens.id);
  return { lens, assistant, offer, person };
}

/** proposé → accepté → entretien, ready to be hired. */
async function toInterview(assistant: Awaited<ReturnType<typeof setup>>["assistant"], jobSeekerId: string, offerId: string) {
  const p = await createProposal(db, assistant, { jobSeekerId, kind: "JOB", offerId }, {}, now);
  await transitionProposal(db, assistant, p.id, { version: 1, status: "ACCEPTED" }, {}, now);
  return transitionProposal(db, assistant, p.id, { version: 2, status: "INTERVIEW", interviewAt: now }, {}, now);
}

describe("positionnements", () => {
  it("proposé → accepté → entretien → embauché remplit un poste de l'offre, audité, dernier contact à jour", async () => {
    const { assistant, offer, person } = await setup({ positions: 2 });
    const p = await toInterview(assistant, person.id, offer.id);
    const hired = await transitionProposal(db, assistant, p.id, { version: 3, ...hire }, {}, now);
    expect(hired).toMatchObject({ status: "HIRED", contractType: "CDI", version: 4 });
    const o = await db.jobOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(o).toMatchObject({ positionsFilled: 1, status: "PARTIALLY_FILLED" });
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } })).lastContactAt).toEqual(now);
    expect(await db.auditEvent.count({ where: { action: "proposal.statusChanged", entityId: p.id } })).toBe(3);
  });

  it("la dernière embauche passe l'offre à « pourvue » avec sa date", async () => {
    const { assistant, offer, person } = await setup({ positions: 1 });
    const p = await toInterview(assistant, person.id, offer.id);
    await transitionProposal(db, assistant, p.id, { version: 3, ...hire }, {}, now);
    expect(await db.jobOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ positionsFilled: 1, status: "FILLED", filledAt: hire.hiredAt });
  });

  it("refuse une embauche sur une offre annulée, et l'annule entièrement (positionnement inchangé)", async () => {
    const { assistant, offer, person } = await setup();
    const p = await toInterview(assistant, person.id, offer.id);
    await db.jobOffer.update({ where: { id: offer.id }, data: { status: "CANCELLED" } });
    const err = await transitionProposal(db, assistant, p.id, { version: 3, ...hire }, {}, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableError);
    expect((err as Error).message).toMatch(/Annulée/);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("INTERVIEW");
  });

  it("des embauches simultanées ne dépassent jamais le nombre de postes", async () => {
    const { lens, assistant, offer } = await setup({ positions: 2 });
    const people = await Promise.all(Array.from({ length: 5 }, () => seedPerson(db, lens.id)));
    const ready = [];
    for (const person of people) ready.push(await toInterview(assistant, person.id, offer.id));
    // All five transactions open before any runs (a barrier, not timing).
    const barrier = transactionBarrier(db, 5);
    const results = await Promise.allSettled(ready.map((p) => transitionProposal(barrier.client, assistant, p.id, { version: 3, ...hire }, {}, now)));
    expect(barrier.arrived()).toBe(5);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(UnprocessableError);
    expect(await db.jobOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ positionsFilled: 2, status: "FILLED" });
    expect(await db.proposal.count({ where: { status: "HIRED" } })).toBe(2);
  });

  it("refus : motif obligatoire (400 sur le champ) ; transition interdite (422 sur le statut, comme une offre) ; version périmée", async () => {
    const { assistant, offer, person } = await setup();
    const p = await createProposal(db, assistant, { jobSeekerId: person.id, kind: "JOB", offerId: offer.id }, {}, now);
    const noReason = await transitionProposal(db, assistant, p.id, { version: 1, status: "REFUSED" }, {}, now).catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect((noReason as ValidationError).fields).toEqual({ reason: ["Choisissez le motif du refus dans la liste."] });
    const skipped = await transitionProposal(db, assistant, p.id, { version: 1, ...hire }, {}, now).catch((e: unknown) => e);
    expect(skipped).toBeInstanceOf(UnprocessableError);
    expect(skipped).toMatchObject({ status: 422, fields: { status: ["Un positionnement « Proposé » ne peut pas passer à « Embauché » (possible : « Accepté », « Refusé »)."] } });
    await transitionProposal(db, assistant, p.id, { version: 1, status: "REFUSED", reason: "Distance / transport" }, {}, now);
    await expect(transitionProposal(db, assistant, p.id, { version: 1, status: "ACCEPTED" }, {}, now)).rejects.toBeInstanceOf(UnprocessableError);
  });

  it("ne positionne pas deux fois la même personne sur la même offre, ni sur une offre fermée ou d'une autre plateforme", async () => {
    const { assistant, offer, person } = await setup();
    await createProposal(db, assistant, { jobSeekerId: person.id, kind: "JOB", offerId: offer.id }, {}, now);
    await expect(createProposal(db, assistant, { jobSeekerId: person.id, kind: "JOB", offerId: offer.id }, {}, now)).rejects.toBeInstanceOf(ConflictError);
    const closed = await createOffer(db, person.platformId, { status: "FILLED", positions: 1, positionsFilled: 1 });
    await expect(createProposal(db, assistant, { jobSeekerId: person.id, kind: "JOB", offerId: closed.id }, {}, now)).rejects.toBeInstanceOf(UnprocessableError);
    const amiens = await createPlatform(db, "Amiens");
    const foreign = await createOffer(db, amiens.id);
    await expect(createProposal(db, assistant, { jobSeekerId: person.id, kind: "JOB", offerId: foreign.id }, {}, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("une formation proposée puis acceptée ; la liste ne montre que le périmètre et est auditée", async () => {
    const { assistant, person } = await setup();
    const p = await createProposal(db, assistant, { jobSeekerId: person.id, kind: "TRAINING", label: "CACES R489" }, {}, now);
    await transitionProposal(db, assistant, p.id, { version: 1, status: "ACCEPTED" }, {}, now);
    const referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
    expect((await listProposals(db, referent, { page: 1, pageSize: 50, sort: "-proposedAt" }, { purpose: "Portefeuille" })).total).toBe(0);
    const mine = await listProposals(db, assistant, { page: 1, pageSize: 50, sort: "-proposedAt", jobSeekerId: person.id }, { purpose: "Suivi" });
    expect(mine.items).toMatchObject([{ kind: "TRAINING", status: "ACCEPTED", label: "CACES R489" }]);
    expect(await db.auditEvent.count({ where: { action: "proposal.list" } })).toBe(2);
  });
});
