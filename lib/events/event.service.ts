import "server-only";
// Circuit-court events: create, register companies / job seekers / chefs de file (job seekers beyond
// capacity go to the waiting list, under a row lock on the event), record attendance, read results.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { checkAttendance, checkRegistration, eventResults, placeRegistration, promotions, type Attendance } from "@/lib/events/event.rules";
import type { AttendanceInput, CancelEventInput, CreateEventInput, EventDetailDto, EventListQuery, EventSummary, ParticipantDto, RegisterParticipantInput, UpdateEventInput } from "@/lib/events/event.schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeSeekerWhere, UUID } from "@/lib/job-seekers/job-seeker.query";
import { isYoung } from "@/lib/job-seekers/job-seeker.rules";
import { refreshLastContact } from "@/lib/job-seekers/last-contact.service";
import { notifyPromoted } from "@/lib/events/invitation.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { likeLiteral } from "@/lib/search/like";

type Ctx = { requestId?: string };

function eventScope(user: CurrentUser): Prisma.CircuitCourtEventWhereInput {
  const scope = scopeFor(user, "event");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.CircuitCourtEventWhereInput;
}

async function findEventInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  const event = UUID.test(id) ? await tx.circuitCourtEvent.findFirst({ where: { AND: [{ id }, eventScope(user)] }, select: { id: true, platformId: true, date: true, status: true, capacity: true, title: true } }) : null;
  if (!event) throw new NotFoundError("Événement introuvable.");
  return event;
}

const ORDER = { date: { date: "asc" }, "-date": { date: "desc" }, title: { title: "asc" }, "-title": { title: "desc" } } as const;

