// Rights requests on real PostgreSQL: access and portability hold everything on the person,
// erasure goes through the retention's destruction, restriction freezes, rectification keeps history.
import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { updateJobSeeker, addInteraction } from "@/lib/job-seekers/job-seeker.service";
import { updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { createProposal } from "@/lib/proposals/proposal.service";
import { applyRightsAction, createRightsRequest, exportSubjectData, getRightsRequest, listRevisions, listRightsRequests, searchSubjects } from "@/lib/rights/rights.service";
import { createPlatform, createRuleSets, platformUser } from "@/tests/factories";
import { createOffer, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { PERSON, PERSON_PLACES, explainTraces, findAnywhere, personMarkers, seedPersonEverywhere } from "@/tests/support/person-traces";

beforeEach(resetDb);

const NOW = new Date("2026-11-20T10:00:00Z");

/** A value for every scalar column of JobSeeker, so the test notices a column the document forgets. */
async function fullyFilledSeeker(platformId: string, referentId: string) {
  return db.jobSeeker.create({
    data: {
      platformId, civilite: "MADAME", lastName: "Zébulonne", firstName: "Apolline", birthDate: new Date("1990-05-17"), addressLine: "12 rue des Corons",
      postalCode: "62300", city: "Lens", inseeCode: "62498", phone: "0612345678", email: "apolline.zebulonne@exemple.fr", franceTravailId: "FT998877",
      transportModes: ["VOITURE", "VELO"], maxTravelMinutes: 45, mobilityScope: "DEPARTEMENT", mobilityCodes: ["62"], supportNeeds: ["LOGEMENT"],
      supportNeedsOther: "besoin-autre-xyz", lastClassAttended: "terminale-xyz", diplomasObtained: "bac-pro-xyz", diplomasInProgress: "bts-xyz",
      trainingType: "formation-xyz", trainingStartDate: new Date("2026-01-05"), employmentSituation: "SALARIE", inActivity: false, monthsWithoutEmployment: 7,
      contractType: "CDI", wantsChange: true, situationDuringFollowUp: "situation-xyz", desiredRomeCodes: ["N1103"], desiredJobLabel: "cariste-xyz",
      experiences: "experiences-xyz", skillLanguages: "anglais-xyz", skillCertifications: "caces-xyz", skillProfessionalLicences: "permis-b-xyz",
      skillIt: "bureautique-xyz", csp: false, rsa: true, rqth: false, indemnise: true, strengthsAndObstacles: "atouts-xyz", origin: "NUMERO_VERT",
      referentId, informedAt: new Date("2026-01-02T09:00:00Z"), informedChannel: "EN_PERSONNE", lastContactAt: new Date("2026-11-01T09:00:00Z"),
      createdById: referentId,
    },
  });
}

async function setup() {
  await createRuleSets(db);
  const platform = await createPlatform(db, "Plateforme Droits");
  const other = await createPlatform(db, "Plateforme Ailleurs");
  const dpo = await principal(db, "DPO", { allPlatforms: true });
  const referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
  const assistant = await platformUser(db, "PLATFORM_ASSISTANT", platform.id);
  const person = await fullyFilledSeeker(platform.id, referent.id);
  return { platform, other, dpo, assistant, person };
}

const receive = (dpo: Awaited<ReturnType<typeof setup>>["dpo"], kind: "ACCESS" | "ERASURE" | "RESTRICTION" | "RECTIFICATION" | "PORTABILITY", jobSeekerId?: string) =>
  createRightsRequest(db, dpo, { kind, requesterName: "Apolline Zébulonne", channel: "COURRIER", receivedAt: new Date("2026-11-18T09:00:00Z"), jobSeekerId }, {}, NOW);

describe("rights requests", () => {
  it("registers a request with its clocks from the DEADLINES rule set, audited, and finds the person in scope", async () => {
    const { dpo, person } = await setup();
    const found = await searchSubjects(db, dpo, "zébulonne");
    expect(found.map((f) => f.id)).toEqual([person.id]);
    const r = await receive(dpo, "ACCESS", person.id);
    expect(r.status).toBe("RECEIVED");
    expect(r.jobSeeker?.id).toBe(person.id);
    expect(r.clocks.find((c) => c.name === "forward")!.dueAt).toBe("2026-11-21T09:00:00.000Z");
    expect(r.dueAt).toBe("2026-12-18T22:59:59.999Z");
    expect(await db.auditEvent.count({ where: { action: "rights.created", entityId: r.id, actorId: dpo.id } })).toBe(1);
    // Three days later the forwarding is overdue and the list says so.
    const later = new Date("2026-11-22T10:00:00Z");
    const overdue = await listRightsRequests(db, dpo, { page: 1, pageSize: 10, overdue: "true" }, later);
    expect(overdue.items.map((i) => i.id)).toEqual([r.id]);
    expect(overdue.items[0]!.next?.countdown).toMatch(/^en retard de /);
  });

  it("access: the HTML document shows every column of JobSeeker and the related records, and the export is audited", async () => {
    const { dpo, assistant, person } = await setup();
    await addInteraction(db, assistant, person.id, { kind: "APPEL", at: new Date("2026-11-02T09:00:00Z"), summary: "appel-resume-xyz" }, {}, NOW);
    const r = await receive(dpo, "ACCESS", person.id);
    const doc = await exportSubjectData(db, dpo, r.id, "html", {}, NOW);
    expect(doc.contentType).toMatch(/text\/html/);
    const row = (await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } })) as Record<string, unknown>;
    const fields = Object.values(Prisma.JobSeekerScalarFieldEnum);
    expect(fields.length).toBeGreaterThan(50);
    for (const f of fields) {
      expect(doc.body, `column ${f}`).toContain(`data-field="${f}"`);
      const v = row[f];
      if (v !== null && (typeof v === "string" || typeof v === "number")) expect(doc.body, `value of ${f}`).toContain(String(v));
    }
    expect(doc.body).toContain("appel-resume-xyz");
    expect(doc.body).toContain("jobSeeker.exported");
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.exported", entityId: person.id, actorId: dpo.id } })).toBe(1);
  });

  it("portability: the same data as JSON and CSV", async () => {
    const { dpo, person } = await setup();
    const r = await receive(dpo, "PORTABILITY", person.id);
    const json = JSON.parse((await exportSubjectData(db, dpo, r.id, "json", {}, NOW)).body) as { person: Record<string, unknown> };
    for (const f of Object.values(Prisma.JobSeekerScalarFieldEnum)) expect(json.person, f).toHaveProperty(f);
    expect(json.person.email).toBe("apolline.zebulonne@exemple.fr");
    const csv = (await exportSubjectData(db, dpo, r.id, "csv", {}, NOW)).body;
    for (const f of Object.values(Prisma.JobSeekerScalarFieldEnum)) expect(csv, f).toContain(`;${f};`);
    expect(csv).toContain("FT998877");
  });

  it("names the files of an access or portability answer after the day in Paris, not the UTC day", async () => {
    const { dpo, person } = await setup();
    const r = await receive(dpo, "PORTABILITY", person.id);
    // 30 November, 23:30 UTC = 1 December, 00:30 in Paris.
    const late = new Date("2026-11-30T23:30:00Z");
    expect((await exportSubjectData(db, dpo, r.id, "json", {}, late)).filename).toBe("donnees-2026-12-01.json");
    expect((await exportSubjectData(db, dpo, r.id, "csv", {}, late)).filename).toBe("donnees-2026-12-01.csv");
    expect((await exportSubjectData(db, dpo, r.id, "html", {}, late)).filename).toBe("acces-2026-12-01.html");
  });

  it("erasure: destroys at once through the retention's destruction, audited as such", async () => {
    const { dpo, person } = await setup();
    const r = await receive(dpo, "ERASURE", person.id);
    await expect(applyRightsAction(db, dpo, r.id, { action: "erase" } as never, {}, NOW)).rejects.toMatchObject({ status: 400 });
    const done = await applyRightsAction(db, dpo, r.id, { action: "erase", confirm: true }, {}, NOW);
    expect(done.status).toBe("ANSWERED");
    const after = await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.lifecycle).toBe("DESTROYED");
    expect([after.lastName, after.firstName, after.email, after.phone, after.birthDate, after.franceTravailId]).toEqual([null, null, null, null, null, null]);
    // Every value the fixture filled (the « -xyz » free texts included), in every column of every table.
    expect(await findAnywhere(db, ["Zébulonne", "Apolline", "apolline.zebulonne@exemple.fr", "0612345678", "FT998877", "12 rue des Corons", "1990-05-17", "17/05/1990", "-xyz"])).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "retention.jobSeeker.destroy", entityId: person.id, metadata: { path: ["rightsRequestId"], equals: r.id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "rights.erase", entityId: r.id } })).toBe(1);
    // The request survives as proof, without the requester's name.
    expect((await db.rightsRequest.findUniqueOrThrow({ where: { id: r.id } })).requesterName).toBeNull();
  });

  it("erasure leaves no identifying value of the person in any column of any table (issue 15 §1)", { timeout: 120_000 }, async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db, "Plateforme Effacement");
    const seeded = await seedPersonEverywhere(db, platform.id, new Date("2026-11-02T09:00:00Z"));
    expect(await findAnywhere(db, personMarkers())).toEqual(PERSON_PLACES);
    const r = await createRightsRequest(db, seeded.dpo, { kind: "ERASURE", requesterName: `${PERSON.firstName} ${PERSON.lastName}`, requesterContact: PERSON.email, channel: "EMAIL", receivedAt: new Date("2026-11-18T09:00:00Z"), jobSeekerId: seeded.jobSeekerId }, {}, NOW);
    const done = await applyRightsAction(db, seeded.dpo, r.id, { action: "erase", confirm: true }, {}, NOW);
    expect(done.status).toBe("ANSWERED");
    expect(await explainTraces(db, personMarkers())).toEqual([]);
    // The request stays as proof, kind and dates kept.
    expect(await db.rightsRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ kind: "ERASURE", requesterName: null, requesterContact: null, status: "ANSWERED" });
  });

  it("restriction freezes the record (no edit, no interaction, no proposal, visible flag) until the DPO lifts it", async () => {
    const { dpo, assistant, person, platform } = await setup();
    const offer = await createOffer(db, platform.id);
    const r = await receive(dpo, "RESTRICTION", person.id);
    const restricted = await applyRightsAction(db, dpo, r.id, { action: "restrict" }, {}, NOW);
    expect(restricted.jobSeeker?.restricted).toBe(true);
    const current = await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } });
    await expect(updateJobSeeker(db, assistant, person.id, updateJobSeekerSchema.parse({ version: current.version, desiredJobLabel: "autre" }), {}, NOW)).rejects.toMatchObject({ status: 422 });
    await expect(addInteraction(db, assistant, person.id, { kind: "APPEL", at: NOW, summary: "x" }, {}, NOW)).rejects.toMatchObject({ status: 422 });
    await expect(createProposal(db, assistant, { kind: "JOB", jobSeekerId: person.id, offerId: offer.id } as never, {}, NOW)).rejects.toMatchObject({ status: 422 });
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.restricted", entityId: person.id } })).toBe(1);
    const lifted = await applyRightsAction(db, dpo, r.id, { action: "unrestrict" }, {}, NOW);
    expect(lifted.jobSeeker?.restricted).toBe(false);
    const v = (await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } })).version;
    await expect(updateJobSeeker(db, assistant, person.id, updateJobSeekerSchema.parse({ version: v, desiredJobLabel: "autre" }), {}, NOW)).resolves.toMatchObject({ id: person.id });
  });

  it("rectification keeps the history: changed field names in the audit, previous values for the DPO only", async () => {
    const { dpo, assistant, person } = await setup();
    const r = await receive(dpo, "RECTIFICATION", person.id);
    await updateJobSeeker(db, assistant, person.id, updateJobSeekerSchema.parse({ version: person.version, email: "nouvelle.adresse@exemple.fr", desiredJobLabel: "cariste-xyz" }), {}, NOW);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.updated", entityId: person.id } });
    expect((audit.metadata as { changed: string[] }).changed).toEqual(["email"]);
    expect(JSON.stringify(audit.metadata)).not.toContain("apolline.zebulonne@exemple.fr");
    const revisions = await listRevisions(db, dpo, r.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.changedFields).toEqual(["email"]);
    expect(revisions[0]!.before).toEqual({ email: "apolline.zebulonne@exemple.fr" });
    await applyRightsAction(db, dpo, r.id, { action: "controllerOrder", at: NOW }, {}, NOW);
    const executed = await applyRightsAction(db, dpo, r.id, { action: "execute" }, {}, NOW);
    expect(executed.clocks.find((c) => c.name === "order")!.doneAt).not.toBeNull();
    // Destruction erases the previous versions too.
    const erasure = await receive(dpo, "ERASURE", person.id);
    await applyRightsAction(db, dpo, erasure.id, { action: "erase", confirm: true }, {}, NOW);
    expect(await db.jobSeekerRevision.count({ where: { jobSeekerId: person.id } })).toBe(0);
  });

  it("is carried out by the DPO only; a DPO limited to some platforms does not see the others' requests", async () => {
    const { dpo, assistant, person, other } = await setup();
    const r = await receive(dpo, "ACCESS", person.id);
    // Issue 22: the platform follows the requests about its people, but access/portability are the DPO's.
    expect((await listRightsRequests(db, assistant, { page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([r.id]);
    await expect(applyRightsAction(db, assistant, r.id, { action: "answer", response: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(exportSubjectData(db, assistant, r.id, "html")).rejects.toMatchObject({ status: 403 });
    const localDpo = await principal(db, "DPO", { platformIds: [other.id] });
    await expect(getRightsRequest(db, localDpo, r.id)).rejects.toMatchObject({ status: 404 });
    expect(await searchSubjects(db, localDpo, "zébulonne")).toEqual([]);
  });
});
