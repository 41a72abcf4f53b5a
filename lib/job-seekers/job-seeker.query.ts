import "server-only";
// Reads of job-seeker records. Every read is personal-data access: it is scoped with scopeFor and
// written to the audit log with the user and the purpose, in the same transaction as the read.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { detailSelect, summarySelect, toDetail, toSummary } from "@/lib/job-seekers/job-seeker.dto";
import type { JobSeekerListQuery } from "@/lib/job-seekers/job-seeker.schema";
import { likeLiteral } from "@/lib/search/like";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the data was read: stored as the audit event's reason. */
export interface ReadPurpose {
  purpose: string;
  requestId?: string;
}

const ORDER = {
  name: [{ lastName: "asc" }, { firstName: "asc" }],
  "-name": [{ lastName: "desc" }, { firstName: "desc" }],
  lastContact: [{ lastContactAt: "asc" }],
  "-lastContact": [{ lastContactAt: "desc" }],
  createdAt: [{ createdAt: "asc" }],
  "-createdAt": [{ createdAt: "desc" }],
} as const satisfies Record<JobSeekerListQuery["sort"], Prisma.JobSeekerOrderByWithRelationInput[]>;

/** The active job seekers `user` may see; ARCHIVED and DESTROYED never appear in normal screens. */
export function activeSeekerWhere(user: CurrentUser): Prisma.JobSeekerWhereInput {
  const scope = scopeFor(user, "jobSeeker");
  if (!scope) throw new ForbiddenError();
  return { AND: [scope as Prisma.JobSeekerWhereInput, { lifecycle: "ACTIVE" }] };
}

export async function listJobSeekers(db: Db, user: CurrentUser, q: JobSeekerListQuery, p: ReadPurpose) {
  const terms = q.q?.split(/\s+/).filter(Boolean) ?? [];
  const search: Prisma.JobSeekerWhereInput[] = terms.map((t) => ({
    OR: [
      { lastName: { contains: likeLiteral(t), mode: "insensitive" } },
      { firstName: { contains: likeLiteral(t), mode: "insensitive" } },
      { email: { contains: likeLiteral(t), mode: "insensitive" } },
      { franceTravailId: { startsWith: t.toUpperCase() } },
      { city: { contains: likeLiteral(t), mode: "insensitive" } },
    ],
  }));
  const where: Prisma.JobSeekerWhereInput = { AND: [activeSeekerWhere(user), ...search, q.origin ? { origin: q.origin } : {}] };
  return db.$transaction(async (tx) => {
    const [total, rows] = await Promise.all([
      tx.jobSeeker.count({ where }),
      tx.jobSeeker.findMany({
        where,
        orderBy: [...ORDER[q.sort], { id: "asc" }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
        select: { ...summarySelect, proposals: { orderBy: { statusChangedAt: "desc" }, take: 1, select: { kind: true, status: true, label: true, statusChangedAt: true, offer: { select: { title: true } } } } },
      }),
    ]);
    await recordAudit(tx, {
      action: "jobSeeker.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", reason: p.purpose, requestId: p.requestId,
      metadata: { count: rows.length, total, page: q.page, search: q.q ? true : false },
    });
    const items = rows.map((r) => {
      const last = r.proposals[0];
      return {
        ...toSummary(r),
        latestProposal: last ? { kind: last.kind, status: last.status, label: last.offer?.title ?? last.label ?? null, at: last.statusChangedAt.toISOString() } : null,
      };
    });
    return { items, page: q.page, pageSize: q.pageSize, total };
  });
}
export type JobSeekerListItem = Awaited<ReturnType<typeof listJobSeekers>>["items"][number];

/** A restricted record (rights request) is frozen: no edit, no proposal, no matching until the DPO lifts it. */
export function assertNotRestricted(person: { restrictedAt: Date | null }): void {
  if (person.restrictedAt) throw new UnprocessableError("Le traitement des données de cette personne est limité (demande d'exercice de droits) : aucune modification ni proposition n'est possible tant que le DPO ne l'a pas levé.");
}

/** One record in scope (active only), or NotFoundError — out of scope reads as not found. */
export async function findJobSeekerInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("Demandeur d'emploi introuvable.");
  const row = await tx.jobSeeker.findFirst({ where: { AND: [{ id }, activeSeekerWhere(user)] }, select: detailSelect });
  if (!row) throw new NotFoundError("Demandeur d'emploi introuvable.");
  return row;
}

export async function getJobSeeker(db: Db, user: CurrentUser, id: string, p: ReadPurpose) {
  return db.$transaction(async (tx) => {
    const row = await findJobSeekerInScope(tx, user, id);
    await recordAudit(tx, {
      action: "jobSeeker.read", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId: row.platformId,
      reason: p.purpose, requestId: p.requestId,
    });
    return toDetail(row);
  });
}

/** Everything on the person's timeline, newest first (the record itself was read and audited). */
export async function getJobSeekerActivity(db: DbOrTx, jobSeekerId: string) {
  const [interactions, proposals, events, diagnostics] = await Promise.all([
    db.jobSeekerInteraction.findMany({ where: { jobSeekerId }, orderBy: { at: "desc" }, take: 200, select: { id: true, kind: true, at: true, summary: true } }),
    db.proposal.findMany({
      where: { jobSeekerId },
      orderBy: { proposedAt: "desc" },
      select: {
        id: true, kind: true, status: true, label: true, proposedAt: true, statusChangedAt: true, refusalReason: true, refusalComment: true,
        notRetainedReason: true, interviewAt: true, hiredAt: true, hireContractType: true, version: true, offerId: true,
        offer: { select: { title: true, company: { select: { name: true } } } },
      },
    }),
    db.eventJobSeekerParticipation.findMany({ where: { jobSeekerId }, select: { attended: true, event: { select: { id: true, title: true, date: true } } } }),
    db.mobilityDiagnostic.findMany({ where: { jobSeekerId }, orderBy: { date: "desc" }, select: { id: true, date: true, diagnosticDone: true, accompanimentDone: true } }),
  ]);
  return { interactions, proposals, events, diagnostics };
}
export type JobSeekerActivity = Awaited<ReturnType<typeof getJobSeekerActivity>>;
