import { beforeEach, describe, expect, it } from "vitest";
import { addCallbackAttempt, createCallback, getCallback, listCallbacks, updateCallback } from "@/lib/callbacks/callback.service";
import { callbackListQuerySchema } from "@/lib/callbacks/callback.schema";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { createCompany, createPlatform } from "@/tests/factories";
import { createCallbackRow, createRuleSets, principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

const now = new Date("2026-03-10T10:00:00Z");
const list = (q: Record<string, unknown> = {}) => callbackListQuerySchema.parse(q);

async function setup() {
  const lens = await createPlatform(db, "Lens");
  const amiens = await createPlatform(db, "Amiens");
  const company = await createCompany(db, lens.id, { name: "Boulangerie Martin" });
  const assistant = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
  return { lens, amiens, company, assistant };
}

describe("rappels numéro vert", () => {
  it("crée un rappel dû selon le délai du jeu de règles et marque l'entreprise « numéro vert »", async () => {
    const { company, assistant } = await setup();
    const cb = await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    expect(cb.dueAt).toBe("2026-03-11T08:30:00.000Z");
    expect(cb.status).toBe("A_RAPPELER");
    expect(cb.urgency).toBe("UPCOMING");
    const c = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(c.viaNumeroVert).toBe(true);
    expect(c.numeroVertCallDate).toEqual(new Date("2026-03-09T08:30:00Z"));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "callback.created", entityId: cb.id } });
    expect(audit.actorId).toBe(assistant.id);
    expect(audit.metadata).toMatchObject({ changes: { dueAt: { from: null, to: "2026-03-11T08:30:00.000Z" } }, company: { viaNumeroVert: { from: false, to: true } } });
  });

  it("refuse un second rappel en attente pour la même entreprise", async () => {
    const { company, assistant } = await setup();
    await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    await expect(createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-10T08:30:00Z" }, now)).rejects.toBeInstanceOf(UnprocessableError);
  });

  it("consigne les tentatives, passe INJOIGNABLE après le nombre maximal et avance le dernier contact", async () => {
    const { company, assistant } = await setup();
    // An earlier exchange on the company's timeline (last contact is derived from the timeline).
    await db.companyInteraction.create({ data: { companyId: company.id, platformId: company.platformId, kind: "APPEL", at: new Date("2026-03-09T12:00:00Z"), summary: "Premier échange" } });
    let cb = await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    // An attempt dated before the last contact must not move it backward.
    cb = await addCallbackAttempt(db, assistant, cb.id, { outcome: "INJOIGNABLE", at: "2026-03-09T10:00:00Z", version: cb.version }, now);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt).toEqual(new Date("2026-03-09T12:00:00Z"));
    cb = await addCallbackAttempt(db, assistant, cb.id, { outcome: "INJOIGNABLE", note: "Messagerie", version: cb.version }, now);
    expect(cb).toMatchObject({ status: "A_RAPPELER", attemptCount: 2, attemptsLeft: 1 });
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt).toEqual(now);
    cb = await addCallbackAttempt(db, assistant, cb.id, { outcome: "INJOIGNABLE", version: cb.version }, now);
    expect(cb).toMatchObject({ status: "INJOIGNABLE", attemptCount: 3, closedAt: now.toISOString(), urgency: "CLOSED" });
    expect(cb.attempts).toHaveLength(3);
    expect(cb.attempts[0]).toMatchObject({ outcome: "INJOIGNABLE", by: expect.any(String) });
    await expect(addCallbackAttempt(db, assistant, cb.id, { outcome: "JOINT", version: cb.version }, now)).rejects.toBeInstanceOf(UnprocessableError);
    expect(await db.auditEvent.count({ where: { action: "callback.attempt.created", entityId: cb.id } })).toBe(3);
  });

  it("un appel abouti qualifie le besoin et fait sortir le rappel de la liste des retards", async () => {
    const { lens, company, assistant } = await setup();
    const row = await createCallbackRow(db, lens.id, company.id, { dueAt: new Date("2026-03-08T09:00:00Z") });
    expect((await listCallbacks(db, assistant, list({ overdue: "1" }), now)).items.map((c) => c.id)).toEqual([row.id]);
    const cb = await addCallbackAttempt(db, assistant, row.id, { outcome: "BESOIN_QUALIFIE", qualifiedNeed: "Deux soudeurs en CDI", version: 1 }, now);
    expect(cb).toMatchObject({ status: "BESOIN_QUALIFIE", qualifiedNeed: "Deux soudeurs en CDI", assignedToId: assistant.id });
    expect((await listCallbacks(db, assistant, list({ overdue: "1" }), now)).total).toBe(0);
  });

  it("répond 409 « modifié entre-temps » sur une version périmée", async () => {
    const { company, assistant } = await setup();
    const cb = await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    await updateCallback(db, assistant, cb.id, { qualifiedNeed: "Première note", version: cb.version }, now);
    await expect(updateCallback(db, assistant, cb.id, { qualifiedNeed: "Autre note", version: cb.version }, now)).rejects.toBeInstanceOf(ConflictError);
    await expect(addCallbackAttempt(db, assistant, cb.id, { outcome: "JOINT", version: cb.version }, now)).rejects.toThrow(/modifié entre-temps/);
  });

  it("recalcule l'échéance quand la date d'appel est corrigée et consigne la différence", async () => {
    const { company, assistant } = await setup();
    const cb = await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    const updated = await updateCallback(db, assistant, cb.id, { receivedAt: "2026-03-05T08:30:00Z", version: cb.version }, now);
    expect(updated).toMatchObject({ dueAt: "2026-03-07T08:30:00.000Z", urgency: "OVERDUE", version: cb.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "callback.updated", entityId: cb.id } });
    expect(audit.metadata).toEqual({ changes: { receivedAt: { from: "2026-03-09T08:30:00.000Z", to: "2026-03-05T08:30:00.000Z" }, dueAt: { from: "2026-03-11T08:30:00.000Z", to: "2026-03-07T08:30:00.000Z" } } });
  });

  it("n'accepte comme responsable qu'un membre de l'équipe de la plateforme", async () => {
    const { amiens, company, assistant } = await setup();
    const other = await principal(db, "PLATFORM_ASSISTANT", [amiens.id]);
    await expect(createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z", assignedToId: other.id }, now)).rejects.toBeInstanceOf(ValidationError);
  });

  it("cloisonne les plateformes : le rappel d'une autre plateforme est introuvable", async () => {
    const { amiens, company, assistant } = await setup();
    const cb = await createCallback(db, assistant, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now);
    const stranger = await principal(db, "PLATFORM_ASSISTANT", [amiens.id]);
    await expect(getCallback(db, stranger, cb.id, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addCallbackAttempt(db, stranger, cb.id, { outcome: "JOINT", version: cb.version }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCallback(db, stranger, cb.id, { qualifiedNeed: "x", version: cb.version }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCallback(db, stranger, { companyId: company.id, receivedAt: "2026-03-09T08:30:00Z" }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCallbacks(db, stranger, list(), now)).total).toBe(0);
    const finance = await principal(db, "REGION_FINANCE", [], { allPlatforms: true });
    await expect(listCallbacks(db, finance, list(), now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("liste la file dans l'ordre des échéances et filtre par statut et par nom", async () => {
    const { lens, company, assistant } = await setup();
    const other = await createCompany(db, lens.id, { name: "Menuiserie Dubois" });
    const late = await createCallbackRow(db, lens.id, company.id, { dueAt: new Date("2026-03-08T09:00:00Z") });
    const soon = await createCallbackRow(db, lens.id, other.id, { dueAt: new Date("2026-03-12T09:00:00Z") });
    await createCallbackRow(db, lens.id, other.id, { dueAt: new Date("2026-03-01T09:00:00Z"), status: "JOINT" });
    const queue = await listCallbacks(db, assistant, list({ status: "A_RAPPELER" }), now);
    expect(queue.items.map((c) => [c.id, c.urgency])).toEqual([[late.id, "OVERDUE"], [soon.id, "UPCOMING"]]);
    expect((await listCallbacks(db, assistant, list({ q: "menuis" }), now)).total).toBe(2);
    await db.numeroVertCallback.update({ where: { id: soon.id }, data: { assignedToId: assistant.id } });
    expect((await listCallbacks(db, assistant, list({ mine: "1" }), now)).items.map((c) => c.id)).toEqual([soon.id]);
    const page = await listCallbacks(db, assistant, list({ pageSize: 1, page: 2 }), now);
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 1 });
  });
});
