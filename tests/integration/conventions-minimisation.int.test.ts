// Issue 22 §6–7: birth date optional (annex 1 art. 2 lists it, no convention requires it; the
// minimum age applies when it is given) and company-contact reads audited like job-seeker reads
// (annex 1 art. 3.10: « journalisation des événements »).
import { beforeEach, describe, expect, it } from "vitest";
import { findContact, listContacts } from "@/lib/companies/company.query";
import { ValidationError } from "@/lib/errors";
import { createJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { createJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { createCompany, createPlatform } from "@/tests/factories";
import { createRuleSets, principal, seekerForm } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("minimisation et journalisation (issue 22)", () => {
  it("a job seeker may be created without a birth date; one given is still checked against the minimum age", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const r = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm({ birthDate: "" })), {}, now);
    expect(r.status).toBe("CREATED");
    expect((await db.jobSeeker.findFirstOrThrow()).birthDate).toBeNull();
    const err = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm({ birthDate: "2015-01-01", lastName: "Jeune", email: "jeune@exemple.fr", franceTravailId: "7777777Z" })), {}, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(createJobSeekerSchema.safeParse(seekerForm({ birthDate: "pas une date" })).success).toBe(false);
  });

  it("reading a company's contacts, or one contact, leaves an audit event", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const company = await createCompany(db, lens.id);
    const contact = await db.companyContact.create({ data: { platformId: lens.id, companyId: company.id, lastName: "Martin", proEmail: "martin@entreprise.fr" } });
    expect(await listContacts(db, assistant, company.id)).toHaveLength(1);
    await findContact(db, assistant, company.id, contact.id);
    expect(await db.auditEvent.count({ where: { action: "companyContact.listed", entityId: company.id, actorId: assistant.id, platformId: lens.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "companyContact.read", entityId: contact.id, actorId: assistant.id } })).toBe(1);
  });
});
