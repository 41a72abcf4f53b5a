// Issue 22 §2 « for company contacts and chefs de file too » and §7 (versions from the administration).
// Région convention, annex 1 art. 3.3: « Le Sous-traitant, au moment de la collecte des données, doit
// fournir aux personnes concernées … l'information relative aux Traitements … La formulation et le
// format de l'information doivent être convenus avec le Responsable de traitement ». Annex 1 art.
// 3.10.1: « un engagement de confidentialité », each new version accepted again.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { listNoticeVersions, publishNotice } from "@/lib/notices/notice-admin.service";
import { currentNotice } from "@/lib/notices/notice.service";
import { publishNoticeSchema } from "@/lib/notices/notice.schema";
import { getPersonInformation, informPerson } from "@/lib/notices/person-information.service";
import { acceptCharter } from "@/lib/users/user.service";
import { createCompany, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
let lensId = "";
let amiensId = "";

async function principal(role: Parameters<typeof createUser>[1]["role"], platformIds: string[] = [lensId]): Promise<CurrentUser> {
  return (await loadPrincipal(db, (await createUser(db, { role, platformIds, allPlatforms: role === "DPO" || role === "REGION_REFERENT" })).id))!;
}

async function contactOf(platformId: string, proEmail: string | null) {
  const company = await createCompany(db, platformId);
  const contact = await db.companyContact.create({ data: { platformId, companyId: company.id, lastName: "Durand", firstName: "Claire", jobTitle: "DRH", proEmail } });
  return { companyId: company.id, contactId: contact.id };
}

async function chefOf(platformId: string, proEmail: string | null) {
  return db.chefDeFile.create({ data: { platformId, lastName: "Martin", firstName: "Paul", sector: "Logistique", proEmail } });
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  lensId = (await createPlatform(db, "Lens-Liévin")).id;
  amiensId = (await createPlatform(db, "Amiénois")).id;
});

// Versions published here are removed (the migration's version 1 stays) so other files see the texts as shipped.
afterAll(() => resetDb());

describe("notice d'information des contacts d'entreprise et des chefs de file (annexe 1 art. 3.3)", () => {
  it("contact : envoyée par courriel via la file d'envoi ; la fiche garde version, date et canal ; audité", async () => {
    const assistant = await principal("PLATFORM_ASSISTANT");
    const { companyId, contactId } = await contactOf(lensId, "claire.durand@entreprise.fr");
    const result = await informPerson(db, assistant, "COMPANY_CONTACT", contactId, { channel: "EMAIL" }, { companyId, requestId: "req-c" }, now);
    const notice = (await currentNotice(db, "COMPANY_CONTACT", now))!;
    expect(result).toEqual({ kind: "COMPANY_CONTACT", version: notice.version, channel: "EMAIL", informedAt: now.toISOString() });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { purpose: "notice" } });
    expect(mail.to).toBe("claire.durand@entreprise.fr");
    expect(mail.subject).toBe(notice.title);
    expect(mail.text).toContain("coordonnées professionnelles");
    const row = await db.companyContact.findUniqueOrThrow({ where: { id: contactId } });
    expect(row).toMatchObject({ informedAt: now, informedChannel: "EMAIL", informedNoticeVersion: notice.version, version: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "companyContact.informed", entityId: contactId } });
    expect(event).toMatchObject({ actorId: assistant.id, platformId: lensId, requestId: "req-c" });
    expect(event.metadata).toEqual({ kind: "COMPANY_CONTACT", version: notice.version, channel: "EMAIL" });
  });

  it("chef de file : remise en personne enregistrée sans courriel ; la page imprimable relit ce qui a été remis (lecture journalisée)", async () => {
    const manager = await principal("PLATFORM_MANAGER");
    const chef = await chefOf(lensId, null);
    await informPerson(db, manager, "CHEF_DE_FILE", chef.id, { channel: "EN_PERSONNE" }, {}, now);
    expect(await db.outboxEmail.count()).toBe(0);
    const info = await getPersonInformation(db, manager, "CHEF_DE_FILE", chef.id);
    expect(info).toMatchObject({ name: "Martin Paul", informedAt: now.toISOString(), informedChannel: "EN_PERSONNE", informedNoticeVersion: 1 });
    expect(await db.auditEvent.count({ where: { action: "chefDeFile.read", entityId: chef.id, reason: "Notice d'information de la personne" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "chefDeFile.informed", entityId: chef.id } })).toBe(1);
  });

  it("par courriel sans adresse professionnelle : refus clair (422), rien d'écrit", async () => {
    const assistant = await principal("PLATFORM_ASSISTANT");
    const chef = await chefOf(lensId, null);
    await expect(informPerson(db, assistant, "CHEF_DE_FILE", chef.id, { channel: "EMAIL" }, {}, now)).rejects.toMatchObject({
      status: 422, message: "La fiche n'a pas d'adresse e-mail professionnelle : imprimez la notice ou choisissez un autre canal.",
    });
    expect((await db.chefDeFile.findUniqueOrThrow({ where: { id: chef.id } })).informedAt).toBeNull();
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("une fiche d'une autre plateforme, ou un contact rattaché à une autre entreprise, est introuvable (404)", async () => {
    const assistant = await principal("PLATFORM_ASSISTANT");
    const foreign = await contactOf(amiensId, "x@amiens.fr");
    await expect(informPerson(db, assistant, "COMPANY_CONTACT", foreign.contactId, { channel: "TELEPHONE" }, { companyId: foreign.companyId }, now)).rejects.toMatchObject({ status: 404 });
    const foreignChef = await chefOf(amiensId, null);
    await expect(informPerson(db, assistant, "CHEF_DE_FILE", foreignChef.id, { channel: "TELEPHONE" }, {}, now)).rejects.toMatchObject({ status: 404 });
    const own = await contactOf(lensId, null);
    const otherCompany = await createCompany(db, lensId);
    await expect(informPerson(db, assistant, "COMPANY_CONTACT", own.contactId, { channel: "TELEPHONE" }, { companyId: otherCompany.id }, now)).rejects.toMatchObject({ status: 404 });
    expect(await db.auditEvent.count({ where: { action: { in: ["companyContact.informed", "chefDeFile.informed"] } } })).toBe(0);
  });

  it("la remise suit la version en vigueur : après une nouvelle version, la fiche garde celle remise, la suivante reçoit la nouvelle", async () => {
    const dpo = await principal("DPO", []);
    const assistant = await principal("PLATFORM_ASSISTANT");
    const { companyId, contactId } = await contactOf(lensId, null);
    await informPerson(db, assistant, "COMPANY_CONTACT", contactId, { channel: "COURRIER" }, { companyId }, now);
    await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "COMPANY_CONTACT", title: "Information des contacts (v2)", body: "Nouveau texte convenu avec le responsable de traitement pour les contacts d'entreprise." }), {}, now);
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: contactId } })).informedNoticeVersion).toBe(1);
    const second = await contactOf(lensId, null);
    const later = new Date(now.getTime() + 60_000);
    expect((await informPerson(db, assistant, "COMPANY_CONTACT", second.contactId, { channel: "TELEPHONE" }, { companyId: second.companyId }, later)).version).toBe(2);
  });
});

