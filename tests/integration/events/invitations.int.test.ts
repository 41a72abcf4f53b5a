// Issue 20 acceptance (integration): invitations by e-mail (real local SMTP), SMS (real local HTTP
// server speaking Brevo's API) and letter; answers through the public link; capacity under
// concurrent confirmations; delivery reports. Reminders across two instances:
// reminders-instances.int.test.ts; the callback routes over HTTP: delivery-callbacks.int.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "@/lib/email/outbox.service";
import { createSmtpTransport } from "@/lib/email/transport";
import { createEvent, unregisterJobSeeker } from "@/lib/events/event.service";
import { LINK_PROBLEM_MESSAGES, LEGAL_MENTION } from "@/lib/events/invitation.rules";
import { answerInvitation, issueLetters, LinkRefused, matchedChoices, optOut, sendInvitations, viewInvitation } from "@/lib/events/invitation.service";
import { createBrevoProvider } from "@/lib/sms/provider";
import { deliverSms, handleSmsCallback } from "@/lib/sms/sms.service";
import { createCompany, createJobSeeker, createPlatform } from "@/tests/factories";
import { createOffer, createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { parseMail, startSmtpServer } from "@/tests/support/smtp-server";
import { startSmsServer } from "@/tests/support/sms-server";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const DAY = 86_400_000;

async function setup(capacity: number | null = null, days = 10) {
  const lens = await createPlatform(db, "Lens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const date = new Date(Date.now() + days * DAY);
  const { id } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date, place: "Salle des fêtes, Liévin", capacity });
  return { lens, assistant, eventId: id, date };
}

async function seeker(platformId: string, contact: { email?: string; phone?: string }) {
  const p = await createJobSeeker(db, platformId);
  return db.jobSeeker.update({ where: { id: p.id }, data: { email: contact.email ?? null, phone: contact.phone ?? null } });
}

async function contact(platformId: string, email: string) {
  const company = await createCompany(db, platformId);
  return db.companyContact.create({ data: { platformId, companyId: company.id, firstName: "Claire", lastName: "Martin", proEmail: email } });
}

/** The text of a received e-mail (multipart/mixed around multipart/alternative, quoted-printable). */
function textOf(raw: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw.split("\r\n\r\n").slice(1).join("\r\n\r\n"))?.[1];
  const inner = boundary ? raw.slice(raw.indexOf(`--${boundary}`)) : raw;
  const part = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/i.exec(inner)?.[1] ?? "";
  return Buffer.from(part.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}

/** The personal link found in a received message. */
function linkIn(text: string): { e: string; jeton: string } {
  const m = /\/invitation\?e=([0-9a-f-]{36})&jeton=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`aucun lien dans : ${text.slice(0, 200)}`);
  return { e: m[1]!, jeton: decodeURIComponent(m[2]!) };
}

async function smtp() {
  const server = await startSmtpServer();
  closers.push(server.close);
  return { server, transport: createSmtpTransport({ host: "127.0.0.1", port: server.port, secure: false, requireTLS: false, from: "SI Proch'Emploi <ne-pas-repondre@test.local>" }) };
}

async function sms(refuse: string[] = []) {
  const server = await startSmsServer({ apiKey: "cle-de-test", refuse });
  closers.push(server.close);
  return { server, provider: createBrevoProvider({ apiUrl: server.url, apiKey: "cle-de-test", sender: "ProchEmploi", callbackUrl: "http://127.0.0.1/api/sms/callback?secret=x" }) };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LinkRefused) return err.problem;
    throw err;
  }
  throw new Error("la réponse aurait dû être refusée");
}

