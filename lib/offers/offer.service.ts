import "server-only";
// Job offers: create (possibly from a visit), edit with optimistic locking, status transitions
// through the pure state machine, and the expiry of offers left without activity.
import { isInFuture } from "@/lib/fields.schema";
import { auditChanges } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, scopeFor } from "@/lib/authz/policy";
import { findCompanyRow } from "@/lib/companies/company.query";
import { refreshCompanyLastContact } from "@/lib/companies/timeline.query";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkPositions, checkTransition, goesStale, offerStaleness, type OfferStatus } from "@/lib/offers/offer.rules";
import type { CreateOfferInput, OfferDto, UpdateOfferInput } from "@/lib/offers/offer.schema";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";


export const offerSelect = {
  id: true,
  platformId: true,
  companyId: true,
  visitId: true,
  title: true,
  romeCode: true,
  contractType: true,
  contractDurationMonths: true,
  workingTime: true,
  weeklyHours: true,
  placeInseeCode: true,
  placeLabel: true,
  positions: true,
  positionsFilled: true,
  hiddenMarket: true,
  inTension: true,
  source: true,
  status: true,
  description: true,
  receivedAt: true,
  expiresAt: true,
  updatedAt: true,
  version: true,
  company: { select: { name: true } },
  proposals: { select: { statusChangedAt: true }, orderBy: { statusChangedAt: "desc" }, take: 1 },
} satisfies Prisma.JobOfferSelect;

type OfferRow = Prisma.JobOfferGetPayload<{ select: typeof offerSelect }>;

/** Last activity: the offer's own last change or the last move of one of its proposals. */
export function lastActivity(o: Pick<OfferRow, "updatedAt" | "proposals">): Date {
  const p = o.proposals[0]?.statusChangedAt;
  return p && p > o.updatedAt ? p : o.updatedAt;
}

export function toOfferDto(o: OfferRow): OfferDto {
  return {
    id: o.id,
    companyId: o.companyId,
    company: o.company.name,
    visitId: o.visitId,
    title: o.title,
    romeCode: o.romeCode,
    contractType: o.contractType,
    contractDurationMonths: o.contractDurationMonths,
    workingTime: o.workingTime,
    weeklyHours: o.weeklyHours,
    communeCode: o.placeInseeCode,
    place: o.placeLabel,
    positions: o.positions,
    positionsFilled: o.positionsFilled,
    hiddenMarket: o.hiddenMarket,
    inTension: o.inTension,
    source: o.source,
    status: o.status,
    description: o.description,
    receivedAt: o.receivedAt.toISOString(),
    expiresAt: o.expiresAt?.toISOString() ?? null,
    lastActivityAt: lastActivity(o).toISOString(),
    version: o.version,
  };
}

export function offerScope(user: CurrentUser): Prisma.JobOfferWhereInput {
  const scope = scopeFor(user, "offer");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.JobOfferWhereInput;
}

export async function findOfferRow(db: DbOrTx, user: CurrentUser, id: string): Promise<OfferRow> {
  const o = /^[0-9a-f-]{36}$/i.test(id) ? await db.jobOffer.findFirst({ where: { AND: [{ id }, offerScope(user)] }, select: offerSelect }) : null;
  if (!o) throw new NotFoundError("Offre introuvable.");
  return o;
}

export async function getOffer(db: DbOrTx, user: CurrentUser, id: string): Promise<OfferDto> {
  return toOfferDto(await findOfferRow(db, user, id));
}

async function place(db: DbOrTx, code: string | undefined) {
  if (!code) return { placeInseeCode: null, placeLabel: null };
  const c = await db.commune.findUnique({ where: { inseeCode: code }, select: { inseeCode: true, name: true, postalCodes: true } });
  if (!c) throw new ValidationError({ communeCode: ["Commune inconnue du référentiel INSEE."] });
  return { placeInseeCode: c.inseeCode, placeLabel: `${c.name} (${c.postalCodes[0] ?? c.inseeCode})` };
}

function offerData(input: CreateOfferInput | UpdateOfferInput, where: Awaited<ReturnType<typeof place>>) {
  return {
    title: input.title,
    romeCode: input.romeCode ?? null,
    contractType: input.contractType,
    contractDurationMonths: input.contractDurationMonths ?? null,
    workingTime: input.workingTime,
    weeklyHours: input.weeklyHours ?? null,
    ...where,
    positions: input.positions,
    hiddenMarket: input.hiddenMarket,
    inTension: input.inTension,
    source: input.source,
    description: input.description ?? null,
    receivedAt: input.receivedAt,
    expiresAt: input.expiresAt ?? null,
  };
}

export async function createOffer(db: Db, user: CurrentUser, input: CreateOfferInput, now = new Date()): Promise<OfferDto> {
  if (!can(user, "offer.write")) throw new ForbiddenError();
  return db.$transaction(async (tx) => getOffer(tx, user, await createOfferIn(tx, user, input, now)));
}

