import { cappedTotal, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder } from "@/lib/pagination/keyset";
import "server-only";
// Proposals (positionnements): create, move through the state machine (proposal.rules.ts), and on a
// hire fill one position of the offer under a row lock so concurrent hires never exceed positions.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertNotRestricted, findJobSeekerInScope, UUID } from "@/lib/job-seekers/job-seeker.query";
import { refreshLastContact } from "@/lib/job-seekers/last-contact.service";
import { applyHire, OFFER_STATUS_LABELS, type OfferStatus } from "@/lib/offers/offer.rules";
import { checkProposalTransition, isOpenProposal } from "@/lib/proposals/proposal.rules";
import type { CreateProposalInput, ProposalDto, ProposalListQuery, TransitionProposalInput } from "@/lib/proposals/proposal.schema";

const select = {
  id: true, jobSeekerId: true, kind: true, offerId: true, label: true, status: true, refusalReason: true, notRetainedReason: true,
  refusalComment: true, proposedAt: true, statusChangedAt: true, interviewAt: true, hiredAt: true, hireContractType: true, version: true, platformId: true,
} as const satisfies Prisma.ProposalSelect;
type Row = Prisma.ProposalGetPayload<{ select: typeof select }>;

function toDto(r: Row): ProposalDto {
  return {
    id: r.id, jobSeekerId: r.jobSeekerId, kind: r.kind, offerId: r.offerId, label: r.label, status: r.status,
    reason: r.refusalReason ?? r.notRetainedReason ?? null, comment: r.refusalComment, proposedAt: r.proposedAt.toISOString(),
    statusChangedAt: r.statusChangedAt.toISOString(), interviewAt: r.interviewAt?.toISOString() ?? null, hiredAt: r.hiredAt?.toISOString() ?? null,
    contractType: r.hireContractType, version: r.version,
  };
}

function proposalScope(user: CurrentUser): Prisma.ProposalWhereInput {
  const scope = scopeFor(user, "proposal");
  if (!scope) throw new ForbiddenError();
  // Proposals of archived or destroyed people leave normal screens with them.
  return { AND: [scope as Prisma.ProposalWhereInput, { jobSeeker: { lifecycle: "ACTIVE" } }] };
}

export async function findOfferInScope(tx: DbOrTx, user: CurrentUser, offerId: string) {
  const scope = scopeFor(user, "offer");
  if (!scope) throw new ForbiddenError();
  if (!UUID.test(offerId)) throw new NotFoundError("Offre introuvable.");
  const offer = await tx.jobOffer.findFirst({
    where: { AND: [{ id: offerId }, scope as Prisma.JobOfferWhereInput] },
    select: { id: true, platformId: true, title: true, status: true, positions: true, positionsFilled: true, version: true, romeCode: true, contractType: true, placeInseeCode: true, placeLabel: true, company: { select: { name: true } } },
  });
  if (!offer) throw new NotFoundError("Offre introuvable.");
  return offer;
}

