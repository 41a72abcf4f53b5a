import "server-only";
// Circuit-court invitations (issue 20). Staff invite job seekers and company contacts of an event
// by e-mail, SMS or letter; each message carries a personal link (random secret, only its SHA-256
// stored, single use, valid until the end of the event's day) to the public page /invitation where
// the person confirms or declines without an account. Confirmations take the event's row lock, so
// the capacity holds under concurrent answers; beyond it the person goes on the waiting list and is
// promoted (with a message) when a place frees up. Every send and every answer is audited.
import { randomBytes } from "node:crypto";
import { recordAudit, recordAuditMany } from "@/lib/audit/audit.service";
import type { AuditInput } from "@/lib/audit/audit.service";
import { hashToken } from "@/lib/auth/token-hash";
import type { CurrentUser } from "@/lib/auth/principal";
import { reserveAttempts } from "@/lib/auth/throttle";
import { scopeFor } from "@/lib/authz/policy";
import { calendarFile } from "@/lib/calendar/ics";
import type { Db, DbOrTx } from "@/lib/db";
import { appUrl } from "@/lib/email/links";
import { deliverOutboxSoon, enqueueEmail } from "@/lib/email/outbox.service";
import { layout } from "@/lib/email/templates";
import { AppError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { placeRegistration, promotions } from "@/lib/events/event.rules";
import {
  checkTemplate, DEFAULT_TEMPLATES, eventPlaceholders, isMobile, LEGAL_MENTION, LINK_PROBLEM_MESSAGES, linkExpiry, normaliseAddress, reminderDue, renderTemplate, toE164,
  type LinkProblem, type MessageKindName,
} from "@/lib/events/invitation.rules";
import type { MessageChannel, Prisma } from "@/lib/generated/prisma/client";
import { activeSeekerWhere, UUID } from "@/lib/job-seekers/job-seeker.query";
import { isYoung } from "@/lib/job-seekers/job-seeker.rules";
import { candidatesForOffer } from "@/lib/matching/matching.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { deliverSmsSoon } from "@/lib/sms/sms.service";
import { SMS_DISABLED_MESSAGE, smsProviderFromEnv, type SmsProvider } from "@/lib/sms/provider";

type Ctx = { requestId?: string };
const EVENT_MINUTES = 120;

function eventScope(user: CurrentUser): Prisma.CircuitCourtEventWhereInput {
  const scope = scopeFor(user, "event");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.CircuitCourtEventWhereInput;
}

const eventSelect = { id: true, platformId: true, title: true, date: true, place: true, status: true, capacity: true, platform: { select: { name: true, carryingStructureName: true, hostingPlace: true } } } as const;
type EventRow = Prisma.CircuitCourtEventGetPayload<{ select: typeof eventSelect }>;

async function eventInScope(tx: DbOrTx, user: CurrentUser, id: string): Promise<EventRow> {
  const e = UUID.test(id) ? await tx.circuitCourtEvent.findFirst({ where: { AND: [{ id }, eventScope(user)] }, select: eventSelect }) : null;
  if (!e) throw new NotFoundError("Événement introuvable.");
  return e;
}

/** Invitations are sent only for a planned event still to come. */
export function isInvitable(e: { status: string; date: Date | string }, now = new Date()): boolean {
  return e.status === "PLANNED" && new Date(e.date).getTime() > now.getTime();
}

function assertInvitable(e: EventRow, now: Date) {
  if (e.status === "CANCELLED") throw new UnprocessableError("Cet événement est annulé : aucune invitation possible.");
  if (e.status === "HELD" || e.date.getTime() <= now.getTime()) throw new UnprocessableError("Cet événement est passé : aucune invitation possible.");
}

// ───────────────────────── templates ─────────────────────────

export async function templatesFor(db: DbOrTx, platformId: string): Promise<Record<MessageKindName, { subject: string; body: string; custom: boolean }>> {
  const rows = await db.invitationTemplate.findMany({ where: { platformId } });
  const out = {} as Record<MessageKindName, { subject: string; body: string; custom: boolean }>;
  for (const kind of ["INVITATION", "REMINDER", "PROMOTION"] as const) {
    const row = rows.find((r) => r.kind === kind);
    out[kind] = row ? { subject: row.subject, body: row.body, custom: true } : { ...DEFAULT_TEMPLATES[kind], custom: false };
  }
  return out;
}

export async function saveTemplate(db: Db, user: CurrentUser, input: { platformId: string; kind: MessageKindName; subject: string; body: string }, ctx: Ctx = {}) {
  if (!user.platformIds.includes(input.platformId)) throw new ForbiddenError("Vous ne gérez pas cette plateforme.");
  const problem = checkTemplate(input.kind, input);
  if (problem) throw new ValidationError({ body: [problem] });
  await db.$transaction(async (tx) => {
    await tx.invitationTemplate.upsert({
      where: { platformId_kind: { platformId: input.platformId, kind: input.kind } },
      create: { platformId: input.platformId, kind: input.kind, subject: input.subject, body: input.body, updatedById: user.id },
      update: { subject: input.subject, body: input.body, updatedById: user.id },
    });
    await recordAudit(tx, { action: "invitation.templateUpdated", actorId: user.id, actorRole: user.role, entityType: "InvitationTemplate", entityId: input.kind, platformId: input.platformId, requestId: ctx.requestId });
  });
}

interface Rendered { subject: string; text: string; html: string; sms: string }

function render(t: { subject: string; body: string }, e: EventRow, firstName: string, link: string): Rendered {
  const values = eventPlaceholders({ title: e.title, date: e.date, place: e.place, platform: e.platform.name }, firstName, link);
  const subject = renderTemplate(t.subject, values);
  const body = renderTemplate(t.body, values);
  const paragraphs = body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const mail = layout(paragraphs, null, LEGAL_MENTION);
  // SMS: the body on one line, then a short version of the mention (the full one is on the page behind the link).
  const sms = `${body.replace(/\s+/g, " ").trim()} Données traitées par ${e.platform.name} pour cette rencontre ; refus des messages via le lien.`;
  return { subject, text: mail.text, html: mail.html, sms };
}

/** Preview of a message with the sample first name « Camille » and a sample link. */
export async function previewMessage(db: Db, user: CurrentUser, eventId: string, kind: MessageKindName = "INVITATION") {
  const e = await eventInScope(db, user, eventId);
  const t = (await templatesFor(db, e.platformId))[kind];
  const r = render(t, e, "Camille", appUrl("/invitation?e=…&jeton=…"));
  return { subject: r.subject, text: r.text, sms: r.sms };
}

// ───────────────────────── people ─────────────────────────

interface Person {
  invitationId: string;
  kind: "JOB_SEEKER" | "CONTACT";
  personId: string;
  firstName: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  company: string | null;
}

/** Choices for the invitation form: the platform's active job seekers and company contacts, with the channels each can receive. */
export async function invitationChoices(db: Db, user: CurrentUser, eventId: string) {
  const e = await eventInScope(db, user, eventId);
  const [jobSeekers, contacts, invitations] = await Promise.all([
    db.jobSeeker.findMany({ where: { AND: [activeSeekerWhere(user), { platformId: e.platformId }] }, select: { id: true, lastName: true, firstName: true, email: true, phone: true }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 1000 }),
    db.companyContact.findMany({ where: { platformId: e.platformId, lifecycle: "ACTIVE" }, select: { id: true, lastName: true, firstName: true, proEmail: true, proPhone: true, company: { select: { name: true } } }, orderBy: [{ company: { name: "asc" } }, { lastName: "asc" }], take: 1000 }),
    db.eventInvitation.findMany({ where: { eventId }, select: { jobSeekerId: true, contactId: true } }),
  ]);
  const invited = new Set(invitations.flatMap((i) => [i.jobSeekerId, i.contactId]).filter(Boolean));
  return {
    jobSeekers: jobSeekers.map((j) => ({ id: j.id, label: `${j.lastName ?? ""} ${j.firstName ?? ""}`.trim(), email: Boolean(j.email), sms: Boolean(j.phone && toE164(j.phone) && isMobile(toE164(j.phone)!)), invited: invited.has(j.id) })),
    contacts: contacts.map((c) => ({ id: c.id, label: `${c.company.name} — ${`${c.lastName ?? ""} ${c.firstName ?? ""}`.trim() || "contact"}`, email: Boolean(c.proEmail), sms: Boolean(c.proPhone && toE164(c.proPhone) && isMobile(toE164(c.proPhone)!)), invited: invited.has(c.id) })),
    smsEnabled: smsProviderFromEnv() !== null,
  };
}

/** Job seekers of the matching for one open offer of the event's platform (best fit first), with the channels each can receive. */
export async function matchedChoices(db: Db, user: CurrentUser, eventId: string, offerId: string, opts: { limit?: number; requestId?: string } = {}) {
  const e = await eventInScope(db, user, eventId);
  if (!UUID.test(offerId)) throw new NotFoundError("Offre introuvable.");
  const offer = await db.jobOffer.findFirst({ where: { id: offerId, platformId: e.platformId }, select: { id: true } });
  if (!offer) throw new NotFoundError("Offre introuvable sur la plateforme de l'événement.");
  // The matching itself (scope, restricted records, ranking, audit of the list) is the offer's.
  const { offer: o, candidates } = await candidatesForOffer(db, user, offer.id, { limit: opts.limit ?? 50, purpose: "Invitation à un événement circuit court depuis la mise en relation", requestId: opts.requestId });
  const contacts = await db.jobSeeker.findMany({ where: { AND: [activeSeekerWhere(user), { id: { in: candidates.map((c) => c.id) } }] }, select: { id: true, email: true, phone: true } });
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const invited = new Set((await db.eventInvitation.findMany({ where: { eventId: e.id, jobSeekerId: { in: candidates.map((c) => c.id) } }, select: { jobSeekerId: true } })).map((i) => i.jobSeekerId));
  return {
    offer: { id: o.id, label: `${o.title} — ${o.company.name}` },
    people: candidates.flatMap((c) => {
      const k = byId.get(c.id);
      if (!k) return [];
      const phone = k.phone ? toE164(k.phone) : null;
      const met = [c.match.rome ? "même métier" : null, c.match.place ? "mobilité" : null, c.match.contract ? "contrat" : null, c.match.available ? "disponible" : null].filter((x): x is string => x !== null);
      return [{ id: c.id, label: `${c.lastName ?? ""} ${c.firstName ?? ""}`.trim(), email: Boolean(k.email), sms: Boolean(phone && isMobile(phone)), invited: invited.has(c.id), score: c.match.score, met }];
    }),
  };
}

async function upsertPeople(tx: Prisma.TransactionClient, user: CurrentUser, e: EventRow, jobSeekerIds: readonly string[], contactIds: readonly string[]): Promise<Person[]> {
  const [seekers, contacts] = await Promise.all([
    jobSeekerIds.length ? tx.jobSeeker.findMany({ where: { AND: [activeSeekerWhere(user), { platformId: e.platformId, id: { in: [...jobSeekerIds] } }] }, select: { id: true, firstName: true, lastName: true, email: true, phone: true, addressLine: true, postalCode: true, city: true } }) : [],
    contactIds.length ? tx.companyContact.findMany({ where: { platformId: e.platformId, lifecycle: "ACTIVE", id: { in: [...contactIds] } }, select: { id: true, firstName: true, lastName: true, proEmail: true, proPhone: true, proAddress: true, company: { select: { name: true, addressLine: true, postalCode: true, city: true } } } }) : [],
  ]);
  if (seekers.length !== new Set(jobSeekerIds).size || contacts.length !== new Set(contactIds).size) {
    throw new NotFoundError("Une des personnes choisies est introuvable sur la plateforme de l'événement.");
  }
  const people: Person[] = [];
  for (const s of seekers) {
    const inv = await tx.eventInvitation.upsert({ where: { eventId_jobSeekerId: { eventId: e.id, jobSeekerId: s.id } }, create: { eventId: e.id, platformId: e.platformId, jobSeekerId: s.id, createdById: user.id }, update: {}, select: { id: true } });
    const address = [s.addressLine, [s.postalCode, s.city].filter(Boolean).join(" ")].filter(Boolean).join("\n") || null;
    people.push({ invitationId: inv.id, kind: "JOB_SEEKER", personId: s.id, firstName: s.firstName ?? "", name: `${s.firstName ?? ""} ${s.lastName ?? ""}`.trim(), email: s.email, phone: s.phone, address, company: null });
  }
  for (const c of contacts) {
    const inv = await tx.eventInvitation.upsert({ where: { eventId_contactId: { eventId: e.id, contactId: c.id } }, create: { eventId: e.id, platformId: e.platformId, contactId: c.id, createdById: user.id }, update: {}, select: { id: true } });
    const address = c.proAddress ?? ([c.company.addressLine, [c.company.postalCode, c.company.city].filter(Boolean).join(" ")].filter(Boolean).join("\n") || null);
    people.push({ invitationId: inv.id, kind: "CONTACT", personId: c.id, firstName: c.firstName ?? "", name: `${c.firstName ?? ""} ${c.lastName ?? ""}`.trim(), email: c.proEmail, phone: c.proPhone, address, company: c.company.name });
  }
  return people;
}

async function issueLink(tx: DbOrTx, invitationId: string, channel: MessageChannel, e: { id: string; date: Date }): Promise<{ id: string; url: string }> {
  const token = randomBytes(32).toString("base64url");
  const link = await tx.invitationLink.create({ data: { invitationId, channel, tokenHash: hashToken(token), expiresAt: linkExpiry(e.date) }, select: { id: true } });
  return { id: link.id, url: appUrl(`/invitation?e=${e.id}&jeton=${encodeURIComponent(token)}`) };
}

async function optedOut(tx: DbOrTx, platformId: string): Promise<Set<string>> {
  const rows = await tx.messageOptOut.findMany({ where: { platformId }, select: { channel: true, addressHash: true } });
  return new Set(rows.map((r) => `${r.channel}:${r.addressHash}`));
}

function meetingIcs(e: EventRow): string {
  return calendarFile([{ uid: `evenement-${e.id}@si-proch-emploi`, title: e.title, start: e.date, durationMinutes: EVENT_MINUTES, location: e.place, description: `Rencontre organisée par la plateforme ${e.platform.name}.` }], { method: "PUBLISH" });
}

/** Writes one message (e-mail into the outbox, SMS queued for the provider) of `kind` to a person. */
async function queueMessage(
  tx: DbOrTx, e: EventRow, p: Person, channel: "EMAIL" | "SMS", kind: MessageKindName, dedupeKey: string, template: { subject: string; body: string }, withLink: boolean, now: Date,
): Promise<boolean> {
  // Reminders go once per delay: the unique (invitation, channel, key) decides, whichever instance writes first.
  const created = await tx.invitationMessage.createMany({ data: [{ invitationId: p.invitationId, channel, kind, dedupeKey, state: "QUEUED" }], skipDuplicates: true });
  if (created.count === 0) return false;
  const message = await tx.invitationMessage.findUniqueOrThrow({ where: { invitationId_channel_dedupeKey: { invitationId: p.invitationId, channel, dedupeKey } }, select: { id: true } });
  const link = withLink ? (await issueLink(tx, p.invitationId, channel, e)).url : appUrl("/");
  const r = render(template, e, p.firstName, link);
  if (channel === "EMAIL") {
    const attachments = kind === "PROMOTION" || kind === "INVITATION" || kind === "REMINDER" ? [{ filename: "rencontre.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: meetingIcs(e) }] : undefined;
    const outboxId = await enqueueEmail(tx, { to: p.email!, subject: r.subject, text: r.text, html: r.html, attachments, purpose: "circuit-court" }, now);
    await tx.invitationMessage.update({ where: { id: message.id }, data: { outboxEmailId: outboxId } });
  } else {
    await tx.invitationMessage.update({ where: { id: message.id }, data: { body: r.sms } });
  }
  return true;
}

type Reach = { channel: "EMAIL" | "SMS"; to: string } | { skip: string };

function reach(p: Person, channel: "EMAIL" | "SMS", opted: Set<string>, smsEnabled: boolean): Reach {
  if (channel === "EMAIL") {
    if (!p.email) return { skip: "pas d'adresse électronique" };
    if (opted.has(`EMAIL:${hashToken(normaliseAddress("EMAIL", p.email))}`)) return { skip: "a refusé les courriels" };
    return { channel, to: p.email };
  }
  if (!smsEnabled) return { skip: SMS_DISABLED_MESSAGE };
  const phone = p.phone ? toE164(p.phone) : null;
  if (!phone || !isMobile(phone)) return { skip: "pas de numéro de portable" };
  if (opted.has(`SMS:${hashToken(normaliseAddress("SMS", p.phone!))}`)) return { skip: "a refusé les SMS" };
  return { channel, to: phone };
}

export interface SendInput { jobSeekerIds: string[]; contactIds: string[]; channels: ("EMAIL" | "SMS")[] }

/** Invites the chosen people by e-mail and/or SMS. Returns what was queued and who was skipped (and why). */
export async function sendInvitations(db: Db, user: CurrentUser, eventId: string, input: SendInput, ctx: Ctx = {}, now = new Date(), opts: { sms?: SmsProvider | null } = {}) {
  const smsEnabled = (opts.sms === undefined ? smsProviderFromEnv() : opts.sms) !== null;
  const result = await db.$transaction(async (tx) => {
    // Another platform's event is « not found » whatever the body says (scope before validation).
    const e = await eventInScope(tx, user, eventId);
    if (input.jobSeekerIds.length + input.contactIds.length === 0) throw new ValidationError({ jobSeekerIds: ["Choisissez au moins une personne à inviter."] });
    if (input.channels.length === 0) throw new ValidationError({ channels: ["Choisissez au moins un moyen d'envoi (courriel ou SMS)."] });
    assertInvitable(e, now);
    const templates = await templatesFor(tx, e.platformId);
    const opted = await optedOut(tx, e.platformId);
    const people = await upsertPeople(tx, user, e, input.jobSeekerIds, input.contactIds);
    let emails = 0;
    let sms = 0;
    const skipped: { name: string; reason: string }[] = [];
    const audits: AuditInput[] = [];
    for (const p of people) {
      const sent: string[] = [];
      for (const channel of input.channels) {
        const r = reach(p, channel, opted, smsEnabled);
        if ("skip" in r) {
          skipped.push({ name: p.name || "(sans nom)", reason: `${channel === "EMAIL" ? "courriel" : "SMS"} : ${r.skip}` });
          continue;
        }
        await queueMessage(tx, e, p, channel, "INVITATION", `invitation:${now.getTime()}`, templates.INVITATION, true, now);
        sent.push(channel);
        if (channel === "EMAIL") emails++;
        else sms++;
      }
      audits.push({
        action: "invitation.sent", actorId: user.id, actorRole: user.role, entityType: "EventInvitation", entityId: p.invitationId, platformId: e.platformId, requestId: ctx.requestId,
        metadata: { eventId: e.id, person: p.kind, personId: p.personId, channels: sent },
      });
    }
    await recordAuditMany(tx, audits);
    return { invited: people.length, emails, sms, skipped };
  }, { timeout: 60_000 });
  deliverOutboxSoon(db);
  deliverSmsSoon(db);
  return result;
}

export interface LetterPage { name: string; company: string | null; address: string | null; url: string }

/** Letters to print: one fresh personal link per person (the letter is its only copy), audited. */
export async function issueLetters(db: Db, user: CurrentUser, eventId: string, input: { jobSeekerIds: string[]; contactIds: string[] }, ctx: Ctx = {}, now = new Date()) {
  return db.$transaction(async (tx) => {
    const e = await eventInScope(tx, user, eventId);
    if (input.jobSeekerIds.length + input.contactIds.length === 0) throw new ValidationError({ jobSeekerIds: ["Choisissez au moins une personne."] });
    assertInvitable(e, now);
    const people = await upsertPeople(tx, user, e, input.jobSeekerIds, input.contactIds);
    const pages: LetterPage[] = [];
    const audits: AuditInput[] = [];
    for (const p of people) {
      const link = await issueLink(tx, p.invitationId, "LETTER", e);
      await tx.invitationMessage.create({ data: { invitationId: p.invitationId, channel: "LETTER", kind: "INVITATION", dedupeKey: `invitation:${link.id}`, state: "SENT" } });
      pages.push({ name: p.name, company: p.company, address: p.address, url: link.url });
      audits.push({ action: "invitation.letterPrinted", actorId: user.id, actorRole: user.role, entityType: "EventInvitation", entityId: p.invitationId, platformId: e.platformId, requestId: ctx.requestId, metadata: { eventId: e.id, person: p.kind, personId: p.personId } });
    }
    await recordAuditMany(tx, audits);
    return { event: e, pages };
  }, { timeout: 60_000 });
}

// ───────────────────────── the public link ─────────────────────────

export interface PublicView {
  firstName: string;
  title: string;
  date: string;
  place: string;
  platform: string;
  answer: "PENDING" | "CONFIRMED" | "DECLINED";
  allowPhoneCorrection: boolean;
}

type LinkRow = { id: string; channel: MessageChannel; invitationId: string; usedAt: Date | null; expiresAt: Date; invitation: { eventId: string; answer: "PENDING" | "CONFIRMED" | "DECLINED"; platformId: string; jobSeekerId: string | null; contactId: string | null; jobSeeker: { firstName: string | null; email: string | null; phone: string | null } | null; contact: { firstName: string | null; proEmail: string | null; proPhone: string | null } | null; event: { title: string; date: Date; place: string; status: string; platform: { name: string } } } };

async function findLink(db: DbOrTx, eventId: string, raw: string): Promise<LinkRow | null> {
  if (!raw || raw.length > 200) return null;
  return db.invitationLink.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: {
      id: true, invitationId: true, usedAt: true, expiresAt: true, channel: true,
      invitation: { select: { eventId: true, answer: true, platformId: true, jobSeekerId: true, contactId: true, jobSeeker: { select: { firstName: true, email: true, phone: true } }, contact: { select: { firstName: true, proEmail: true, proPhone: true } }, event: { select: { title: true, date: true, place: true, status: true, platform: { select: { name: true } } } } } },
    },
  });
}

function linkProblem(link: LinkRow | null, eventId: string, now: Date, forAnswer: boolean): LinkProblem | null {
  if (!link) return "UNKNOWN";
  if (link.invitation.eventId !== eventId) return "OTHER_EVENT";
  if (link.invitation.event.status === "CANCELLED") return "CANCELLED";
  if (link.expiresAt <= now) return "EXPIRED";
  if (forAnswer && (link.usedAt || link.invitation.answer !== "PENDING")) return "USED";
  return null;
}

/** What the public page shows: the event's public details and the person's first name, nothing else. */
export async function viewInvitation(db: Db, eventId: string, raw: string, now = new Date()): Promise<{ ok: true; view: PublicView } | { ok: false; problem: LinkProblem }> {
  const link = UUID.test(eventId) ? await findLink(db, eventId, raw) : null;
  const problem = linkProblem(link, eventId, now, false);
  if (problem || !link) return { ok: false, problem: problem ?? "UNKNOWN" };
  const inv = link.invitation;
  const { payload } = await getActiveRuleSet(db, "OPERATIONS", now);
  return {
    ok: true,
    view: {
      firstName: inv.jobSeeker?.firstName ?? inv.contact?.firstName ?? "", title: inv.event.title, date: inv.event.date.toISOString(), place: inv.event.place, platform: inv.event.platform.name,
      answer: link.usedAt && inv.answer === "PENDING" ? "PENDING" : inv.answer, allowPhoneCorrection: payload.circuitCourt.allowPhoneCorrection && Boolean(inv.jobSeekerId),
    },
  };
}

/** A link that cannot be used: its French message is what the public page shows (429 when rate limited). */
export class LinkRefused extends AppError {
  constructor(readonly problem: LinkProblem) {
    super(problem === "RATE_LIMITED" ? "TOO_MANY_REQUESTS" : "LINK_REFUSED", problem === "RATE_LIMITED" ? 429 : 410, LINK_PROBLEM_MESSAGES[problem]);
  }
}

async function throttle(db: Db, ip: string, now: Date) {
  const { payload } = await getActiveRuleSet(db, "OPERATIONS", now);
  const over = await reserveAttempts(db, [{ key: `invitation:ip:${ip}`, limit: { maxFailures: payload.circuitCourt.publicAnswersPerHour, lockMinutes: 60 } }], now);
  if (over.length) {
    if (over[0]!.first) await recordAudit(db, { action: "invitation.throttled", ip });
    throw new LinkRefused("RATE_LIMITED");
  }
}

export type AnswerResult = "REGISTERED" | "WAITLISTED" | "DECLINED" | "COMPANY_CONFIRMED";

/**
 * Records the answer given through a public link. Single use: the link and the invitation are
 * marked answered atomically, so a replay (or a double click) is refused. A confirmation takes the
 * event's row lock before counting places.
 */
export async function answerInvitation(db: Db, input: { eventId: string; token: string; answer: "CONFIRMED" | "DECLINED"; phone?: string }, ip: string, now = new Date()): Promise<AnswerResult> {
  await throttle(db, ip, now);
  const found = UUID.test(input.eventId) ? await findLink(db, input.eventId, input.token) : null;
  const refuse = async (problem: LinkProblem) => {
    // Outside the answer's transaction, so that the refusal stays in the log.
    await recordAudit(db, { action: "invitation.linkRefused", ip, entityType: "EventInvitation", entityId: found?.invitationId, platformId: found?.invitation.platformId, metadata: { problem, eventId: UUID.test(input.eventId) ? input.eventId : null } });
    return new LinkRefused(problem);
  };
  const early = linkProblem(found, input.eventId, now, true);
  if (early || !found) throw await refuse(early ?? "UNKNOWN");
  try {
    return await record(db, found, input, ip, now);
  } catch (err) {
    if (err instanceof LinkRefused) throw await refuse(err.problem);
    throw err;
  }
}

async function record(db: Db, link: LinkRow, input: { eventId: string; answer: "CONFIRMED" | "DECLINED"; phone?: string }, ip: string, now: Date): Promise<AnswerResult> {
  return db.$transaction(async (tx) => {
    const inv = link.invitation;
    // Lock the event first (same order as staff registrations), then claim the link and the invitation.
    await tx.$queryRaw`SELECT id FROM "CircuitCourtEvent" WHERE id = ${input.eventId}::uuid FOR UPDATE`;
    const claimed = await tx.invitationLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const answered = await tx.eventInvitation.updateMany({ where: { id: link.invitationId, answer: "PENDING" }, data: { answer: input.answer, answeredAt: now } });
    if (claimed.count !== 1 || answered.count !== 1) throw new LinkRefused("USED");
    let result: AnswerResult;
    let promoted: string[] = [];
    if (inv.jobSeekerId) {
      const key = { eventId_jobSeekerId: { eventId: input.eventId, jobSeekerId: inv.jobSeekerId } };
      const existing = await tx.eventJobSeekerParticipation.findUnique({ where: key, select: { waitlisted: true, attendance: true } });
      if (input.answer === "CONFIRMED") {
        if (existing) result = existing.waitlisted ? "WAITLISTED" : "REGISTERED";
        else {
          // One after the other: on the transaction's one connection, Prisma sent the two findUnique of
          // one tick (a batch) at once.
          const event = await tx.circuitCourtEvent.findUniqueOrThrow({ where: { id: input.eventId }, select: { capacity: true, date: true } });
          const confirmed = await tx.eventJobSeekerParticipation.count({ where: { eventId: input.eventId, waitlisted: false } });
          const person = await tx.jobSeeker.findUniqueOrThrow({ where: { id: inv.jobSeekerId }, select: { birthDate: true } });
          const rules = await getActiveRuleSet(tx, "OPERATIONS", now);
          const placement = placeRegistration(event.capacity, confirmed);
          await tx.eventJobSeekerParticipation.create({ data: { eventId: input.eventId, jobSeekerId: inv.jobSeekerId, attended: false, attendance: "REGISTERED", waitlisted: placement === "WAITLISTED", young: isYoung(person.birthDate, event.date, rules.payload.youngAgeLimit), registeredAt: now } });
          result = placement === "WAITLISTED" ? "WAITLISTED" : "REGISTERED";
        }
        if (input.phone) await correctPhone(tx, inv.jobSeekerId, input.phone, now);
      } else {
        result = "DECLINED";
        if (existing && existing.attendance === "REGISTERED") {
          await tx.eventJobSeekerParticipation.delete({ where: key });
          if (!existing.waitlisted) promoted = await promoteWaiting(tx, input.eventId, 1, now);
        }
      }
    } else {
      const contact = await tx.companyContact.findUniqueOrThrow({ where: { id: inv.contactId! }, select: { companyId: true } });
      if (input.answer === "CONFIRMED") {
        await tx.eventCompanyParticipation.upsert({ where: { eventId_companyId: { eventId: input.eventId, companyId: contact.companyId } }, create: { eventId: input.eventId, companyId: contact.companyId, attended: false }, update: {} });
        result = "COMPANY_CONFIRMED";
      } else result = "DECLINED";
    }
    await recordAudit(tx, {
      action: "invitation.answered", ip, entityType: "EventInvitation", entityId: link.invitationId, platformId: inv.platformId,
      metadata: { eventId: input.eventId, answer: input.answer, result, channel: link.channel, promoted },
    });
    return result;
  });
}

async function correctPhone(tx: DbOrTx, jobSeekerId: string, raw: string, now: Date) {
  const { payload } = await getActiveRuleSet(tx, "OPERATIONS", now);
  if (!payload.circuitCourt.allowPhoneCorrection) return;
  const phone = toE164(raw);
  if (!phone) throw new ValidationError({ phone: ["Numéro de téléphone français invalide (10 chiffres)."] });
  await tx.jobSeeker.update({ where: { id: jobSeekerId }, data: { phone: `0${phone.slice(3)}` } });
}

/**
 * Moves `freed` people up from the waiting list (registration order) and queues the promotion
 * message to those who were invited. The caller holds the event's row lock.
 */
export async function promoteWaiting(tx: Prisma.TransactionClient, eventId: string, freed: number, now = new Date()): Promise<string[]> {
  const waiting = await tx.eventJobSeekerParticipation.findMany({ where: { eventId, waitlisted: true }, select: { jobSeekerId: true, registeredAt: true, waitlisted: true } });
  const promoted = promotions(waiting, freed);
  for (const p of promoted) await tx.eventJobSeekerParticipation.update({ where: { eventId_jobSeekerId: { eventId, jobSeekerId: p.jobSeekerId } }, data: { waitlisted: false } });
  await notifyPromoted(tx, eventId, promoted.map((p) => p.jobSeekerId), now);
  return promoted.map((p) => p.jobSeekerId);
}

/** Queues « une place s'est libérée » to promoted job seekers who have an invitation (e-mail, else SMS). */
export async function notifyPromoted(tx: Prisma.TransactionClient, eventId: string, jobSeekerIds: readonly string[], now = new Date()): Promise<void> {
  if (jobSeekerIds.length === 0) return;
  const e = await tx.circuitCourtEvent.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
  const invitations = await tx.eventInvitation.findMany({ where: { eventId, jobSeekerId: { in: [...jobSeekerIds] } }, select: { id: true, jobSeeker: { select: { id: true, firstName: true, lastName: true, email: true, phone: true } } } });
  if (invitations.length === 0) return;
  const templates = await templatesFor(tx, e.platformId);
  const opted = await optedOut(tx, e.platformId);
  const smsEnabled = smsProviderFromEnv() !== null;
  for (const inv of invitations) {
    const s = inv.jobSeeker!;
    const p: Person = { invitationId: inv.id, kind: "JOB_SEEKER", personId: s.id, firstName: s.firstName ?? "", name: "", email: s.email, phone: s.phone, address: null, company: null };
    const r = [reach(p, "EMAIL", opted, smsEnabled), reach(p, "SMS", opted, smsEnabled)].find((x) => "channel" in x);
    if (r && "channel" in r) await queueMessage(tx, e, p, r.channel, "PROMOTION", `promotion:${now.getTime()}`, templates.PROMOTION, false, now);
    await recordAudit(tx, { action: "invitation.promoted", entityType: "EventInvitation", entityId: inv.id, platformId: e.platformId, metadata: { eventId, jobSeekerId: s.id, channel: r && "channel" in r ? r.channel : null } });
  }
}

/** The person asks the platform to stop e-mails and/or SMS (from the public page; the link must not have expired). */
export async function optOut(db: Db, input: { eventId: string; token: string; channels: ("EMAIL" | "SMS")[] }, ip: string, now = new Date()): Promise<void> {
  await throttle(db, ip, now);
  await db.$transaction(async (tx) => {
    const link = UUID.test(input.eventId) ? await findLink(tx, input.eventId, input.token) : null;
    const problem = linkProblem(link, input.eventId, now, false);
    if (problem || !link) throw new LinkRefused(problem ?? "UNKNOWN");
    const inv = link.invitation;
    const email = inv.jobSeeker?.email ?? inv.contact?.proEmail ?? null;
    const phone = inv.jobSeeker?.phone ?? inv.contact?.proPhone ?? null;
    const rows = input.channels.flatMap((channel) => {
      const address = channel === "EMAIL" ? email : phone;
      return address ? [{ platformId: inv.platformId, channel, addressHash: hashToken(normaliseAddress(channel, address)) }] : [];
    });
    await tx.messageOptOut.createMany({ data: rows, skipDuplicates: true });
    await recordAudit(tx, { action: "invitation.optOut", ip, entityType: "EventInvitation", entityId: link.invitationId, platformId: inv.platformId, metadata: { channels: input.channels } });
  });
}

// ───────────────────────── reminders ─────────────────────────

/**
 * Daily job: for every planned event whose date is one of the rule set's reminder delays away,
 * one reminder per invitation not declined, on the channels the invitation was sent on. Safe to
 * run on several instances at once: the unique (invitation, channel, « reminder:D-n ») keeps one.
 */
export async function sendDueReminders(db: Db, now = new Date(), opts: { sms?: SmsProvider | null } = {}): Promise<{ reminders: number }> {
  const { payload } = await getActiveRuleSet(db, "OPERATIONS", now);
  const delays = payload.circuitCourt.reminderDaysBefore;
  if (delays.length === 0) return { reminders: 0 };
  const horizon = new Date(now.getTime() + (Math.max(...delays) + 2) * 86_400_000);
  const events = await db.circuitCourtEvent.findMany({ where: { status: "PLANNED", date: { gt: now, lte: horizon } }, select: eventSelect });
  const smsEnabled = (opts.sms === undefined ? smsProviderFromEnv() : opts.sms) !== null;
  let reminders = 0;
  for (const e of events) {
    const days = reminderDue(e.date, now, delays);
    if (days === null) continue;
    const invitations = await db.eventInvitation.findMany({
      where: { eventId: e.id, answer: { not: "DECLINED" } },
      select: {
        id: true, messages: { where: { kind: "INVITATION", channel: { in: ["EMAIL", "SMS"] } }, select: { channel: true } },
        jobSeeker: { select: { id: true, firstName: true, email: true, phone: true, lifecycle: true } }, contact: { select: { id: true, firstName: true, proEmail: true, proPhone: true, lifecycle: true } },
      },
    });
    const templates = await templatesFor(db, e.platformId);
    const opted = await optedOut(db, e.platformId);
    for (const inv of invitations) {
      const who = inv.jobSeeker ?? inv.contact;
      if (!who || who.lifecycle !== "ACTIVE") continue;
      const p: Person = inv.jobSeeker
        ? { invitationId: inv.id, kind: "JOB_SEEKER", personId: inv.jobSeeker.id, firstName: inv.jobSeeker.firstName ?? "", name: "", email: inv.jobSeeker.email, phone: inv.jobSeeker.phone, address: null, company: null }
        : { invitationId: inv.id, kind: "CONTACT", personId: inv.contact!.id, firstName: inv.contact!.firstName ?? "", name: "", email: inv.contact!.proEmail, phone: inv.contact!.proPhone, address: null, company: null };
      for (const channel of new Set(inv.messages.map((m) => m.channel as "EMAIL" | "SMS"))) {
        const r = reach(p, channel, opted, smsEnabled);
        if ("skip" in r) continue;
        const sent = await db.$transaction(async (tx) => {
          const ok = await queueMessage(tx, e, p, channel, "REMINDER", `reminder:D-${days}`, templates.REMINDER, true, now);
          if (ok) await recordAudit(tx, { action: "invitation.reminderSent", entityType: "EventInvitation", entityId: inv.id, platformId: e.platformId, metadata: { eventId: e.id, channel, daysBefore: days } });
          return ok;
        });
        if (sent) reminders++;
      }
    }
  }
  if (reminders) {
    deliverOutboxSoon(db);
    deliverSmsSoon(db);
  }
  return { reminders };
}

// ───────────────────────── participant list ─────────────────────────

/** Invitations of an event with their answer and the delivery state of each message (names audited by getEvent's read). */
export async function invitationStatus(db: Db, user: CurrentUser, eventId: string) {
  const e = await eventInScope(db, user, eventId);
  const rows = await db.eventInvitation.findMany({
    where: { eventId: e.id, OR: [{ jobSeekerId: null }, { jobSeeker: activeSeekerWhere(user) }] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, answer: true, answeredAt: true, jobSeekerId: true, contactId: true,
      jobSeeker: { select: { firstName: true, lastName: true } }, contact: { select: { firstName: true, lastName: true, company: { select: { name: true } } } },
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, channel: true, kind: true, state: true, error: true, createdAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.jobSeekerId ? ("JOB_SEEKER" as const) : ("CONTACT" as const),
    name: r.jobSeeker ? `${r.jobSeeker.lastName ?? ""} ${r.jobSeeker.firstName ?? ""}`.trim() : `${r.contact?.company.name ?? ""} — ${`${r.contact?.lastName ?? ""} ${r.contact?.firstName ?? ""}`.trim()}`,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    messages: r.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  }));
}
export type InvitationStatusRow = Awaited<ReturnType<typeof invitationStatus>>[number];
