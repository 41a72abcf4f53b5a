import { cappedTotal, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder } from "@/lib/pagination/keyset";
import "server-only";
// Company visits and their follow-up actions. A visit is a contact: it moves the company's last contact.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, scopeFor } from "@/lib/authz/policy";
import { findCompanyRow } from "@/lib/companies/company.query";
import { refreshCompanyLastContact } from "@/lib/companies/timeline.query";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOfferIn } from "@/lib/offers/offer.service";
import { parisDate } from "@/lib/paris-day";
import { parisInstant } from "@/lib/visits/visit.rules";
import type { CreateVisitInput, UpdateVisitInput, VisitDto, VisitListQuery, VisitSummary } from "@/lib/visits/visit.schema";

/**
 * The stored instant and whether it carries an hour (see lib/visits/visit.rules.ts). The visit's day
 * is the Paris day of `date`: a day « AAAA-MM-JJ » stays itself, a date-time sent by the API
 * (« 2026-12-06T00:30 ») is the 6th, not the UTC day (the 5th).
 */
function when(input: { date: Date; time?: string }): { date: Date; timeSet: boolean } {
  const day = parisDate(input.date);
  return input.time ? { date: parisInstant(day, input.time), timeSet: true } : { date: day, timeSet: false };
}

/** The purpose of the user's last visit, the default of the next one. */
export async function lastVisitPurpose(db: DbOrTx, user: CurrentUser): Promise<string> {
  const v = await db.visit.findFirst({ where: { AND: [{ createdById: user.id }, visitScope(user)] }, orderBy: { createdAt: "desc" }, select: { purpose: true } });
  return v?.purpose ?? "";
}

const visitSelect = {
  id: true,
  companyId: true,
  platformId: true,
  date: true,
  timeSet: true,
  purpose: true,
  partnersPresent: true,
  needs: true,
  outcome: true,
  notes: true,
  version: true,
  company: { select: { name: true } },
  staff: { select: { user: { select: { id: true, firstName: true, lastName: true } } } },
  followUps: { select: { id: true, label: true, dueAt: true, doneAt: true, version: true }, orderBy: { dueAt: "asc" } },
  offers: { select: { id: true, title: true, status: true }, orderBy: { receivedAt: "asc" } },
} satisfies Prisma.VisitSelect;

type VisitRow = Prisma.VisitGetPayload<{ select: typeof visitSelect }>;

function toDto(v: VisitRow): VisitDto {
  return {
    id: v.id,
    companyId: v.companyId,
    company: v.company.name,
    date: v.date.toISOString(),
    timeSet: v.timeSet,
    purpose: v.purpose,
    staff: v.staff.map((s) => ({ id: s.user.id, name: `${s.user.firstName} ${s.user.lastName}` })),
    partnersPresent: v.partnersPresent,
    needs: v.needs,
    outcome: v.outcome,
    notes: v.notes,
    followUps: v.followUps.map((f) => ({ id: f.id, label: f.label, dueAt: f.dueAt.toISOString(), doneAt: f.doneAt?.toISOString() ?? null, version: f.version })),
    offers: v.offers,
    version: v.version,
  };
}

function visitScope(user: CurrentUser): Prisma.VisitWhereInput {
  const scope = scopeFor(user, "visit");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.VisitWhereInput;
}

export async function getVisit(db: DbOrTx, user: CurrentUser, id: string): Promise<VisitDto & { platformId: string }> {
  const v = /^[0-9a-f-]{36}$/i.test(id) ? await db.visit.findFirst({ where: { AND: [{ id }, visitScope(user)] }, select: visitSelect }) : null;
  if (!v) throw new NotFoundError("Visite introuvable.");
  return { ...toDto(v), platformId: v.platformId };
}

