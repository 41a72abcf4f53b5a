import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createCompanySchema } from "@/lib/companies/company.schema";
import { createCompany } from "@/lib/companies/company.service";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { listOffers } from "@/lib/offers/offer.query";
import { createOfferSchema, offerListQuerySchema, updateOfferSchema } from "@/lib/offers/offer.schema";
import { createOffer, expireInactiveOffers, getOffer, transitionOffer, updateOffer } from "@/lib/offers/offer.service";
import { createVisitSchema, updateVisitSchema } from "@/lib/visits/visit.schema";
import { createVisit, setFollowUpDone, updateVisit } from "@/lib/visits/visit.service";
import { createPlatform, createRuleSets, platformUser, validSiret } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { transactionBarrier } from "@/tests/support/barrier";

beforeAll(() => loadCommuneReference(db));
beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  const user = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
  const company = await createCompany(db, user, createCompanySchema.parse({ siret: validSiret(), name: "Logistique Artois", communeCode: "62498" }));
  return { lens, amiens, user, company, amiensUser: await platformUser(db, "PLATFORM_ASSISTANT", amiens.id) };
}

const offerInput = (companyId: string, extra: Record<string, unknown> = {}) =>
  createOfferSchema.parse({ companyId, title: "Préparateur de commandes", romeCode: "N1103", contractType: "CDI", positions: 2, hiddenMarket: true, source: "VISITE", receivedAt: "2026-11-02", communeCode: "62498", ...extra });

describe("visites", () => {
  it("enregistre une visite avec intervenants, besoins et actions de suivi, et date le dernier contact", async () => {
    const { user, company } = await setup();
    const visit = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "Découverte", staffIds: [user.id], partnersPresent: "France Travail, Mission locale", needs: ["RECRUTEMENT", "FORMATION"], followUps: [{ label: "Envoyer 3 CV", dueAt: "2026-11-10" }] }), new Date("2026-11-03T10:00:00Z"));
    expect(visit).toMatchObject({ partnersPresent: ["France Travail", "Mission locale"], needs: ["RECRUTEMENT", "FORMATION"], staff: [{ id: user.id }] });
    expect(visit.followUps).toHaveLength(1);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt?.toISOString().slice(0, 10)).toBe("2026-11-02");
    const done = await setFollowUpDone(db, user, visit.followUps[0]!.id, true, 1);
    expect(done.doneAt).not.toBeNull();
    await expect(setFollowUpDone(db, user, visit.followUps[0]!.id, false, 1)).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuse une offre reçue demain (jour de Paris) et accepte celle du jour, même à 0 h 30 à Paris", async () => {
    const { user, company } = await setup();
    await expect(createOffer(db, user, offerInput(company.id, { receivedAt: "2026-12-07" }), new Date("2026-12-06T10:00:00Z"))).rejects.toMatchObject({
      fields: { receivedAt: ["La date de réception ne peut pas être dans le futur."] },
    });
    await expect(createOffer(db, user, offerInput(company.id, { receivedAt: "2026-12-06" }), new Date("2026-12-05T23:30:00Z"))).resolves.toMatchObject({ receivedAt: "2026-12-06T00:00:00.000Z" });
  });

  it("date la visite du jour de Paris d'une date-heure envoyée par l'API (0 h 30 le 6 à Paris = 23 h 30 UTC le 5)", async () => {
    const { user, company } = await setup();
    const input = (extra: Record<string, unknown>) => createVisitSchema.parse({ companyId: company.id, date: "2026-12-06T00:30", purpose: "Découverte", staffIds: [user.id], ...extra });
    expect(await createVisit(db, user, input({}), new Date("2026-12-06T10:00:00Z"))).toMatchObject({ date: "2026-12-06T00:00:00.000Z", timeSet: false });
    expect(await createVisit(db, user, input({ time: "10:00" }), new Date("2026-12-06T10:00:00Z"))).toMatchObject({ date: "2026-12-06T09:00:00.000Z", timeSet: true });
  });

  it("refuse un intervenant d'une autre plateforme et une action de suivi antérieure à la visite", async () => {
    const { user, company, amiensUser } = await setup();
    await expect(createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "x", staffIds: [amiensUser.id] }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "x", staffIds: [user.id], followUps: [{ label: "trop tôt", dueAt: "2026-10-01" }] }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.visit.count()).toBe(0);
  });
});