describe("nouvelles versions des notices et de l'engagement depuis l'administration (annexe 1 art. 3.3, 3.10.1)", () => {
  it("seuls le DPO et l'administrateur publient ; une publication ajoute une ligne, la précédente reste inchangée ; auditée", async () => {
    const dpo = await principal("DPO", []);
    const admin = await principal("ADMIN", []);
    const before = await db.noticeText.findUniqueOrThrow({ where: { kind_version: { kind: "JOB_SEEKER", version: 1 } } });
    const v2 = await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "JOB_SEEKER", title: "Vos données personnelles (v2)", body: "Texte mis à jour avec le responsable de traitement : finalités, durées, droits et contacts." }), { requestId: "req-n" }, now);
    expect(v2).toMatchObject({ kind: "JOB_SEEKER", version: 2, inForce: true, validFrom: now.toISOString() });
    const v3 = await publishNotice(db, admin, publishNoticeSchema.parse({ kind: "JOB_SEEKER", title: "Vos données personnelles (v3)", body: "Troisième version du texte, convenue avec le responsable de traitement, en vigueur plus tard.", validFrom: "2027-01-01" }), {}, now);
    expect(v3).toMatchObject({ version: 3, inForce: false });
    expect(await db.noticeText.findUniqueOrThrow({ where: { kind_version: { kind: "JOB_SEEKER", version: 1 } } })).toEqual(before);
    expect((await currentNotice(db, "JOB_SEEKER", now))!.version).toBe(2);
    expect((await currentNotice(db, "JOB_SEEKER", new Date("2027-01-02T00:00:00Z")))!.version).toBe(3);
    const listed = (await listNoticeVersions(db, dpo, now)).filter((v) => v.kind === "JOB_SEEKER");
    expect(listed.map((v) => [v.version, v.inForce])).toEqual([[3, false], [2, true], [1, false]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "notice.published", actorId: dpo.id } });
    expect(event.metadata).toEqual({ kind: "JOB_SEEKER", version: 2, validFrom: now.toISOString(), previous: 1 });
    expect(event.requestId).toBe("req-n");
    for (const role of ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER", "REGION_REFERENT", "REGION_FINANCE", "FRANCE_TRAVAIL_REVIEWER"] as const) {
      const user = await principal(role, role === "FRANCE_TRAVAIL_REVIEWER" || role === "REGION_FINANCE" ? [] : [lensId]);
      await expect(publishNotice(db, user, publishNoticeSchema.parse({ kind: "JOB_SEEKER", title: "Tentative", body: "Un texte suffisamment long pour passer la validation du schéma de publication." }), {}, now), role).rejects.toMatchObject({ status: 403 });
      await expect(listNoticeVersions(db, user, now), role).rejects.toMatchObject({ status: 403 });
    }
  });

  it("refuse une date passée et une date antérieure à la dernière version (400, en français)", async () => {
    const dpo = await principal("DPO", []);
    const body = "Un texte suffisamment long pour passer la validation du schéma de publication.";
    await expect(publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2026-11-01" }), {}, now)).rejects.toMatchObject({
      status: 400, fields: { validFrom: ["La date d'entrée en vigueur ne peut pas être passée."] },
    });
    await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2027-03-01" }), {}, now);
    await expect(publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2027-02-01" }), {}, now)).rejects.toMatchObject({
      status: 400, fields: { validFrom: ["La version 2 entre en vigueur le 2027-03-01 : la nouvelle version ne peut pas la précéder."] },
    });
    expect(publishNoticeSchema.safeParse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body: "court" }).success).toBe(false);
  });

  it("« aujourd'hui » est le jour de Paris : à 0 h 30 à Paris (23 h 30 UTC la veille), la version datée du jour entre en vigueur aussitôt et celle de la veille est refusée", async () => {
    const dpo = await principal("DPO", []);
    const body = "Un texte suffisamment long pour passer la validation du schéma de publication.";
    const late = new Date("2026-11-30T23:30:00Z");
    await expect(publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2026-11-30" }), {}, late)).rejects.toMatchObject({
      status: 400, fields: { validFrom: ["La date d'entrée en vigueur ne peut pas être passée."] },
    });
    const today = await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2026-12-01" }), {}, late);
    expect(today).toMatchObject({ validFrom: late.toISOString(), inForce: true });
  });

  it("une version datée d'un jour entre en vigueur à minuit à Paris ce jour-là (pas à minuit UTC) ; le refus nomme ce jour", async () => {
    const dpo = await principal("DPO", []);
    const body = "Un texte suffisamment long pour passer la validation du schéma de publication.";
    const v2 = await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2027-03-01" }), {}, now);
    expect(v2.validFrom).toBe("2027-02-28T23:00:00.000Z"); // 00:00 in Paris (winter time)
    // 1 March 2027, 00:30 in Paris: the version of 1 March is in force.
    expect((await currentNotice(db, "CHEF_DE_FILE", new Date("2027-02-28T23:30:00Z")))!.version).toBe(2);
    expect((await currentNotice(db, "CHEF_DE_FILE", new Date("2027-02-28T22:59:59Z")))!.version).toBe(1);
    // The latest version's day in the refusal is its Paris day, 1 March (its UTC day is 28 February).
    await expect(publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2027-02-01" }), {}, now)).rejects.toMatchObject({
      status: 400, fields: { validFrom: ["La version 2 entre en vigueur le 2027-03-01 : la nouvelle version ne peut pas la précéder."] },
    });
    const v3 = await publishNotice(db, dpo, publishNoticeSchema.parse({ kind: "CHEF_DE_FILE", title: "Chefs de file", body, validFrom: "2027-07-01" }), {}, now);
    expect(v3.validFrom).toBe("2027-06-30T22:00:00.000Z"); // 00:00 in Paris (summer time)
  });

  it("une nouvelle version de l'engagement de confidentialité doit être acceptée avant d'accéder aux données", async () => {
    const admin = await principal("ADMIN", []);
    const assistant = await principal("PLATFORM_ASSISTANT");
    expect(can(assistant, "company.read")).toBe(true);
    // In force at once (validFrom = the real clock: the check on each request reads now()).
    await publishNotice(db, admin, publishNoticeSchema.parse({ kind: "CONFIDENTIALITY", title: "Engagement de confidentialité (v2)", body: "Je m'engage à n'utiliser les données que pour la mission Proch'Emploi et à signaler toute violation." }));
    const again = (await loadPrincipal(db, assistant.id))!;
    expect(again.charterAccepted).toBe(false);
    expect(can(again, "company.read")).toBe(false);
    expect(can(again, "profile.view")).toBe(true);
    await acceptCharter(db, again);
    expect((await db.user.findUniqueOrThrow({ where: { id: assistant.id } })).charterVersion).toBe(2);
    const accepted = (await loadPrincipal(db, assistant.id))!;
    expect(accepted.charterAccepted).toBe(true);
    expect(can(accepted, "company.read")).toBe(true);
  });
});