export async function listVisits(db: DbOrTx, user: CurrentUser, q: VisitListQuery, now = new Date()) {
  const where: Prisma.VisitWhereInput = {
    AND: [
      visitScope(user),
      q.when === "upcoming" ? { date: { gte: now } } : q.when === "past" ? { date: { lt: now } } : {},
      q.mine === "true" ? { staff: { some: { userId: user.id } } } : {},
      q.companyId ? { companyId: q.companyId } : {},
    ],
  };
  // Keyset order (issue 18): date then id, indexes `(platformId, date, id)` and `(date, id)`.
  const order: KeysetOrder = { keys: [{ field: "date", dir: q.sort === "date" ? "asc" : "desc", kind: "date" }] };
  const page = keysetOrderArgs(order, q);
  const wide = Object.keys(visitScope(user)).length === 0;
  const unfiltered = !q.when && q.mine !== "true" && !q.companyId;
  const [total, found] = await Promise.all([
    cappedTotal((take) => db.visit.count({ where, take }), wide && unfiltered ? () => tableEstimate(db, "Visit") : undefined, page),
    db.visit.findMany({
      where: { AND: [where, page.seek] },
      orderBy: page.orderBy as Prisma.VisitOrderByWithRelationInput[],
      skip: page.skip,
      take: page.take,
      select: { id: true, companyId: true, date: true, timeSet: true, purpose: true, needs: true, company: { select: { name: true } }, staff: { select: { user: { select: { id: true, firstName: true, lastName: true } } } } },
    }),
  ]);
  const result = keysetPage(found, page, q, (v) => v.date, total);
  const items: VisitSummary[] = result.items.map((v) => ({
    id: v.id,
    companyId: v.companyId,
    company: v.company.name,
    date: v.date.toISOString(),
    timeSet: v.timeSet,
    purpose: v.purpose,
    needs: v.needs,
    staff: v.staff.map((s) => ({ id: s.user.id, name: `${s.user.firstName} ${s.user.lastName}` })),
  }));
  return { ...result, items };
}