describe("invitations circuit court", () => {
  it("30 personnes (courriel, SMS, courrier) : tout part par le SMTP et la passerelle SMS locaux, avec l'ICS, la mention RGPD et un lien personnel", async () => {
    const { lens, assistant, eventId } = await setup();
    const { server: mailServer, transport } = await smtp();
    const { server: smsServer, provider } = await sms(["33699999999"]);
    const byEmail = await Promise.all(Array.from({ length: 12 }, (_, i) => seeker(lens.id, { email: `js${i}@exemple.test` })));
    const bySms = await Promise.all(Array.from({ length: 7 }, (_, i) => seeker(lens.id, { phone: `06 12 34 56 ${String(i).padStart(2, "0")}` })));
    const refusedNumber = await seeker(lens.id, { phone: "06 99 99 99 99" });
    const noContact = await Promise.all(Array.from({ length: 5 }, () => seeker(lens.id, {})));
    const contacts = await Promise.all(Array.from({ length: 5 }, (_, i) => contact(lens.id, `rh${i}@entreprise.test`)));

    const r = await sendInvitations(db, assistant, eventId, { jobSeekerIds: [...byEmail, ...bySms, refusedNumber].map((p) => p.id), contactIds: contacts.map((c) => c.id), channels: ["EMAIL", "SMS"] }, {}, new Date(), { sms: provider });
    expect(r.invited).toBe(25);
    expect(r.emails).toBe(17);
    expect(r.sms).toBe(8);
    // Those with only an e-mail are skipped for SMS and the other way round, with the reason.
    expect(r.skipped).toContainEqual({ name: `${byEmail[0]!.firstName} ${byEmail[0]!.lastName}`, reason: "SMS : pas de numéro de portable" });
    const letters = await issueLetters(db, assistant, eventId, { jobSeekerIds: noContact.map((p) => p.id), contactIds: [] });
    expect(letters.pages).toHaveLength(5);
    expect(await db.eventInvitation.count({ where: { eventId } })).toBe(30);

    expect(await deliverOutbox(db, transport)).toEqual({ sent: 17, failed: 0 });
    expect(mailServer.received).toHaveLength(17);
    const raw = mailServer.received.find((m) => m.to.includes("<js0@exemple.test>"))!.raw;
    const mail = parseMail(raw);
    expect(mail.headers.subject).toContain("Invitation : Circuit court logistique");
    expect(textOf(raw)).toContain(`Bonjour ${byEmail[0]!.firstName},`);
    expect(textOf(raw)).toContain(LEGAL_MENTION.slice(0, 60));
    expect(raw).toMatch(/Content-Type: text\/calendar/i);
    expect(raw).toContain("rencontre.ics");
    linkIn(textOf(raw));
    // No link in clear in the database: only hashes.
    const links = await db.invitationLink.findMany({ select: { tokenHash: true } });
    expect(links.every((l) => /^[0-9a-f]{64}$/.test(l.tokenHash))).toBe(true);

    expect(await deliverSms(db, provider)).toEqual({ sent: 7, failed: 1 });
    expect(smsServer.received).toHaveLength(7);
    expect(smsServer.received[0]!.apiKey).toBe("cle-de-test");
    expect(smsServer.received[0]!.body.recipient).toMatch(/^336123456/);
    linkIn(smsServer.received[0]!.body.content);
    // The SMS text (with its link) is gone from the database once handed over.
    expect(await db.invitationMessage.count({ where: { channel: "SMS", body: { not: null } } })).toBe(0);
    const states = await db.invitationMessage.groupBy({ by: ["channel", "state"], _count: true, orderBy: [{ channel: "asc" }, { state: "asc" }] });
    expect(states.map((s) => [s.channel, s.state, s._count])).toEqual(expect.arrayContaining([["EMAIL", "SENT", 17], ["SMS", "SENT", 7], ["SMS", "BOUNCED", 1], ["LETTER", "SENT", 5]]));
    expect(states).toHaveLength(4);

    // Delivery reports from the provider's callback: delivered, then a late « sent » does not go backwards.
    const first = smsServer.received[0]!.messageId;
    expect(await handleSmsCallback(db, { messageId: first, msg_status: "delivered" })).toEqual({ updated: true });
    expect(await handleSmsCallback(db, { messageId: first, msg_status: "sent" })).toEqual({ updated: false });
    expect(await handleSmsCallback(db, { messageId: smsServer.received[1]!.messageId, msg_status: "hard_bounce", description: "Numéro inexistant" })).toEqual({ updated: true });
    expect(await handleSmsCallback(db, { messageId: 424242, msg_status: "delivered" })).toEqual({ updated: false });
    const delivered = await db.invitationMessage.findFirstOrThrow({ where: { providerId: String(first) } });
    expect(delivered.state).toBe("DELIVERED");
    expect((await db.invitationMessage.findFirstOrThrow({ where: { providerId: String(smsServer.received[1]!.messageId) } })).state).toBe("BOUNCED");

    // Every send is audited, one entry per person.
    expect(await db.auditEvent.count({ where: { action: "invitation.sent" } })).toBe(25);
    expect(await db.auditEvent.count({ where: { action: "invitation.letterPrinted" } })).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "invitation.deliveryReport" } })).toBe(2);
  });

  it("sans fournisseur SMS : les SMS sont désactivés avec un message clair, les courriels partent", async () => {
    const { lens, assistant, eventId } = await setup();
    const p = await seeker(lens.id, { email: "a@exemple.test", phone: "0612345678" });
    const r = await sendInvitations(db, assistant, eventId, { jobSeekerIds: [p.id], contactIds: [], channels: ["EMAIL", "SMS"] }, {}, new Date(), { sms: null });
    expect(r.emails).toBe(1);
    expect(r.sms).toBe(0);
    expect(r.skipped[0]!.reason).toContain("SMS désactivés : aucun fournisseur SMS n'est configuré");
  });

  it("réponses par le lien public : confirmer, décliner ; lien rejoué, expiré, d'un autre événement → refusés clairement, et audités", async () => {
    const { lens, assistant, eventId, date } = await setup();
    const other = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Autre rencontre", date, place: "Lens", capacity: null });
    const { server, transport } = await smtp();
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => seeker(lens.id, { email: `p${i}@exemple.test` })));
    const company = await contact(lens.id, "rh@entreprise.test");
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: [a!.id, b!.id, c!.id], contactIds: [company.id], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    await deliverOutbox(db, transport);
    const link = (to: string) => linkIn(textOf(server.received.find((m) => m.to.includes(`<${to}>`))!.raw));

    const la = link("p1@exemple.test");
    const view = await viewInvitation(db, la.e, la.jeton);
    expect(view).toEqual({ ok: true, view: { firstName: a!.firstName, title: "Circuit court logistique", date: date.toISOString(), place: "Salle des fêtes, Liévin", platform: "Lens", answer: "PENDING", allowPhoneCorrection: false } });
    expect(await answerInvitation(db, { eventId: la.e, token: la.jeton, answer: "CONFIRMED" }, "10.0.0.1")).toBe("REGISTERED");
    expect(await db.eventJobSeekerParticipation.findUnique({ where: { eventId_jobSeekerId: { eventId, jobSeekerId: a!.id } } })).toMatchObject({ attendance: "REGISTERED", waitlisted: false });
    // Replayed.
    expect(await refusal(answerInvitation(db, { eventId: la.e, token: la.jeton, answer: "DECLINED" }, "10.0.0.1"))).toBe("USED");
    expect(LINK_PROBLEM_MESSAGES.USED).toMatch(/déjà répondu/);

    const lb = link("p2@exemple.test");
    expect(await answerInvitation(db, { eventId: lb.e, token: lb.jeton, answer: "DECLINED" }, "10.0.0.1")).toBe("DECLINED");
    expect((await db.eventInvitation.findFirstOrThrow({ where: { jobSeekerId: b!.id } })).answer).toBe("DECLINED");

    // Link of another event.
    const lc = link("p3@exemple.test");
    expect(await refusal(answerInvitation(db, { eventId: other.id, token: lc.jeton, answer: "CONFIRMED" }, "10.0.0.1"))).toBe("OTHER_EVENT");
    expect(await viewInvitation(db, other.id, lc.jeton)).toEqual({ ok: false, problem: "OTHER_EVENT" });
    // Expired (after the event's day).
    expect(await refusal(answerInvitation(db, { eventId: lc.e, token: lc.jeton, answer: "CONFIRMED" }, "10.0.0.1", new Date(date.getTime() + 2 * DAY)))).toBe("EXPIRED");
    // Unknown / tampered.
    expect(await refusal(answerInvitation(db, { eventId: lc.e, token: `${lc.jeton}x`, answer: "CONFIRMED" }, "10.0.0.1"))).toBe("UNKNOWN");

    // A company contact's confirmation registers the company.
    const lco = link("rh@entreprise.test");
    expect(await viewInvitation(db, lco.e, lco.jeton)).toMatchObject({ ok: true, view: { firstName: "Claire" } });
    expect(await answerInvitation(db, { eventId: lco.e, token: lco.jeton, answer: "CONFIRMED" }, "10.0.0.1")).toBe("COMPANY_CONFIRMED");
    expect(await db.eventCompanyParticipation.count({ where: { eventId, companyId: company.companyId } })).toBe(1);

    expect(await db.auditEvent.count({ where: { action: "invitation.answered" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "invitation.linkRefused" } })).toBe(4);
    const answered = await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.answered" } });
    expect(answered.ip).toBe("10.0.0.1");
  });

  it("confirmations simultanées : jamais plus de places que la capacité ; une place libérée promeut la première personne avec un message", async () => {
    const { lens, assistant, eventId } = await setup(3);
    const { server, transport } = await smtp();
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => seeker(lens.id, { email: `c${i}@exemple.test` })));
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: people.map((p) => p.id), contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    await deliverOutbox(db, transport);
    const links = server.received.map((m) => linkIn(textOf(m.raw)));
    // Each confirmation with its own address (the rate limit is per address), all at once.
    const results = await Promise.all(links.map((l, i) => answerInvitation(db, { eventId: l.e, token: l.jeton, answer: "CONFIRMED" }, `10.1.0.${i}`)));
    expect(results.filter((r) => r === "REGISTERED")).toHaveLength(3);
    expect(results.filter((r) => r === "WAITLISTED")).toHaveLength(5);
    expect(await db.eventJobSeekerParticipation.count({ where: { eventId, waitlisted: false } })).toBe(3);

    const registered = await db.eventJobSeekerParticipation.findMany({ where: { eventId }, orderBy: { registeredAt: "asc" } });
    const firstIn = registered.find((r) => !r.waitlisted)!;
    const firstWaiting = (await db.eventJobSeekerParticipation.findMany({ where: { eventId, waitlisted: true }, orderBy: [{ registeredAt: "asc" }] }))[0]!;
    const { promoted } = await unregisterJobSeeker(db, assistant, eventId, firstIn.jobSeekerId);
    expect(promoted).toEqual([firstWaiting.jobSeekerId]);
    const promotion = await db.invitationMessage.findFirstOrThrow({ where: { kind: "PROMOTION" }, include: { invitation: true } });
    expect(promotion.invitation.jobSeekerId).toBe(firstWaiting.jobSeekerId);
    await deliverOutbox(db, transport);
    expect(parseMail(server.received.at(-1)!.raw).headers.subject).toContain("Une place s'est libérée");
    expect(await db.auditEvent.count({ where: { action: "invitation.promoted" } })).toBe(1);
  });

  it("trop de réponses depuis une même adresse : refusées (limite du jeu de règles)", async () => {
    const { lens, assistant, eventId } = await setup();
    const p = await seeker(lens.id, { email: "x@exemple.test" });
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: [p.id], contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    const problems: string[] = [];
    for (let i = 0; i < 21; i++) problems.push(await refusal(answerInvitation(db, { eventId, token: `faux-${i}`, answer: "CONFIRMED" }, "10.2.0.1")));
    expect(problems.slice(0, 20).every((x) => x === "UNKNOWN")).toBe(true);
    expect(problems[20]).toBe("RATE_LIMITED");
    expect(LINK_PROBLEM_MESSAGES.RATE_LIMITED).toMatch(/Trop de tentatives/);
    expect(await db.auditEvent.count({ where: { action: "invitation.throttled" } })).toBe(1);
  });

  it("refus des messages (opt-out) : enregistré, audité, respecté aux envois suivants", async () => {
    const { lens, assistant, eventId } = await setup();
    const { server, transport } = await smtp();
    const p = await seeker(lens.id, { email: "Stop@Exemple.test" });
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: [p.id], contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    await deliverOutbox(db, transport);
    const l = linkIn(textOf(server.received[0]!.raw));
    await optOut(db, { eventId: l.e, token: l.jeton, channels: ["EMAIL"] }, "10.3.0.1");
    const optRow = await db.messageOptOut.findFirstOrThrow();
    expect(optRow.addressHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await sendInvitations(db, assistant, eventId, { jobSeekerIds: [p.id], contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    expect(again.emails).toBe(0);
    expect(again.skipped[0]!.reason).toBe("courriel : a refusé les courriels");
    expect(await db.auditEvent.count({ where: { action: "invitation.optOut" } })).toBe(1);
  });

  it("depuis la mise en relation : les candidats d'une offre de la plateforme, les mieux placés d'abord, puis invités ; offre d'une autre plateforme → introuvable", async () => {
    const { lens, assistant, eventId } = await setup();
    const calais = await createPlatform(db, "Calais");
    const offer = await createOffer(db, lens.id, { romeCode: "N1103", contractType: "CDI" });
    const foreign = await createOffer(db, calais.id, { romeCode: "N1103" });
    const best = await seeker(lens.id, { email: "best@exemple.test" });
    await db.jobSeeker.update({ where: { id: best.id }, data: { desiredRomeCodes: ["N1103"], contractType: "CDI" } });
    const sameJob = await seeker(lens.id, { phone: "06 11 22 33 44" });
    await db.jobSeeker.update({ where: { id: sameJob.id }, data: { desiredRomeCodes: ["N1103"], contractType: "CDD" } });
    // Another trade and a mobility that excludes the offer: not in the matching.
    const elsewhere = await seeker(lens.id, { email: "autre@exemple.test" });
    await db.jobSeeker.update({ where: { id: elsewhere.id }, data: { desiredRomeCodes: ["K2111"], mobilityScope: "COMMUNE", mobilityCodes: ["80021"] } });

    const m = await matchedChoices(db, assistant, eventId, offer.id);
    expect(m.offer.label).toContain("Préparateur·rice de commandes");
    expect(m.people.map((p) => p.id)).toEqual([best.id, sameJob.id]);
    expect(m.people[0]!.score).toBeGreaterThan(m.people[1]!.score!);
    expect(m.people[0]).toMatchObject({ email: true, sms: false, invited: false, met: expect.arrayContaining(["même métier", "contrat"]) });
    expect(m.people[1]).toMatchObject({ email: false, sms: true });
    // The list of candidates is a read of personal data: audited with its purpose.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.list", actorId: assistant.id }, orderBy: { at: "desc" } });
    expect(audit.reason).toBe("Invitation à un événement circuit court depuis la mise en relation");

    await expect(matchedChoices(db, assistant, eventId, foreign.id)).rejects.toThrow("Offre introuvable sur la plateforme de l'événement.");
    await expect(matchedChoices(db, assistant, eventId, "pas-un-uuid")).rejects.toThrow("Offre introuvable.");

    const r = await sendInvitations(db, assistant, eventId, { jobSeekerIds: m.people.map((p) => p.id), contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    expect(r.invited).toBe(2);
    expect((await matchedChoices(db, assistant, eventId, offer.id)).people.every((p) => p.invited)).toBe(true);
  });
});