export async function listEvents(db: Db, user: CurrentUser, q: EventListQuery) {
  const where: Prisma.CircuitCourtEventWhereInput = { AND: [eventScope(user), q.q ? { title: { contains: likeLiteral(q.q), mode: "insensitive" } } : {}] };
  const [total, rows] = await Promise.all([
    db.circuitCourtEvent.count({ where }),
    db.circuitCourtEvent.findMany({
      where, orderBy: [ORDER[q.sort], { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize,
      select: { id: true, kind: true, title: true, date: true, place: true, theme: true, sector: true, status: true, capacity: true, platform: { select: { name: true } }, jobSeekers: { select: { waitlisted: true } } },
    }),
  ]);
  const items: EventSummary[] = rows.map((e) => ({
    id: e.id, platform: e.platform.name, kind: e.kind, title: e.title, date: e.date.toISOString(), place: e.place, theme: e.theme, sector: e.sector, status: e.status,
    capacity: e.capacity, registered: e.jobSeekers.filter((j) => !j.waitlisted).length, waitlisted: e.jobSeekers.filter((j) => j.waitlisted).length,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}

function platformForNewRecord(user: CurrentUser): string {
  if (user.platformIds.length !== 1) throw new ForbiddenError("La création d'un événement se fait depuis un compte rattaché à une seule plateforme.");
  return user.platformIds[0]!;
}

export async function createEvent(db: Db, user: CurrentUser, input: CreateEventInput, ctx: Ctx = {}) {
  const platformId = platformForNewRecord(user);
  return db.$transaction(async (tx) => {
    const e = await tx.circuitCourtEvent.create({ data: { ...input, platformId }, select: { id: true } });
    await recordAudit(tx, { action: "event.created", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: e.id, platformId, requestId: ctx.requestId });
    return e;
  });
}

const detailSelect = {
  id: true, platformId: true, kind: true, title: true, date: true, place: true, theme: true, sector: true, organiser: true, status: true, capacity: true, cancelReason: true, cancelledAt: true, version: true,
} as const satisfies Prisma.CircuitCourtEventSelect;

function toDetail(e: Prisma.CircuitCourtEventGetPayload<{ select: typeof detailSelect }>): EventDetailDto {
  return { ...e, date: e.date.toISOString(), cancelledAt: e.cancelledAt?.toISOString() ?? null };
}

/** The event's own fields (no participants: no personal data), for the edit form and the API. */
export async function getEventFields(db: DbOrTx, user: CurrentUser, id: string): Promise<EventDetailDto> {
  await findEventInScope(db, user, id);
  return toDetail(await db.circuitCourtEvent.findUniqueOrThrow({ where: { id }, select: detailSelect }));
}

/**
 * Edits an event with optimistic locking. A cancelled event is not edited; the capacity cannot drop
 * below the confirmed registrations, and a higher one moves people up from the waiting list.
 */
export async function updateEvent(db: Db, user: CurrentUser, id: string, input: UpdateEventInput, ctx: Ctx = {}): Promise<EventDetailDto> {
  const { version, ...data } = input;
  return db.$transaction(async (tx) => {
    await findEventInScope(tx, user, id);
    // Row lock: registrations (which read the capacity) wait for this edit.
    await tx.$executeRaw`SELECT 1 FROM "CircuitCourtEvent" WHERE id = ${id}::uuid FOR UPDATE`;
    const before = await tx.circuitCourtEvent.findUniqueOrThrow({ where: { id }, select: detailSelect });
    if (before.status === "CANCELLED") throw new UnprocessableError("Un événement annulé ne se modifie plus.");
    const confirmed = await tx.eventJobSeekerParticipation.count({ where: { eventId: id, waitlisted: false } });
    const capacity = data.capacity ?? null;
    if (capacity !== null && capacity < confirmed) {
      throw new ValidationError({ capacity: [`${confirmed} demandeur·s d'emploi sont déjà inscrit·es hors liste d'attente : la capacité ne peut pas être inférieure.`] });
    }
    const { count } = await tx.circuitCourtEvent.updateMany({ where: { id, version }, data: { ...data, capacity, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cet événement a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa version actuelle.");
    const waiting = await tx.eventJobSeekerParticipation.findMany({ where: { eventId: id, waitlisted: true }, select: { jobSeekerId: true, registeredAt: true, waitlisted: true } });
    const promoted = waiting.length ? promotions(waiting, capacity === null ? waiting.length : capacity - confirmed) : [];
    for (const p of promoted) await tx.eventJobSeekerParticipation.update({ where: { eventId_jobSeekerId: { eventId: id, jobSeekerId: p.jobSeekerId } }, data: { waitlisted: false } });
    await notifyPromoted(tx, id, promoted.map((p) => p.jobSeekerId));
    await recordAudit(tx, {
      action: "event.updated", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: id, platformId: before.platformId, requestId: ctx.requestId,
      metadata: { changes: auditChanges(before, { ...data, capacity }), promoted: promoted.map((p) => p.jobSeekerId) },
    });
    return toDetail(await tx.circuitCourtEvent.findUniqueOrThrow({ where: { id }, select: detailSelect }));
  });
}

/** Cancels an event (with its reason, after confirmation in the UI); it stays visible as cancelled. */
export async function cancelEvent(db: Db, user: CurrentUser, id: string, input: CancelEventInput, ctx: Ctx = {}, now = new Date()): Promise<EventDetailDto> {
  return db.$transaction(async (tx) => {
    const e = await findEventInScope(tx, user, id);
    if (e.status === "CANCELLED") throw new UnprocessableError("Cet événement est déjà annulé.");
    if (e.status === "HELD") throw new UnprocessableError("Un événement déjà tenu ne s'annule pas.");
    const { count } = await tx.circuitCourtEvent.updateMany({ where: { id, version: input.version }, data: { status: "CANCELLED", cancelReason: input.reason, cancelledAt: now, cancelledById: user.id, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cet événement a été modifié entre-temps par quelqu'un d'autre. Rechargez la page avant de l'annuler.");
    await recordAudit(tx, { action: "event.cancelled", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: id, platformId: e.platformId, requestId: ctx.requestId, metadata: { reason: input.reason } });
    return toDetail(await tx.circuitCourtEvent.findUniqueOrThrow({ where: { id }, select: detailSelect }));
  });
}

/** The event with its participants and results. Names of job seekers are personal data: audited. */
export async function getEvent(db: Db, user: CurrentUser, id: string, p: { purpose: string; requestId?: string }) {
  return db.$transaction(async (tx) => {
    const base = await findEventInScope(tx, user, id);
    const e = await tx.circuitCourtEvent.findUniqueOrThrow({
      where: { id },
      select: {
        id: true, platformId: true, kind: true, title: true, date: true, place: true, theme: true, sector: true, organiser: true, status: true, capacity: true, outcomes: true, version: true,
        cancelReason: true, cancelledAt: true,
        platform: { select: { name: true } },
        companies: { select: { attendance: true, company: { select: { id: true, name: true } } }, orderBy: { company: { name: "asc" } } },
        chefsDeFile: { select: { attendance: true, chefDeFile: { select: { id: true, lastName: true, firstName: true, sector: true } } } },
        // Archived or destroyed people leave normal screens; the kept `young` flag still counts in results.
        // Anonymous figures for the results: every registration, whoever may see the names.
        jobSeekers: { select: { attendance: true, waitlisted: true, young: true } },
        proposals: { select: { id: true, status: true, jobSeekerId: true, offer: { select: { title: true, company: { select: { name: true } } } } } },
      },
    });
    // Names only of the people the user may see (a referent: their own portfolio; never archived people).
    const named = await tx.eventJobSeekerParticipation.findMany({
      where: { eventId: id, jobSeeker: activeSeekerWhere(user) },
      orderBy: { registeredAt: "asc" },
      select: { attendance: true, waitlisted: true, young: true, jobSeeker: { select: { id: true, lastName: true, firstName: true } } },
    });
    const participants: ParticipantDto[] = [
      ...named.map((j) => ({ type: "JOB_SEEKER" as const, id: j.jobSeeker.id, name: `${j.jobSeeker.lastName ?? ""} ${j.jobSeeker.firstName ?? ""}`.trim(), attendance: j.attendance, waitlisted: j.waitlisted, young: j.young })),
      ...e.companies.map((c) => ({ type: "COMPANY" as const, id: c.company.id, name: c.company.name, attendance: c.attendance, waitlisted: false, young: false })),
      ...e.chefsDeFile.map((c) => ({ type: "CHEF_DE_FILE" as const, id: c.chefDeFile.id, name: `${c.chefDeFile.lastName ?? ""} ${c.chefDeFile.firstName ?? ""} (${c.chefDeFile.sector})`.trim(), attendance: c.attendance, waitlisted: false, young: false })),
    ];
    await recordAudit(tx, {
      action: "event.read", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: id, platformId: base.platformId, reason: p.purpose, requestId: p.requestId,
      metadata: { jobSeekers: participants.filter((x) => x.type === "JOB_SEEKER").length },
    });
    const results = eventResults({ jobSeekers: e.jobSeekers, companies: e.companies, chefs: e.chefsDeFile, proposals: e.proposals });
    return { ...e, date: e.date.toISOString(), participants, results };
  });
}
export type EventDetail = Awaited<ReturnType<typeof getEvent>>;

export async function registerParticipant(db: Db, user: CurrentUser, eventId: string, input: RegisterParticipantInput, ctx: Ctx = {}, now = new Date()) {
  return db.$transaction(async (tx) => {
    const event = await findEventInScope(tx, user, eventId);
    const allowed = checkRegistration(event);
    if (!allowed.ok) throw new UnprocessableError(allowed.message);
    let placement: "CONFIRMED" | "WAITLISTED" = "CONFIRMED";
    if (input.type === "JOB_SEEKER") {
      // Serialise registrations of one event so two last-place registrations cannot both get in.
      await tx.$queryRaw`SELECT id FROM "CircuitCourtEvent" WHERE id = ${eventId}::uuid FOR UPDATE`;
      const person = await tx.jobSeeker.findFirst({ where: { AND: [{ id: input.participantId, platformId: event.platformId }, activeSeekerWhere(user)] }, select: { id: true, birthDate: true } });
      if (!person) throw new NotFoundError("Demandeur d'emploi introuvable sur la plateforme de l'événement.");
      if (await tx.eventJobSeekerParticipation.findUnique({ where: { eventId_jobSeekerId: { eventId, jobSeekerId: person.id } } })) throw new ConflictError("Cette personne est déjà inscrite à cet événement.", { participantId: ["Cette personne est déjà inscrite."] });
      const confirmed = await tx.eventJobSeekerParticipation.count({ where: { eventId, waitlisted: false } });
      placement = placeRegistration(event.capacity, confirmed);
      const { payload } = await getActiveRuleSet(tx, "OPERATIONS", now);
      await tx.eventJobSeekerParticipation.create({
        data: { eventId, jobSeekerId: person.id, attended: false, attendance: "REGISTERED", waitlisted: placement === "WAITLISTED", young: isYoung(person.birthDate, event.date, payload.youngAgeLimit), registeredAt: now },
      });
    } else if (input.type === "COMPANY") {
      const company = await tx.company.findFirst({ where: { id: input.participantId, platformId: event.platformId }, select: { id: true } });
      if (!company) throw new NotFoundError("Entreprise introuvable sur la plateforme de l'événement.");
      await tx.eventCompanyParticipation.upsert({ where: { eventId_companyId: { eventId, companyId: company.id } }, create: { eventId, companyId: company.id, attended: false }, update: {} });
    } else {
      const chef = await tx.chefDeFile.findFirst({ where: { id: input.participantId, platformId: event.platformId, lifecycle: "ACTIVE" }, select: { id: true } });
      if (!chef) throw new NotFoundError("Chef de file introuvable sur la plateforme de l'événement.");
      await tx.eventChefDeFileParticipation.upsert({ where: { eventId_chefDeFileId: { eventId, chefDeFileId: chef.id } }, create: { eventId, chefDeFileId: chef.id }, update: {} });
    }
    await recordAudit(tx, {
      action: "event.participantRegistered", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: eventId, platformId: event.platformId,
      requestId: ctx.requestId, metadata: { type: input.type, participantId: input.participantId, placement },
    });
    return { placement };
  });
}

export async function setAttendance(db: Db, user: CurrentUser, eventId: string, input: AttendanceInput, ctx: Ctx = {}, now = new Date()) {
  return db.$transaction(async (tx) => {
    const event = await findEventInScope(tx, user, eventId);
    const rule = checkAttendance(event.date, event.status, input.attendance as Attendance, now);
    if (!rule.ok) throw new UnprocessableError(rule.message, { attendance: [rule.message] });
    const data = { attendance: input.attendance };
    if (input.type === "JOB_SEEKER") {
      const key = { eventId_jobSeekerId: { eventId, jobSeekerId: input.participantId } };
      const current = await tx.eventJobSeekerParticipation.findUnique({ where: key, select: { waitlisted: true } });
      if (!current) throw new NotFoundError("Inscription introuvable.");
      // Someone from the waiting list who came anyway took a place: they leave the list.
      await tx.eventJobSeekerParticipation.update({ where: key, data: { ...data, attended: input.attendance === "PRESENT", waitlisted: input.attendance === "PRESENT" ? false : current.waitlisted } });
      await refreshLastContact(tx, input.participantId, now);
    } else if (input.type === "COMPANY") {
      const r = await tx.eventCompanyParticipation.updateMany({ where: { eventId, companyId: input.participantId }, data: { ...data, attended: input.attendance === "PRESENT" } });
      if (r.count === 0) throw new NotFoundError("Inscription introuvable.");
    } else {
      const r = await tx.eventChefDeFileParticipation.updateMany({ where: { eventId, chefDeFileId: input.participantId }, data });
      if (r.count === 0) throw new NotFoundError("Inscription introuvable.");
    }
    await recordAudit(tx, {
      action: "event.attendanceRecorded", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: eventId, platformId: event.platformId,
      requestId: ctx.requestId, metadata: { type: input.type, participantId: input.participantId, attendance: input.attendance },
    });
  });
}

/** Cancels a job seeker's registration; the first person on the waiting list takes the place. */
export async function unregisterJobSeeker(db: Db, user: CurrentUser, eventId: string, jobSeekerId: string, ctx: Ctx = {}) {
  return db.$transaction(async (tx) => {
    const event = await findEventInScope(tx, user, eventId);
    await tx.$queryRaw`SELECT id FROM "CircuitCourtEvent" WHERE id = ${eventId}::uuid FOR UPDATE`;
    const removed = await tx.eventJobSeekerParticipation.delete({ where: { eventId_jobSeekerId: { eventId, jobSeekerId } }, select: { waitlisted: true } }).catch(() => null);
    if (!removed) throw new NotFoundError("Inscription introuvable.");
    const waiting = await tx.eventJobSeekerParticipation.findMany({ where: { eventId, waitlisted: true }, select: { jobSeekerId: true, registeredAt: true, waitlisted: true } });
    const promoted = promotions(waiting, removed.waitlisted ? 0 : 1);
    for (const p of promoted) await tx.eventJobSeekerParticipation.update({ where: { eventId_jobSeekerId: { eventId, jobSeekerId: p.jobSeekerId } }, data: { waitlisted: false } });
    // Issue 20: whoever was invited is told that the place is theirs.
    await notifyPromoted(tx, eventId, promoted.map((p) => p.jobSeekerId));
    await recordAudit(tx, {
      action: "event.participantUnregistered", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: eventId, platformId: event.platformId,
      requestId: ctx.requestId, metadata: { jobSeekerId, promoted: promoted.map((p) => p.jobSeekerId) },
    });
    return { promoted: promoted.map((p) => p.jobSeekerId) };
  });
}

/** Choices for the registration form: the platform's active job seekers, companies and chefs de file. */
/**
 * The chefs de file an event can register (a short list). Job seekers and companies are not listed
 * here: the registration form searches them on the server (pickers), never a list of everyone.
 */
export async function registrationChoices(db: Db, user: CurrentUser, platformId: string) {
  void user;
  const chefs = await db.chefDeFile.findMany({ where: { platformId, lifecycle: "ACTIVE" }, select: { id: true, lastName: true, firstName: true, sector: true }, orderBy: { lastName: "asc" } });
  return { CHEF_DE_FILE: chefs.map((c) => ({ id: c.id, label: `${c.lastName ?? ""} ${c.firstName ?? ""} (${c.sector})`.trim() })) };
}

/** Open offers of the event's platform, participating companies first (for positioning during the event). */
export async function offersForEvent(db: Db, user: CurrentUser, eventId: string, platformId: string) {
  const scope = scopeFor(user, "offer");
  if (!scope) return [];
  const [offers, companies] = await Promise.all([
    db.jobOffer.findMany({
      where: { AND: [scope as Prisma.JobOfferWhereInput, { platformId, status: { in: ["OPEN", "PARTIALLY_FILLED"] } }] },
      select: { id: true, title: true, companyId: true, company: { select: { name: true } } },
      orderBy: { receivedAt: "desc" },
      take: 500,
    }),
    db.eventCompanyParticipation.findMany({ where: { eventId }, select: { companyId: true } }),
  ]);
  const present = new Set(companies.map((c) => c.companyId));
  return offers
    .sort((a, b) => Number(present.has(b.companyId)) - Number(present.has(a.companyId)))
    .map((o) => ({ id: o.id, label: `${o.title} — ${o.company.name}${present.has(o.companyId) ? " (entreprise participante)" : ""}` }));
}