/** Staff who may be named on a visit: active members of the company's platform. */
export async function platformStaff(db: DbOrTx, platformId: string) {
  const rows = await db.user.findMany({
    where: { active: true, role: { in: ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] }, memberships: { some: { platformId } } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}` }));
}

/** Creates a visit with its follow-up actions and, for « Visite + offre », its offer: one transaction, all or nothing. */
export async function createVisit(db: Db, user: CurrentUser, input: CreateVisitInput, now = new Date()): Promise<VisitDto & { platformId: string }> {
  if (!can(user, "visit.write")) throw new ForbiddenError();
  if (input.offer && !can(user, "offer.write")) throw new ForbiddenError();
  return db.$transaction(async (tx) => {
    const company = await findCompanyRow(tx, user, input.companyId);
    const staff = await platformStaff(tx, company.platformId);
    const unknown = input.staffIds.filter((id) => !staff.some((s) => s.id === id));
    if (unknown.length) throw new ValidationError({ staffIds: ["Un intervenant choisi ne fait pas partie de l'équipe de la plateforme."] });
    const bad = input.followUps.findIndex((f) => f.dueAt.getTime() < input.date.getTime() - 86_400_000);
    if (bad >= 0) throw new ValidationError({ [`followUps.${bad}.dueAt`]: ["L'échéance d'une action de suivi ne peut pas précéder la visite."] });
    const visit = await tx.visit.create({
      data: {
        platformId: company.platformId,
        companyId: company.id,
        ...when(input),
        purpose: input.purpose,
        partnersPresent: input.partnersPresent,
        needs: input.needs,
        outcome: input.outcome ?? null,
        notes: input.notes ?? null,
        createdById: user.id,
        staff: { create: [...new Set(input.staffIds)].map((userId) => ({ userId })) },
        followUps: { create: input.followUps.map((f) => ({ label: f.label, dueAt: f.dueAt, platformId: company.platformId, companyId: company.id })) },
      },
      select: { id: true },
    });
    if (input.offer) {
      try {
        await createOfferIn(tx, user, { ...input.offer, companyId: company.id, visitId: visit.id }, now);
      } catch (err) {
        // The offer's field errors land on the form's offer fields (offer.title…).
        if (err instanceof ValidationError && err.fields) throw new ValidationError(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`offer.${k}`, v])));
        throw err;
      }
    }
    await refreshCompanyLastContact(tx, company.id, now);
    await recordAudit(tx, { action: "visit.created", actorId: user.id, actorRole: user.role, entityType: "Visit", entityId: visit.id, platformId: company.platformId, metadata: { companyId: company.id, followUps: input.followUps.length, withOffer: Boolean(input.offer) } });
    return getVisit(tx, user, visit.id);
  });
}

/** Edits a visit (optimistic locking on `version`); new follow-up actions may be added. Another platform's visit → 404. */
export async function updateVisit(db: Db, user: CurrentUser, id: string, input: UpdateVisitInput, now = new Date()): Promise<VisitDto & { platformId: string }> {
  if (!can(user, "visit.write")) throw new ForbiddenError();
  return db.$transaction(async (tx) => {
    const before = await getVisit(tx, user, id);
    const staff = await platformStaff(tx, before.platformId);
    const staffIds = [...new Set(input.staffIds)];
    // A person no longer in the team may stay on a visit they attended; only newly named people must be team members.
    const unknown = staffIds.filter((sid) => !staff.some((s) => s.id === sid) && !before.staff.some((s) => s.id === sid));
    if (unknown.length) throw new ValidationError({ staffIds: ["Un intervenant choisi ne fait pas partie de l'équipe de la plateforme."] });
    const bad = input.followUps.findIndex((f) => f.dueAt.getTime() < input.date.getTime() - 86_400_000);
    if (bad >= 0) throw new ValidationError({ [`followUps.${bad}.dueAt`]: ["L'échéance d'une action de suivi ne peut pas précéder la visite."] });
    const data = { ...when(input), purpose: input.purpose, partnersPresent: input.partnersPresent, needs: input.needs, outcome: input.outcome ?? null, notes: input.notes ?? null };
    const { count } = await tx.visit.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette visite a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa version actuelle.");
    const staffBefore = before.staff.map((s) => s.id).sort();
    const staffChanged = staffBefore.join() !== [...staffIds].sort().join();
    if (staffChanged) {
      await tx.visitStaff.deleteMany({ where: { visitId: id, userId: { notIn: staffIds } } });
      await tx.visitStaff.createMany({ data: staffIds.map((userId) => ({ visitId: id, userId })), skipDuplicates: true });
    }
    if (input.followUps.length) {
      await tx.followUpAction.createMany({ data: input.followUps.map((f) => ({ visitId: id, label: f.label, dueAt: f.dueAt, platformId: before.platformId, companyId: before.companyId })) });
    }
    await refreshCompanyLastContact(tx, before.companyId, now);
    const changes = auditChanges({ ...before, date: new Date(before.date) }, data);
    await recordAudit(tx, {
      action: "visit.updated", actorId: user.id, actorRole: user.role, entityType: "Visit", entityId: id, platformId: before.platformId,
      metadata: { companyId: before.companyId, changes, ...(staffChanged ? { staffIds: { from: staffBefore, to: staffIds } } : {}), followUpsAdded: input.followUps.length },
    });
    return getVisit(tx, user, id);
  });
}

export async function deleteVisit(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<void> {
  if (!can(user, "visit.write")) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const v = await getVisit(tx, user, id);
    await tx.visit.delete({ where: { id } });
    await refreshCompanyLastContact(tx, v.companyId, now);
    await recordAudit(tx, { action: "visit.deleted", actorId: user.id, actorRole: user.role, entityType: "Visit", entityId: id, platformId: v.platformId, metadata: { companyId: v.companyId } });
  });
}

/** Ticks (or unticks) a follow-up action, with optimistic locking. */
export async function setFollowUpDone(db: Db, user: CurrentUser, id: string, done: boolean, version: number, now = new Date()) {
  if (!can(user, "visit.write")) throw new ForbiddenError();
  return db.$transaction(async (tx) => {
    const scope = scopeFor(user, "followUp") as Prisma.FollowUpActionWhereInput;
    const f = await tx.followUpAction.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true, platformId: true, companyId: true } });
    if (!f) throw new NotFoundError("Action de suivi introuvable.");
    const { count } = await tx.followUpAction.updateMany({ where: { id, version }, data: { doneAt: done ? now : null, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette action a été modifiée entre-temps. Rechargez la page.");
    await recordAudit(tx, { action: done ? "followUp.done" : "followUp.reopened", actorId: user.id, actorRole: user.role, entityType: "FollowUpAction", entityId: id, platformId: f.platformId, metadata: { companyId: f.companyId } });
    return tx.followUpAction.findUniqueOrThrow({ where: { id }, select: { id: true, doneAt: true, version: true } });
  });
}
