// Issue 22 — the platforms as processors, on real PostgreSQL and a real local SMTP server:
// a request received or a breach detected by a platform is forwarded at once to the addresses the
// conventions name (admin-editable settings), France Travail's DPO when its data are concerned, the
// clocks start at the platform's receipt/detection, and the DPO then handles it as before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "@/lib/email/outbox.service";
import { createSmtpTransport } from "@/lib/email/transport";
import { createBreach, getBreach, listBreaches } from "@/lib/rights/breach.service";
import { applyRightsAction, createRightsRequest, getRightsRequest, listRightsRequests, searchSubjects } from "@/lib/rights/rights.service";
import { updateSetting } from "@/lib/settings/settings.service";
import { createCompany, createPlatform, createRuleSets, platformUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { parseMail, startSmtpServer } from "@/tests/support/smtp-server";

beforeEach(resetDb);
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

const NOW = new Date("2026-11-20T10:00:00Z");
const RECEIVED = new Date("2026-11-19T08:30:00Z"); // the platform received it 25 h 30 before typing it in
const H = 3_600_000;

async function setup() {
  await createRuleSets(db);
  const platform = await createPlatform(db, "Plateforme Transmission");
  const other = await createPlatform(db, "Plateforme Voisine");
  const assistant = await platformUser(db, "PLATFORM_ASSISTANT", platform.id);
  const outsider = await platformUser(db, "PLATFORM_ASSISTANT", other.id);
  const dpo = await principal(db, "DPO", { allPlatforms: true });
  const admin = await principal(db, "ADMIN");
  const person = await db.jobSeeker.create({ data: { platformId: platform.id, lastName: "Quenouille", firstName: "Berthe", origin: "SPONTANE", lastContactAt: NOW } });
  return { platform, other, assistant, outsider, dpo, admin, person };
}

/** A France Travail-funded project in which the person has a mobility diagnostic (she is in the monthly return). */
async function inFranceTravailProject(platformId: string, jobSeekerId: string) {
  const file = await db.subsidyFile.create({ data: { platformId, year: 2026, funder: "FRANCE_TRAVAIL", status: "SIGNED", signedAt: new Date("2026-02-01") } });
  await db.mobilityDiagnostic.create({ data: { platformId, jobSeekerId, subsidyFileId: file.id, date: new Date("2026-10-01"), diagnosticDone: true } });
}

const outbox = () => db.outboxEmail.findMany({ where: { purpose: "rgpd-forward" }, orderBy: [{ to: "asc" }] });

describe("rights requests recorded by a platform (Région annex 1 art. 3.4; FT annex 1 2.7)", () => {
  it("forwards at once to Proch'Emploi, the Région's DPO and France Travail's DPO, clocks from the receipt, no identity in the e-mail", async () => {
    const { assistant, dpo, person, platform } = await setup();
    await inFranceTravailProject(platform.id, person.id);
    const [found] = await searchSubjects(db, assistant, "quenouille");
    expect(found).toMatchObject({ type: "JOB_SEEKER", id: person.id });
    const r = await createRightsRequest(db, assistant, { kind: "ACCESS", requesterName: "Berthe Quenouille", channel: "SUR_PLACE", receivedAt: RECEIVED, jobSeekerId: person.id }, {}, NOW);

    expect(r).toMatchObject({ status: "FORWARDED", recordedByPlatform: true, concernsFranceTravail: true, forwardedAt: NOW.toISOString(), franceTravailForwardedAt: NOW.toISOString(), platform: "Plateforme Transmission" });
    const clock = (n: string) => r.clocks.find((c) => c.name === n)!;
    expect(clock("forward").dueAt).toBe(new Date(RECEIVED.getTime() + 72 * H).toISOString());
    expect(clock("forward").late).toBe(false);
    expect(clock("franceTravail").dueAt).toBe(new Date(RECEIVED.getTime() + 36 * H).toISOString());
    expect(clock("answer").doneAt).toBeNull();
    expect(r.dueAt).toBe("2026-12-19T22:59:59.999Z"); // 30 days from the receipt, not from the recording

    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual(["contact-dpd.00148@francetravail.fr", "contact@prochemploi.fr", "dpo@hautsdefrance.fr"]);
    for (const m of mails) {
      expect(m.subject).toContain("demande d'exercice de droits (accès) reçue par la plateforme Plateforme Transmission");
      expect(m.text).toContain(`Référence : ${r.id}`);
      expect(m.text).not.toMatch(/Quenouille|Berthe/);
    }
    expect(mails.find((m) => m.to === "contact@prochemploi.fr")!.text).toContain("article 3.4 de l'annexe 1");
    expect(mails.find((m) => m.to === "contact@prochemploi.fr")!.text).toContain(`/rgpd/demandes/${r.id}`);
    const ft = mails.find((m) => m.to.endsWith("@francetravail.fr"))!;
    expect(ft.text).toContain("annexe 1 (point 2.7)");
    expect(ft.text).toContain("canal sécurisé");
    expect(ft.text).not.toContain("/rgpd/demandes/");

    // The DPO sees it in the list with the same clocks, started at the platform's receipt.
    const list = await listRightsRequests(db, dpo, { page: 1, pageSize: 10 }, NOW);
    expect(list.items.map((i) => i.id)).toEqual([r.id]);
    expect(list.items[0]!.receivedAt).toBe(RECEIVED.toISOString());
    expect(list.items[0]!.recordedAt).toBe(NOW.toISOString());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "rights.created", entityId: r.id } });
    expect((audit.metadata as { forwardedTo: string[] }).forwardedTo).toHaveLength(3);

    // Delivered through real SMTP to exactly those addresses.
    smtp = await startSmtpServer();
    const transport = createSmtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, requireTLS: false, from: "SI Proch'Emploi <ne-pas-repondre@test.local>" });
    expect(await deliverOutbox(db, transport, { now: NOW })).toEqual({ sent: 3, failed: 0 });
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(["<contact-dpd.00148@francetravail.fr>", "<contact@prochemploi.fr>", "<dpo@hautsdefrance.fr>"]);
    expect(parseMail(smtp.received[0]!.raw).parts["text/plain"]).toContain("Reçue le 19 novembre 2026");
  });

  it("uses the addresses an administrator set, refuses a bad address and a stale version", async () => {
    const { assistant, admin } = await setup();
    await updateSetting(db, admin, { key: "rgpd.prochEmploiContactEmail", value: "Droits@ProchEmploi.example", version: 0 });
    await expect(updateSetting(db, admin, { key: "rgpd.prochEmploiContactEmail", value: "autre@exemple.fr", version: 0 })).rejects.toMatchObject({ status: 409 });
    await expect(updateSetting(db, admin, { key: "rgpd.regionDpoEmail", value: "pas-une-adresse", version: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(updateSetting(db, assistant, { key: "rgpd.regionDpoEmail", value: "x@y.fr", version: 0 })).rejects.toMatchObject({ status: 403 });
    expect(await db.auditEvent.count({ where: { action: "setting.updated", entityId: "rgpd.prochEmploiContactEmail" } })).toBe(1);

    await createRightsRequest(db, assistant, { kind: "OBJECTION", requesterName: "Un demandeur", channel: "COURRIER", receivedAt: RECEIVED }, {}, NOW);
    expect((await outbox()).map((m) => m.to)).toEqual(["dpo@hautsdefrance.fr", "droits@prochemploi.example"]);
  });

  it("an authority's request (art. 3.5): the controller informed within the rule-set period, no answer clock of ours", async () => {
    const { assistant } = await setup();
    const r = await createRightsRequest(db, assistant, { kind: "AUTHORITY", requesterName: "Tribunal judiciaire de Béthune", channel: "COURRIER", receivedAt: RECEIVED }, {}, NOW);
    expect(r.clocks.map((c) => c.name)).toEqual(["forward"]);
    expect(r.clocks[0]!.dueAt).toBe(new Date(RECEIVED.getTime() + 24 * H).toISOString());
    expect(r.clocks[0]!.late).toBe(true); // recorded 25 h 30 after receipt: the lateness is visible
    const mails = await outbox();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain("article 3.5 de l'annexe 1");
  });

  it("the DPO recording a request itself sends nothing, until it forwards it to France Travail", async () => {
    const { dpo } = await setup();
    const r = await createRightsRequest(db, dpo, { kind: "RECTIFICATION", requesterName: "X", channel: "EMAIL", receivedAt: RECEIVED }, {}, NOW);
    expect(r).toMatchObject({ status: "RECEIVED", recordedByPlatform: false, concernsFranceTravail: false });
    expect(await outbox()).toHaveLength(0);
    const sent = await applyRightsAction(db, dpo, r.id, { action: "forwardFranceTravail" }, {}, NOW);
    expect(sent.concernsFranceTravail).toBe(true);
    expect((await outbox()).map((m) => m.to)).toEqual(["contact-dpd.00148@francetravail.fr"]);
    await expect(applyRightsAction(db, dpo, r.id, { action: "forwardFranceTravail" }, {}, NOW)).rejects.toMatchObject({ status: 422 });
  });

  it("a platform sees only its own requests and cannot act on them; company contacts and chefs de file have the same rights", async () => {
    const { assistant, outsider, dpo, platform } = await setup();
    const company = await createCompany(db, platform.id);
    const contact = await db.companyContact.create({ data: { platformId: platform.id, companyId: company.id, lastName: "Fromentin", firstName: "Louis", proEmail: "l.fromentin@exemple.fr" } });
    const chef = await db.chefDeFile.create({ data: { platformId: platform.id, lastName: "Fromentin", firstName: "Adèle", sector: "BTP" } });
    const found = await searchSubjects(db, assistant, "fromentin");
    expect(found.map((f) => f.type).sort()).toEqual(["CHEF_DE_FILE", "COMPANY_CONTACT"]);
    expect(await searchSubjects(db, outsider, "fromentin")).toEqual([]);

    const r = await createRightsRequest(db, assistant, { kind: "ERASURE", requesterName: "Louis Fromentin", channel: "EMAIL", receivedAt: RECEIVED, companyContactId: contact.id }, {}, NOW);
    expect(r.otherSubject).toMatchObject({ type: "COMPANY_CONTACT", id: contact.id });
    await expect(getRightsRequest(db, outsider, r.id, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(createRightsRequest(db, outsider, { kind: "ACCESS", requesterName: "x", channel: "EMAIL", receivedAt: RECEIVED, chefDeFileId: chef.id }, {}, NOW)).rejects.toMatchObject({ status: 400 });
    await expect(applyRightsAction(db, assistant, r.id, { action: "erase", confirm: true }, {}, NOW)).rejects.toMatchObject({ status: 403 });

    const erased = await applyRightsAction(db, dpo, r.id, { action: "erase", confirm: true }, {}, NOW);
    expect(erased.status).toBe("ANSWERED");
    expect(await db.companyContact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ lastName: null, proEmail: null, lifecycle: "DESTROYED" });

    const o = await createRightsRequest(db, assistant, { kind: "OBJECTION", requesterName: "Adèle Fromentin", channel: "TELEPHONE", receivedAt: RECEIVED }, {}, NOW);
    const linked = await applyRightsAction(db, dpo, o.id, { action: "linkChefDeFile", chefDeFileId: chef.id }, {}, NOW);
    expect(linked.otherSubject).toMatchObject({ type: "CHEF_DE_FILE", id: chef.id });
  });
});

describe("breaches detected by a platform (Région annex 1 art. 3.7; FT annex 1 2.8, art. 11)", () => {
  const breach = {
    detectedAt: new Date("2026-11-19T20:00:00Z"), nature: "Ordinateur portable de la plateforme volé", dataCategories: ["identité", "coordonnées"], peopleCategories: ["demandeurs d'emploi"],
    approxPeople: 120, approxRecords: 120, contact: "Responsable de la plateforme, 03 21 00 00 00", consequences: "Usurpation possible", measures: "Comptes révoqués",
  };

  it("notifies at once with what the conventions require, France Travail with its own 36-hour clock, and the DPO sees it", async () => {
    const { assistant, dpo, outsider } = await setup();
    const b = await createBreach(db, assistant, { ...breach, concernsFranceTravail: true }, {}, NOW);
    expect(b).toMatchObject({ status: "NOTIFIED", notifiedAt: NOW.toISOString(), recordedByPlatform: true, platform: "Plateforme Transmission", late: false });
    expect(b.deadlineAt).toBe(new Date(breach.detectedAt.getTime() + 36 * H).toISOString());
    expect(b.franceTravail).toMatchObject({ dueAt: new Date(breach.detectedAt.getTime() + 36 * H).toISOString(), doneAt: NOW.toISOString() });

    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual(["contact-dpd.00148@francetravail.fr", "contact@prochemploi.fr", "dpo@hautsdefrance.fr"]);
    for (const m of mails) {
      for (const expected of ["Ordinateur portable de la plateforme volé", "identité, coordonnées", "120", "Usurpation possible", "Comptes révoqués", "Responsable de la plateforme"]) expect(m.text).toContain(expected);
    }
    expect(mails.find((m) => m.to === "contact@prochemploi.fr")!.text).toContain("article 3.7");
    expect(mails.find((m) => m.to === "contact@prochemploi.fr")!.text).toContain("par téléphone à la Direction Proch'Emploi");
    expect(mails.find((m) => m.to.endsWith("francetravail.fr"))!.text).toContain("article 11");

    const seen = await getBreach(db, dpo, b.id, NOW);
    expect(seen.detectedAt).toBe(breach.detectedAt.toISOString());
    expect((await listBreaches(db, dpo, { page: 1, pageSize: 10 }, NOW)).items.map((i) => i.id)).toEqual([b.id]);
    expect((await listBreaches(db, outsider, { page: 1, pageSize: 10 }, NOW)).items).toEqual([]);
  });

  it("a breach not about France Travail's data goes to the Région only", async () => {
    const { assistant } = await setup();
    const b = await createBreach(db, assistant, breach, {}, NOW);
    expect(b.franceTravail).toBeNull();
    expect((await outbox()).map((m) => m.to)).toEqual(["contact@prochemploi.fr", "dpo@hautsdefrance.fr"]);
  });
});