describe("modification d'une visite", () => {
  it("modifie une visite avec sa version, ajoute une action, refuse une version périmée et audite le changement", async () => {
    const { user, company, lens } = await setup();
    const colleague = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
    const visit = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "Découverte", staffIds: [user.id], followUps: [{ label: "Envoyer 3 CV", dueAt: "2026-11-10" }] }));
    const edited = await updateVisit(db, user, visit.id, updateVisitSchema.parse({ date: "2026-11-04", purpose: "Découverte et besoins", staffIds: [user.id, colleague.id], partnersPresent: "Mission locale", needs: ["GPEC"], outcome: "Deux postes à pourvoir", followUps: [{ label: "Relancer", dueAt: "2026-11-20" }], version: visit.version }), new Date("2026-11-05T10:00:00Z"));
    expect(edited).toMatchObject({ purpose: "Découverte et besoins", needs: ["GPEC"], partnersPresent: ["Mission locale"], outcome: "Deux postes à pourvoir", version: visit.version + 1 });
    expect(edited.staff.map((s) => s.id).sort()).toEqual([user.id, colleague.id].sort());
    expect(edited.followUps.map((f) => f.label)).toEqual(["Envoyer 3 CV", "Relancer"]);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt?.toISOString().slice(0, 10)).toBe("2026-11-04");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "visit.updated", entityId: visit.id } });
    expect(Object.keys((audit.metadata as { changes: Record<string, unknown> }).changes).sort()).toEqual(["date", "needs", "outcome", "partnersPresent", "purpose"]);
    // Second save with the stale version: refused, nothing changed.
    await expect(updateVisit(db, user, visit.id, updateVisitSchema.parse({ date: "2026-11-02", purpose: "Écrasement", staffIds: [user.id], version: visit.version }))).rejects.toBeInstanceOf(ConflictError);
    expect((await db.visit.findUniqueOrThrow({ where: { id: visit.id } })).purpose).toBe("Découverte et besoins");
  });

  it("renvoie 404 pour la visite d'une autre plateforme", async () => {
    const { user, company, amiensUser } = await setup();
    const visit = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "Découverte", staffIds: [user.id] }));
    await expect(updateVisit(db, amiensUser, visit.id, updateVisitSchema.parse({ date: "2026-11-02", purpose: "Intrus", staffIds: [amiensUser.id], version: 1 }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { action: "visit.updated" } })).toBe(0);
  });
});