/** Creates an offer inside the caller's transaction (an offer alone, or with its visit); returns its id. */
export async function createOfferIn(tx: DbOrTx, user: CurrentUser, input: CreateOfferInput, now = new Date()): Promise<string> {
  if (!can(user, "offer.write")) throw new ForbiddenError();
  // A day after today in Paris is in the future (isInFuture); today's Paris day is not, at any hour.
  if (isInFuture(input.receivedAt, now)) throw new ValidationError({ receivedAt: ["La date de réception ne peut pas être dans le futur."] });
  const company = await findCompanyRow(tx, user, input.companyId);
  if (input.visitId) {
    const visit = await tx.visit.findFirst({ where: { id: input.visitId, companyId: company.id }, select: { id: true } });
    if (!visit) throw new ValidationError({ visitId: ["Cette visite ne concerne pas l'entreprise choisie."] });
  }
  const data = offerData(input, await place(tx, input.communeCode));
  const created = await tx.jobOffer.create({
    data: { ...data, platformId: company.platformId, companyId: company.id, visitId: input.visitId ?? null, status: input.publish ? "OPEN" : "DRAFT", createdById: user.id },
    select: { id: true },
  });
  await refreshCompanyLastContact(tx, company.id, now);
  await recordAudit(tx, { action: "offer.created", actorId: user.id, actorRole: user.role, entityType: "JobOffer", entityId: created.id, platformId: company.platformId, metadata: { companyId: company.id, visitId: input.visitId ?? null, hiddenMarket: input.hiddenMarket } });
  return created.id;
}

export async function updateOffer(db: Db, user: CurrentUser, id: string, input: UpdateOfferInput): Promise<OfferDto> {
  if (!can(user, "offer.write")) throw new ForbiddenError();
  return db.$transaction(async (tx) => {
    const before = await findOfferRow(tx, user, id);
    if (before.status === "CANCELLED" || before.status === "EXPIRED") throw new UnprocessableError("Une offre annulée ou expirée ne se modifie pas ; rouvrez-la d'abord si elle est expirée.");
    const positions = checkPositions(input.positions, before.positionsFilled);
    if (!positions.ok) throw new ValidationError({ positions: [positions.message] });
    const data = offerData(input, await place(tx, input.communeCode));
    // Changing the number of positions can change the filling status (e.g. 2/2 → 2/3 reopens it).
    const status: OfferStatus = before.status === "DRAFT" ? "DRAFT" : before.positionsFilled === 0 ? before.status : before.positionsFilled >= input.positions ? "FILLED" : "PARTIALLY_FILLED";
    const { count } = await tx.jobOffer.updateMany({ where: { id, version: input.version }, data: { ...data, status, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette offre a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa version actuelle.");
    await recordAudit(tx, { action: "offer.updated", actorId: user.id, actorRole: user.role, entityType: "JobOffer", entityId: id, platformId: before.platformId, metadata: { changes: auditChanges(before, data) } });
    return getOffer(tx, user, id);
  });
}

/** Manual status change (publish, cancel, expire, republish), checked by the state machine. */
export async function transitionOffer(db: Db, user: CurrentUser, id: string, to: OfferStatus, version: number): Promise<OfferDto> {
  if (!can(user, "offer.write")) throw new ForbiddenError();
  if (to === "PARTIALLY_FILLED") throw new UnprocessableError("« Partiellement pourvue » découle des embauches enregistrées : il ne se choisit pas.");
  return db.$transaction(async (tx) => {
    const before = await findOfferRow(tx, user, id);
    const check = checkTransition(before.status, to);
    if (!check.ok) throw new UnprocessableError(check.message, { status: [check.message] });
    const closing = to === "CANCELLED" || to === "EXPIRED" || to === "FILLED";
    const { count } = await tx.jobOffer.updateMany({ where: { id, version }, data: { status: to, closedAt: closing ? new Date() : null, filledAt: to === "FILLED" ? new Date() : undefined, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette offre a été modifiée entre-temps. Rechargez la page.");
    await recordAudit(tx, { action: "offer.transition", actorId: user.id, actorRole: user.role, entityType: "JobOffer", entityId: id, platformId: before.platformId, metadata: { from: before.status, to } });
    return getOffer(tx, user, id);
  });
}

export async function deleteOffer(db: Db, user: CurrentUser, id: string): Promise<void> {
  if (!can(user, "offer.write")) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const o = await findOfferRow(tx, user, id);
    const proposals = await tx.proposal.count({ where: { offerId: id } });
    if (proposals > 0 || o.status !== "DRAFT") throw new UnprocessableError("Seule une offre en brouillon sans positionnement peut être supprimée ; sinon, annulez-la.");
    await tx.jobOffer.delete({ where: { id } });
    await recordAudit(tx, { action: "offer.deleted", actorId: user.id, actorRole: user.role, entityType: "JobOffer", entityId: id, platformId: o.platformId, metadata: { companyId: o.companyId, title: o.title } });
  });
}

/**
 * The scheduled sweep: open offers past the expiry delay (OPERATIONS rule set) become EXPIRED.
 * Idempotent; each offer is expired in its own guarded update, so a concurrent edit wins.
 */
export async function expireInactiveOffers(db: Db, now: Date): Promise<{ expired: number }> {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const candidates = await db.jobOffer.findMany({ where: { status: { in: ["OPEN", "PARTIALLY_FILLED"] } }, select: offerSelect });
  let expired = 0;
  for (const o of candidates) {
    if (!goesStale(o.status) || offerStaleness(lastActivity(o), now, rules).state !== "EXPIRE_NOW") continue;
    const { count } = await db.jobOffer.updateMany({ where: { id: o.id, version: o.version }, data: { status: "EXPIRED", closedAt: now, version: { increment: 1 } } });
    if (count) {
      expired++;
      await recordAudit(db, { action: "offer.expired", entityType: "JobOffer", entityId: o.id, platformId: o.platformId, reason: `Sans activité depuis ${rules.offerExpireDays} jours` });
    }
  }
  return { expired };
}
