import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { createEvent, getEvent, registerParticipant, setAttendance, unregisterJobSeeker } from "@/lib/events/event.service";
import { createProposal } from "@/lib/proposals/proposal.service";
import { createCompany, createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createOffer, createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { transactionBarrier } from "@/tests/support/barrier";

const now = new Date("2026-11-23T10:00:00Z");
const purpose = { purpose: "Suivi de l'événement" };

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function setup(capacity: number | null, date = new Date("2026-11-20T09:00:00Z"), platformName = "Lens") {
  const lens = await createPlatform(db, platformName);
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const { id } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date, place: "Lens", capacity });
  return { lens, assistant, eventId: id };
}

describe("événements : inscriptions, capacité, présence, résultats", () => {
  it("au-delà de la capacité, liste d'attente ; une désinscription promeut la première personne en attente", async () => {
    const { lens, assistant, eventId } = await setup(2);
    const people = await Promise.all(Array.from({ length: 4 }, () => seedPerson(db, lens.id)));
    const placements = [];
    for (const [i, p] of people.entries()) placements.push((await registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: p.id }, {}, new Date(now.getTime() + i))).placement);
    expect(placements).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    const r = await unregisterJobSeeker(db, assistant, eventId, people[0]!.id);
    expect(r.promoted).toEqual([people[2]!.id]);
    const e = await getEvent(db, assistant, eventId, purpose);
    expect(e.results).toMatchObject({ jobSeekersRegistered: 2, waitlisted: 1 });
  });

  it("inscriptions simultanées : jamais plus de places confirmées que la capacité", async () => {
    const { lens, assistant, eventId } = await setup(3);
    const people = await Promise.all(Array.from({ length: 8 }, () => seedPerson(db, lens.id)));
    // All eight transactions open before any runs (a barrier, not timing): the event's row lock keeps the count.
    const barrier = transactionBarrier(db, 8);
    await Promise.all(people.map((p) => registerParticipant(barrier.client, assistant, eventId, { type: "JOB_SEEKER", participantId: p.id }, {}, now)));
    expect(barrier.arrived()).toBe(8);
    expect(await db.eventJobSeekerParticipation.count({ where: { eventId, waitlisted: false } })).toBe(3);
    expect(await db.eventJobSeekerParticipation.count({ where: { eventId, waitlisted: true } })).toBe(5);
  });

  it("présence notée : dernier contact de la personne, jeunes signalés, entreprises ; refusée avant l'événement", async () => {
    const { lens, assistant, eventId } = await setup(null);
    const young = await seedPerson(db, lens.id);
    await db.jobSeeker.update({ where: { id: young.id }, data: { birthDate: new Date("2004-01-01"), createdAt: new Date("2026-01-01") } });
    const company = await createCompany(db, lens.id);
    await registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: young.id }, {}, now);
    await registerParticipant(db, assistant, eventId, { type: "COMPANY", participantId: company.id }, {}, now);
    await setAttendance(db, assistant, eventId, { type: "JOB_SEEKER", participantId: young.id, attendance: "PRESENT" }, {}, now);
    await setAttendance(db, assistant, eventId, { type: "COMPANY", participantId: company.id, attendance: "PRESENT" }, {}, now);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: young.id } })).lastContactAt).toEqual(new Date("2026-11-20T09:00:00Z"));
    const offer = await createOffer(db, lens.id);
    await createProposal(db, assistant, { jobSeekerId: young.id, kind: "JOB", offerId: offer.id, eventId }, {}, now);
    const e = await getEvent(db, assistant, eventId, purpose);
    expect(e.results).toMatchObject({ present: 1, youngPresent: 1, companiesPresent: 1, proposals: 1, hires: 0 });
    expect(e.participants.find((p) => p.id === young.id)).toMatchObject({ young: true, attendance: "PRESENT" });

    const later = await setup(null, new Date("2026-12-15T09:00:00Z"), "Liévin");
    const p = await seedPerson(db, later.lens.id);
    await registerParticipant(db, later.assistant, later.eventId, { type: "JOB_SEEKER", participantId: p.id }, {}, now);
    await expect(setAttendance(db, later.assistant, later.eventId, { type: "JOB_SEEKER", participantId: p.id, attendance: "PRESENT" }, {}, now)).rejects.toBeInstanceOf(UnprocessableError);
  });

  it("un référent ne voit que les noms de son portefeuille ; chaque consultation est auditée ; autre plateforme = introuvable", async () => {
    const { lens, assistant, eventId } = await setup(null);
    const referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
    const followed = await seedPerson(db, lens.id, { referentId: referent.id });
    const other = await seedPerson(db, lens.id);
    for (const p of [followed, other]) await registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: p.id }, {}, now);
    const seen = await getEvent(db, referent, eventId, purpose);
    expect(seen.participants.map((p) => p.id)).toEqual([followed.id]);
    expect(seen.results.jobSeekersRegistered).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "event.read", entityId: eventId, actorId: referent.id } })).toBe(1);
    const amiens = await createPlatform(db, "Amiens");
    const outsider = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
    await expect(getEvent(db, outsider, eventId, purpose)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("inscrire la personne, l'entreprise ou le chef de file d'une autre plateforme : introuvable (404), comme partout ailleurs ; rien n'est inscrit", async () => {
    const { eventId, assistant } = await setup(null);
    const amiens = await createPlatform(db, "Amiens");
    const person = await seedPerson(db, amiens.id);
    const company = await createCompany(db, amiens.id);
    const chef = await db.chefDeFile.create({ data: { platformId: amiens.id, lastName: "Chef", sector: "Logistique" } });
    for (const [type, participantId, message] of [
      ["JOB_SEEKER", person.id, "Demandeur d'emploi introuvable sur la plateforme de l'événement."],
      ["COMPANY", company.id, "Entreprise introuvable sur la plateforme de l'événement."],
      ["CHEF_DE_FILE", chef.id, "Chef de file introuvable sur la plateforme de l'événement."],
    ] as const) {
      const refused = registerParticipant(db, assistant, eventId, { type, participantId }, {}, now);
      await expect(refused).rejects.toBeInstanceOf(NotFoundError);
      await expect(refused).rejects.toMatchObject({ status: 404, message });
    }
    const counts = await Promise.all([db.eventJobSeekerParticipation.count(), db.eventCompanyParticipation.count(), db.eventChefDeFileParticipation.count()]);
    expect(counts).toEqual([0, 0, 0]);
  });
});