describe("offres", () => {
  it("crée une offre du marché caché depuis une visite", async () => {
    const { user, company } = await setup();
    const visit = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-11-02", purpose: "Besoin logistique", staffIds: [user.id] }));
    const offer = await createOffer(db, user, offerInput(company.id, { visitId: visit.id }));
    expect(offer).toMatchObject({ status: "OPEN", hiddenMarket: true, visitId: visit.id, communeCode: "62498", place: "Lens (62300)", positions: 2, positionsFilled: 0 });
    expect(await db.auditEvent.count({ where: { action: "offer.created", entityId: offer.id } })).toBe(1);
  });

  it("refuse une visite d'une autre entreprise, un CDD sans durée et un nombre de postes négatif", async () => {
    const { user, company } = await setup();
    const other = await createCompany(db, user, createCompanySchema.parse({ siret: validSiret(), name: "Autre" }));
    const visit = await createVisit(db, user, createVisitSchema.parse({ companyId: other.id, date: "2026-11-02", purpose: "x", staffIds: [user.id] }));
    await expect(createOffer(db, user, offerInput(company.id, { visitId: visit.id }))).rejects.toBeInstanceOf(ValidationError);
    expect(createOfferSchema.safeParse({ ...offerInput(company.id), contractType: "CDD", contractDurationMonths: "" }).success).toBe(false);
    const neg = createOfferSchema.safeParse({ ...offerInput(company.id), positions: -1, receivedAt: "2026-11-02" });
    expect(neg.success ? [] : neg.error.issues.map((i) => i.message)).toContain("Au moins 1 poste.");
  });

  it("suit la machine à états et refuse une transition invalide avec un message clair", async () => {
    const { user, company } = await setup();
    const draft = await createOffer(db, user, offerInput(company.id, { publish: false }));
    expect(draft.status).toBe("DRAFT");
    const err = await transitionOffer(db, user, draft.id, "EXPIRED", draft.version).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableError);
    expect((err as Error).message).toBe("Une offre « Brouillon » ne peut pas passer à « Expirée » (possible : « Ouverte », « Annulée »).");
    const open = await transitionOffer(db, user, draft.id, "OPEN", draft.version);
    const cancelled = await transitionOffer(db, user, open.id, "CANCELLED", open.version);
    expect(cancelled.status).toBe("CANCELLED");
    await expect(transitionOffer(db, user, open.id, "OPEN", cancelled.version)).rejects.toBeInstanceOf(UnprocessableError);
  });

  it("refuse la seconde de deux modifications concurrentes (« modifiée entre-temps »)", async () => {
    const { user, company } = await setup();
    const offer = await createOffer(db, user, offerInput(company.id));
    // Both transactions open before either runs (a barrier, not timing).
    const barrier = transactionBarrier(db, 2);
    const edit = (title: string) => updateOffer(barrier.client, user, offer.id, updateOfferSchema.parse({ ...offerInput(company.id), title, version: offer.version }));
    const results = await Promise.allSettled([edit("Cariste"), edit("Magasinier")]);
    expect(barrier.arrived()).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect((rejected.reason as Error).message).toContain("modifiée entre-temps");
    expect((await getOffer(db, user, offer.id)).version).toBe(2);
  });

  it("n'accepte pas moins de postes que de postes déjà pourvus", async () => {
    const { user, company } = await setup();
    const offer = await createOffer(db, user, offerInput(company.id, { positions: 3 }));
    await db.jobOffer.update({ where: { id: offer.id }, data: { positionsFilled: 2, status: "PARTIALLY_FILLED" } });
    await expect(updateOffer(db, user, offer.id, updateOfferSchema.parse({ ...offerInput(company.id), positions: 1, version: offer.version }))).rejects.toBeInstanceOf(ValidationError);
    const filled = await updateOffer(db, user, offer.id, updateOfferSchema.parse({ ...offerInput(company.id), positions: 2, version: offer.version }));
    expect(filled.status).toBe("FILLED");
  });

  it("est invisible pour une autre plateforme", async () => {
    const { user, company, amiensUser } = await setup();
    const offer = await createOffer(db, user, offerInput(company.id));
    await expect(getOffer(db, amiensUser, offer.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionOffer(db, amiensUser, offer.id, "CANCELLED", 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listOffers(db, amiensUser, offerListQuerySchema.parse({}))).total).toBe(0);
  });

  it("signale puis expire les offres sans activité selon le jeu de règles", async () => {
    const { user, company } = await setup();
    const offer = await createOffer(db, user, offerInput(company.id));
    const old = new Date(Date.now() - 70 * 86_400_000);
    await db.$executeRaw`UPDATE "JobOffer" SET "updatedAt" = ${old} WHERE id = ${offer.id}::uuid`;
    const stale = await listOffers(db, user, offerListQuerySchema.parse({ stale: "true" }));
    expect(stale.items.map((o) => [o.id, o.staleness, o.daysLeft])).toEqual([[offer.id, "STALE", 20]]);
    expect(await expireInactiveOffers(db, new Date())).toEqual({ expired: 0 });
    expect(await expireInactiveOffers(db, new Date(Date.now() + 25 * 86_400_000))).toEqual({ expired: 1 });
    expect((await getOffer(db, user, offer.id)).status).toBe("EXPIRED");
    expect(await expireInactiveOffers(db, new Date(Date.now() + 25 * 86_400_000))).toEqual({ expired: 0 });
  });
});
