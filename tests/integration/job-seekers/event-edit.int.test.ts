import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { cancelEventSchema, updateEventSchema } from "@/lib/events/event.schema";
import { cancelEvent, createEvent, getEventFields, listEvents, registerParticipant, updateEvent } from "@/lib/events/event.service";
import { createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function setup(capacity: number | null) {
  const lens = await createPlatform(db, "Lens");
  const amiens = await createPlatform(db, "Amiens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const other = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
  const { id } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date: new Date("2026-12-10T09:00:00Z"), place: "Lens", capacity });
  return { lens, assistant, other, eventId: id };
}

const form = (extra: Record<string, unknown> = {}) => ({ kind: "CIRCUIT_COURT", title: "Circuit court logistique et transport", date: "2026-12-11T09:30:00Z", place: "Liévin", capacity: "3", version: "1", ...extra });

describe("modification et annulation d'un événement", () => {
  it("modifie avec la version lue (409 sinon), audite les champs changés, et une capacité plus grande fait monter la liste d'attente", async () => {
    const { lens, assistant, eventId } = await setup(1);
    const people = await Promise.all(Array.from({ length: 3 }, () => seedPerson(db, lens.id)));
    for (const [i, p] of people.entries()) await registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: p.id }, {}, new Date(now.getTime() + i));
    const e = await updateEvent(db, assistant, eventId, updateEventSchema.parse(form()));
    expect(e).toMatchObject({ title: "Circuit court logistique et transport", place: "Liévin", capacity: 3, version: 2, status: "PLANNED" });
    expect(await db.eventJobSeekerParticipation.count({ where: { eventId, waitlisted: false } })).toBe(3);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "event.updated", entityId: eventId } });
    expect(Object.keys((audit.metadata as { changes: object }).changes).sort()).toEqual(["capacity", "date", "place", "title"]);
    await expect(updateEvent(db, assistant, eventId, updateEventSchema.parse(form({ title: "Écrasement" })))).rejects.toBeInstanceOf(ConflictError);
    const low = await updateEvent(db, assistant, eventId, updateEventSchema.parse(form({ capacity: "2", version: "2" }))).catch((x: unknown) => x);
    expect(low).toBeInstanceOf(ValidationError);
    expect((low as ValidationError).fields?.capacity?.[0]).toMatch(/^3 demandeur/);
  });

  it("annule avec un motif : l'événement reste listé comme annulé, ne se modifie plus et ferme les inscriptions", async () => {
    const { lens, assistant, eventId } = await setup(null);
    await expect(cancelEvent(db, assistant, eventId, cancelEventSchema.parse({ reason: "Salle indisponible", version: "5" }), {}, now)).rejects.toBeInstanceOf(ConflictError);
    expect(cancelEventSchema.safeParse({ reason: " ", version: "1" }).error?.issues[0]?.message).toBe("Indiquez le motif de l'annulation (3 caractères au moins).");
    const c = await cancelEvent(db, assistant, eventId, cancelEventSchema.parse({ reason: "Salle indisponible", version: "1" }), {}, now);
    expect(c).toMatchObject({ status: "CANCELLED", cancelReason: "Salle indisponible", cancelledAt: now.toISOString(), version: 2 });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "event.cancelled", entityId: eventId } })).metadata).toEqual({ reason: "Salle indisponible" });
    const list = await listEvents(db, assistant, { page: 1, pageSize: 20, sort: "-date" });
    expect(list.items.map((i) => [i.id, i.status])).toEqual([[eventId, "CANCELLED"]]);
    await expect(updateEvent(db, assistant, eventId, updateEventSchema.parse(form({ version: "2" })))).rejects.toThrow("Un événement annulé ne se modifie plus.");
    await expect(cancelEvent(db, assistant, eventId, cancelEventSchema.parse({ reason: "Encore", version: "2" }), {}, now)).rejects.toBeInstanceOf(UnprocessableError);
    const person = await seedPerson(db, lens.id);
    await expect(registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: person.id }, {}, now)).rejects.toThrow(/annulé/);
  });

  it("l'événement d'une autre plateforme est introuvable (404)", async () => {
    const { other, eventId } = await setup(null);
    await expect(getEventFields(db, other, eventId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateEvent(db, other, eventId, updateEventSchema.parse(form()))).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelEvent(db, other, eventId, cancelEventSchema.parse({ reason: "Intrus", version: "1" }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
