import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getJobSeeker, listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { createJobSeekerSchema, jobSeekerListQuerySchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { addInteraction, createJobSeeker, updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createRuleSets, principal, seekerForm } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
const purpose = { purpose: "Suivi du demandeur d'emploi" };

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function lensSetup() {
  const lens = await createPlatform(db, "Lens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  return { lens, assistant };
}

describe("création d'un demandeur d'emploi", () => {
  it("crée la fiche sur la plateforme de l'utilisateur, dérive le dernier contact et l'audite", async () => {
    const { lens, assistant } = await lensSetup();
    const r = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm()), {}, now);
    expect(r.status).toBe("CREATED");
    const id = r.status === "CREATED" ? r.id : "";
    const row = await db.jobSeeker.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ platformId: lens.id, lastName: "Lefèvre", franceTravailId: "1234567A", lastContactAt: now, createdById: assistant.id, lifecycle: "ACTIVE" });
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.created", entityId: id, actorId: assistant.id } })).toBe(1);
  });

  it("refuse une personne de moins de 16 ans ou née dans le futur, avec un message sur le champ", async () => {
    const { assistant } = await lensSetup();
    for (const birthDate of ["2012-01-01", "2027-01-01"]) {
      const err = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm({ birthDate })), {}, now).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fields?.birthDate?.[0]).toMatch(/16 ans|futur/);
    }
    expect(await db.jobSeeker.count()).toBe(0);
  });

  it("signale un doublon probable (nom sans accent + date de naissance) et crée seulement après confirmation", async () => {
    const { assistant } = await lensSetup();
    await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm()), {}, now);
    const again = createJobSeekerSchema.parse(seekerForm({ lastName: "LEFEVRE", firstName: "elodie", email: "autre@exemple.fr", franceTravailId: "" }));
    const r = await createJobSeeker(db, assistant, again, {}, now);
    expect(r.status).toBe("DUPLICATES");
    expect(r.status === "DUPLICATES" && r.duplicates[0]!.reasons).toEqual(["NAME_BIRTH_DATE"]);
    expect(await db.jobSeeker.count()).toBe(1);
    const confirmed = await createJobSeeker(db, assistant, { ...again, confirmNotDuplicate: true }, {}, now);
    expect(confirmed.status).toBe("CREATED");
    expect(await db.jobSeeker.count()).toBe(2);
  });

  it("ne cherche pas les doublons hors de la plateforme de l'utilisateur", async () => {
    const { assistant } = await lensSetup();
    const amiens = await createPlatform(db, "Amiens");
    const other = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
    await createJobSeeker(db, other, createJobSeekerSchema.parse(seekerForm()), {}, now);
    const r = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm()), {}, now);
    expect(r.status).toBe("CREATED");
  });
});

describe("modification : verrouillage optimiste", () => {
  it("incrémente la version et refuse une modification sur une version périmée", async () => {
    const { assistant } = await lensSetup();
    const r = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm()), {}, now);
    const id = r.status === "CREATED" ? r.id : "";
    const first = await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 1, city: "Liévin" }), {}, now);
    expect(first.version).toBe(2);
    const stale = await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 1, city: "Avion" }), {}, now).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id } })).city).toBe("Liévin");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.updated", entityId: id } });
    // Submitted fields and, among them, those whose value really changed (names only, never values).
    expect(audit.metadata).toEqual({ fields: ["city"], changed: ["city"] });
  });
});

describe("lecture : périmètre et audit de chaque accès", () => {
  it("chaque lecture de fiche et chaque liste laisse un événement d'audit avec le motif", async () => {
    const { lens, assistant } = await lensSetup();
    const a = await seedPerson(db, lens.id);
    const b = await seedPerson(db, lens.id);
    const before = await db.auditEvent.count();
    await getJobSeeker(db, assistant, a.id, purpose);
    await getJobSeeker(db, assistant, b.id, purpose);
    await getJobSeeker(db, assistant, a.id, purpose);
    const list = await listJobSeekers(db, assistant, jobSeekerListQuerySchema.parse({}), { purpose: "Liste des demandeurs" });
    expect(list.total).toBe(2);
    expect(await db.auditEvent.count()).toBe(before + 4);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.read", entityId: a.id, actorId: assistant.id, reason: purpose.purpose } })).toBe(2);
    const listEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.list" } });
    expect(listEvent.metadata).toMatchObject({ count: 2, total: 2 });
  });

  it("hors périmètre = introuvable ; archivé = invisible ; finances = interdit", async () => {
    const { lens, assistant } = await lensSetup();
    const amiens = await createPlatform(db, "Amiens");
    const elsewhere = await seedPerson(db, amiens.id);
    const archived = await seedPerson(db, lens.id, { lifecycle: "ARCHIVED" });
    await expect(getJobSeeker(db, assistant, elsewhere.id, purpose)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJobSeeker(db, assistant, archived.id, purpose)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listJobSeekers(db, assistant, jobSeekerListQuerySchema.parse({}), purpose)).total).toBe(0);
    const finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
    await expect(listJobSeekers(db, finance, jobSeekerListQuerySchema.parse({}), purpose)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "jobSeeker.read" } } })).toBe(0);
  });

  it("un référent voit son portefeuille, toutes plateformes, et rien d'autre", async () => {
    const { lens } = await lensSetup();
    const amiens = await createPlatform(db, "Amiens");
    const referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
    const mine1 = await seedPerson(db, lens.id, { referentId: referent.id });
    await seedPerson(db, amiens.id, { referentId: referent.id });
    const notMine = await seedPerson(db, lens.id);
    const list = await listJobSeekers(db, referent, jobSeekerListQuerySchema.parse({}), purpose);
    expect(list.total).toBe(2);
    await expect(getJobSeeker(db, referent, mine1.id, purpose)).resolves.toMatchObject({ id: mine1.id });
    await expect(getJobSeeker(db, referent, notMine.id, purpose)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("échanges et dernier contact", () => {
  it("un échange daté met à jour le dernier contact ; un échange futur est refusé", async () => {
    const { lens, assistant } = await lensSetup();
    const p = await seedPerson(db, lens.id);
    await db.jobSeeker.update({ where: { id: p.id }, data: { createdAt: new Date("2026-01-01"), lastContactAt: new Date("2026-01-01") } });
    const at = new Date("2026-11-20T14:00:00Z");
    const r = await addInteraction(db, assistant, p.id, { kind: "APPEL", at, summary: "Point sur les candidatures" }, {}, now);
    expect(r.lastContactAt).toBe(at.toISOString());
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt).toEqual(at);
    await expect(addInteraction(db, assistant, p.id, { kind: "APPEL", at: new Date("2026-12-01"), summary: "x" }, {}, now)).rejects.toBeInstanceOf(ValidationError);
  });
});
