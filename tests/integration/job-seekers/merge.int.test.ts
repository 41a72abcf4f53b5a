import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createEvent, registerParticipant } from "@/lib/events/event.service";
import { addInteraction } from "@/lib/job-seekers/job-seeker.service";
import { mergeJobSeekers } from "@/lib/job-seekers/job-seeker-merge.service";
import { createProposal } from "@/lib/proposals/proposal.service";
import { createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createOffer, createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("fusion de doublons", () => {
  it("garde tous les positionnements, échanges et inscriptions, complète les champs vides, supprime le doublon, audite", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const keep = await seedPerson(db, lens.id);
    const dup = await seedPerson(db, lens.id);
    await db.jobSeeker.update({ where: { id: dup.id }, data: { email: "doublon@exemple.fr", phone: "06 11 22 33 44" } });
    await db.jobSeeker.update({ where: { id: keep.id }, data: { phone: "07 00 00 00 00" } });
    const offer = await createOffer(db, lens.id);
    await createProposal(db, assistant, { jobSeekerId: dup.id, kind: "JOB", offerId: offer.id }, {}, now);
    await createProposal(db, assistant, { jobSeekerId: keep.id, kind: "TRAINING", label: "SST" }, {}, now);
    await addInteraction(db, assistant, dup.id, { kind: "APPEL", at: new Date("2026-11-22"), summary: "Appel" }, {}, now);
    const shared = await createEvent(db, assistant, { kind: "FORUM", title: "Forum", date: new Date("2026-11-10"), place: "Lens" });
    const other = await createEvent(db, assistant, { kind: "FORUM", title: "Forum 2", date: new Date("2026-11-11"), place: "Lens" });
    for (const p of [keep, dup]) await registerParticipant(db, assistant, shared.id, { type: "JOB_SEEKER", participantId: p.id }, {}, now);
    await registerParticipant(db, assistant, other.id, { type: "JOB_SEEKER", participantId: dup.id }, {}, now);

    const version = (await db.jobSeeker.findUniqueOrThrow({ where: { id: keep.id } })).version;
    const r = await mergeJobSeekers(db, assistant, keep.id, dup.id, version, {}, now);
    expect(r.moved).toEqual({ proposals: 1, interactions: 1, diagnostics: 0, rightsRequests: 0, events: 1 });
    expect(await db.jobSeeker.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await db.proposal.count({ where: { jobSeekerId: keep.id } })).toBe(2);
    expect(await db.eventJobSeekerParticipation.count({ where: { jobSeekerId: keep.id } })).toBe(2);
    const merged = await db.jobSeeker.findUniqueOrThrow({ where: { id: keep.id } });
    expect(merged).toMatchObject({ email: "doublon@exemple.fr", phone: "07 00 00 00 00", version: version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.merged", entityId: keep.id } });
    expect(audit.metadata).toMatchObject({ mergedFrom: dup.id });
    await expect(mergeJobSeekers(db, assistant, keep.id, dup.id, version + 1, {}, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuse une fusion sur une version périmée, et hors périmètre", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const keep = await seedPerson(db, lens.id);
    const dup = await seedPerson(db, lens.id);
    const foreign = await seedPerson(db, amiens.id);
    await expect(mergeJobSeekers(db, assistant, keep.id, dup.id, 99, {}, now)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.jobSeeker.count({ where: { id: dup.id } })).toBe(1);
    await expect(mergeJobSeekers(db, assistant, keep.id, foreign.id, 1, {}, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
