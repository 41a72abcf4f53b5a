// Issue 22 §2: the information notice given at collection. Région convention annex 1 art. 3.3:
// « Le Sous-traitant, au moment de la collecte des données, doit fournir aux personnes concernées
// … l'information relative aux Traitements … La formulation et le format de l'information doivent
// être convenus avec le Responsable de traitement avant la collecte de données. » France Travail
// convention art. 11 and annex 1 point 11: « Informer les personnes concernées de la transmission
// de leurs données à France Travail ».
import { beforeEach, describe, expect, it } from "vitest";
import { UnprocessableError } from "@/lib/errors";
import { createJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { createJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { informJobSeeker } from "@/lib/notices/information.service";
import { currentNotice } from "@/lib/notices/notice.service";
import { informJobSeekerSchema } from "@/lib/notices/notice.schema";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal, seekerForm } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function setup() {
  const lens = await createPlatform(db, "Lens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const r = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm({ email: "personne.informee@exemple.fr" })), {}, now);
  if (r.status !== "CREATED") throw new Error("création refusée");
  return { lens, assistant, id: r.id };
}

describe("notice d'information (annexe 1 art. 3.3 ; convention France Travail art. 11)", () => {
  it("the notices of version 1 are data written by the migration, one per kind", async () => {
    for (const kind of ["JOB_SEEKER", "COMPANY_CONTACT", "CHEF_DE_FILE", "FRANCE_TRAVAIL", "CONFIDENTIALITY"] as const) {
      const n = await currentNotice(db, kind, now);
      expect(n, kind).not.toBeNull();
      expect(n!.version).toBeGreaterThanOrEqual(1);
    }
    expect((await currentNotice(db, "JOB_SEEKER", now))!.body).toMatch(/Région Hauts-de-France/);
    expect((await currentNotice(db, "FRANCE_TRAVAIL", now))!.body).toMatch(/contact-dpd\.00148@francetravail\.fr/);
  });

  it("a job seeker created keeps the version of the notice in force", async () => {
    const { id } = await setup();
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id } })).informedNoticeVersion).toBe(1);
  });

  it("sent by e-mail: the outbox carries the notice to the person; the record keeps version, date and channel; audited", async () => {
    const { assistant, id } = await setup();
    const later = new Date("2026-11-24T09:00:00Z");
    const r = await informJobSeeker(db, assistant, id, informJobSeekerSchema.parse({ kind: "JOB_SEEKER", channel: "EMAIL" }), {}, later);
    expect(r).toMatchObject({ kind: "JOB_SEEKER", version: 1, channel: "EMAIL" });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { purpose: "notice" } });
    expect(mail.to).toBe("personne.informee@exemple.fr");
    expect(mail.subject).toBe("Information sur le traitement de vos données personnelles");
    expect(mail.text).toContain("Vos droits");
    expect(mail.text).toContain("version 1");
    const row = await db.jobSeeker.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ informedAt: later, informedChannel: "EMAIL", informedNoticeVersion: 1 });
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.informed", entityId: id } })).toBe(1);
  });

  it("France Travail notice: its own date and version; a new version is the one given from its date", async () => {
    const { assistant, id } = await setup();
    await db.noticeText.create({ data: { kind: "FRANCE_TRAVAIL", version: 99, title: "Transmission à France Travail (v99)", body: "Texte révisé.", validFrom: new Date("2026-11-01T00:00:00Z") } });
    try {
      await informJobSeeker(db, assistant, id, informJobSeekerSchema.parse({ kind: "FRANCE_TRAVAIL", channel: "EN_PERSONNE" }), {}, now);
      const row = await db.jobSeeker.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ ftInformedAt: now, ftInformedNoticeVersion: 99, informedChannel: "EN_PERSONNE" });
      expect(await db.outboxEmail.count()).toBe(0);
    } finally {
      await db.noticeText.deleteMany({ where: { kind: "FRANCE_TRAVAIL", version: 99 } });
    }
  });

  it("by e-mail without an address on the record: a French 422, nothing recorded", async () => {
    const { assistant, id } = await setup();
    await db.jobSeeker.update({ where: { id }, data: { email: null } });
    const err = await informJobSeeker(db, assistant, id, informJobSeekerSchema.parse({ kind: "JOB_SEEKER", channel: "EMAIL" }), {}, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableError);
    expect((err as Error).message).toMatch(/adresse e-mail/);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.informed" } })).toBe(0);
  });

  it("another platform's person is not found", async () => {
    const { id } = await setup();
    const other = await createPlatform(db, "Amiens");
    const stranger = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [other.id] });
    await expect(informJobSeeker(db, stranger, id, informJobSeekerSchema.parse({ kind: "JOB_SEEKER", channel: "EN_PERSONNE" }), {}, now)).rejects.toThrow(/introuvable/);
  });
});