export async function createProposal(db: Db, user: CurrentUser, input: CreateProposalInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<ProposalDto> {
  return db.$transaction(async (tx) => {
    const person = await findJobSeekerInScope(tx, user, input.jobSeekerId);
    assertNotRestricted(person);
    let label = input.label ?? null;
    if (input.kind === "JOB") {
      const offer = await findOfferInScope(tx, user, input.offerId!);
      if (offer.platformId !== person.platformId) throw new ValidationError({ offerId: ["Cette offre appartient à une autre plateforme que le demandeur."] });
      if (offer.status !== "OPEN" && offer.status !== "PARTIALLY_FILLED") {
        throw new UnprocessableError(`Impossible de positionner sur une offre « ${OFFER_STATUS_LABELS[offer.status as OfferStatus]} ».`, { offerId: ["Offre fermée aux positionnements."] });
      }
      const open = await tx.proposal.findFirst({ where: { jobSeekerId: person.id, offerId: offer.id }, select: { status: true } });
      if (open && isOpenProposal(open.status)) throw new ConflictError("Cette personne est déjà positionnée sur cette offre.", { offerId: ["Déjà positionné·e sur cette offre."] });
      label = null;
    }
    if (input.eventId) {
      const registered = await tx.eventJobSeekerParticipation.findFirst({ where: { eventId: input.eventId, jobSeekerId: person.id, event: { platformId: person.platformId } }, select: { eventId: true } });
      if (!registered) throw new ValidationError({ eventId: ["Cette personne n'est pas inscrite à cet événement."] });
    }
    const created = await tx.proposal.create({
      data: {
        platformId: person.platformId, jobSeekerId: person.id, kind: input.kind, offerId: input.kind === "JOB" ? input.offerId : null, label, eventId: input.eventId ?? null,
        status: "PROPOSED", proposedAt: now, statusChangedAt: now, createdById: user.id,
      },
      select,
    });
    await refreshLastContact(tx, person.id, now);
    await recordAudit(tx, {
      action: "proposal.created", actorId: user.id, actorRole: user.role, entityType: "Proposal", entityId: created.id, platformId: person.platformId,
      reason: "Positionnement", requestId: ctx.requestId, metadata: { jobSeekerId: person.id, kind: input.kind, offerId: created.offerId },
    });
    return toDto(created);
  });
}

/** One more filled position on the offer, under a row lock (SELECT … FOR UPDATE). */
async function fillOfferPosition(tx: Prisma.TransactionClient, offerId: string, hiredAt: Date) {
  await tx.$queryRaw`SELECT id FROM "JobOffer" WHERE id = ${offerId}::uuid FOR UPDATE`;
  const offer = await tx.jobOffer.findUniqueOrThrow({ where: { id: offerId }, select: { status: true, positions: true, positionsFilled: true, version: true } });
  const r = applyHire({ status: offer.status as OfferStatus, positions: offer.positions, positionsFilled: offer.positionsFilled });
  if (!r.ok) throw new UnprocessableError(r.message, { status: [r.message] });
  const { count } = await tx.jobOffer.updateMany({
    where: { id: offerId, version: offer.version },
    data: { positionsFilled: r.value.positionsFilled, status: r.value.status, filledAt: r.value.status === "FILLED" ? hiredAt : undefined, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError("L'offre a été modifiée entre-temps. Réessayez.");
  return r.value;
}

export async function transitionProposal(db: Db, user: CurrentUser, id: string, input: TransitionProposalInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<ProposalDto> {
  return db.$transaction(async (tx) => {
    const current = UUID.test(id) ? await tx.proposal.findFirst({ where: { AND: [{ id }, proposalScope(user)] }, select }) : null;
    if (!current) throw new NotFoundError("Positionnement introuvable.");
    const rule = checkProposalTransition(current.kind, current.status, { to: input.status, reason: input.reason, comment: input.comment, interviewAt: input.interviewAt, hiredAt: input.hiredAt, contractType: input.contractType }, now);
    if (!rule.ok) {
      // A transition the status does not allow is a business-rule refusal (422, on the `status` field the
      // caller sent), like an offer's; a missing or invalid field of an allowed transition is bad input (400).
      if (rule.field === "to") throw new UnprocessableError(rule.message, { status: [rule.message] });
      throw new ValidationError({ [rule.field ?? "status"]: [rule.message] }, rule.message);
    }
    const { fillsOffer, ...changes } = rule.value;
    const { count } = await tx.proposal.updateMany({ where: { id, version: input.version }, data: { ...changes, statusChangedAt: now, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce positionnement a été modifié entre-temps. Rechargez la page.");
    const offer = fillsOffer && current.offerId ? await fillOfferPosition(tx, current.offerId, changes.hiredAt!) : null;
    await refreshLastContact(tx, current.jobSeekerId, now);
    await recordAudit(tx, {
      action: "proposal.statusChanged", actorId: user.id, actorRole: user.role, entityType: "Proposal", entityId: id, platformId: current.platformId,
      reason: "Suivi du positionnement", requestId: ctx.requestId,
      metadata: { jobSeekerId: current.jobSeekerId, from: current.status, to: input.status, ...(offer ? { offerId: current.offerId, positionsFilled: offer.positionsFilled } : {}) },
    });
    return toDto(await tx.proposal.findUniqueOrThrow({ where: { id }, select }));
  });
}

export async function listProposals(db: Db, user: CurrentUser, q: ProposalListQuery, p: { purpose: string; requestId?: string }) {
  const where: Prisma.ProposalWhereInput = {
    AND: [proposalScope(user), q.jobSeekerId ? { jobSeekerId: q.jobSeekerId } : {}, q.offerId ? { offerId: q.offerId } : {}, q.status ? { status: q.status } : {}],
  };
  // Keyset order (issue 18): proposal date then id, indexes `(platformId, proposedAt, id)` and `(proposedAt, id)`.
  const order: KeysetOrder = { keys: [{ field: "proposedAt", dir: q.sort === "proposedAt" ? "asc" : "desc", kind: "date" }] };
  const page = keysetOrderArgs(order, q);
  const wide = Object.keys(proposalScope(user)).length === 0;
  const unfiltered = !q.jobSeekerId && !q.offerId && !q.status;
  const [total, found] = await Promise.all([
    cappedTotal((take) => db.proposal.count({ where, take }), wide && unfiltered ? () => tableEstimate(db, "Proposal") : undefined, page),
    db.proposal.findMany({ where: { AND: [where, page.seek] }, orderBy: page.orderBy as Prisma.ProposalOrderByWithRelationInput[], skip: page.skip, take: page.take, select }),
  ]);
  const result = keysetPage(found, page, q, (r) => r.proposedAt, total);
  // A proposal names a person: listing them is personal-data access, recorded (one autocommitted
  // statement, like the job-seeker reads) before the rows are returned.
  await recordAudit(db, {
    action: "proposal.list", actorId: user.id, actorRole: user.role, entityType: "Proposal", reason: p.purpose, requestId: p.requestId,
    metadata: { count: result.items.length, total: total.value },
  });
  return { ...result, items: result.items.map(toDto) };
}
