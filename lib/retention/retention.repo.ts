// Retention data access: candidate queries and the irreversible erasure of one person.
// No decisions here: which record gets which action is retention.rules.ts's job.
// Kept free of "server-only" because the retention job runs from scripts too.
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export interface JobSeekerCandidate {
  id: string;
  platformId: string;
  lifecycle: "ACTIVE" | "ARCHIVED" | "DESTROYED";
  lastContactAt: Date;
}

/** Job seekers not yet destroyed whose last contact is before `cutoff`, in id order after `afterId`. */
export async function findJobSeekerCandidates(db: DbOrTx, cutoff: Date, afterId: string | null, take: number): Promise<JobSeekerCandidate[]> {
  // The ids first, from the (lifecycle, lastContactAt) index: with ORDER BY id LIMIT the planner
  // otherwise walks the primary key over every person of the Région and filters (0.7 s a batch at
  // region scale, issue 8). MATERIALIZED keeps the candidates' selection before the id ordering.
  const ids = await db.$queryRaw<{ id: string }[]>`
    WITH c AS MATERIALIZED (
      SELECT id FROM "JobSeeker"
      WHERE lifecycle IN ('ACTIVE', 'ARCHIVED') AND "lastContactAt" < ${cutoff}::timestamp
        AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
    )
    SELECT id::text AS id FROM c ORDER BY id LIMIT ${take}`;
  if (ids.length === 0) return [];
  return db.jobSeeker.findMany({
    where: { id: { in: ids.map((r) => r.id) }, lifecycle: { in: ["ACTIVE", "ARCHIVED"] }, lastContactAt: { lt: cutoff } },
    orderBy: { id: "asc" },
    select: { id: true, platformId: true, lifecycle: true, lastContactAt: true },
  });
}

export interface ContactCandidate {
  id: string;
  platformId: string;
  companyId: string;
  lifecycle: "ACTIVE" | "ARCHIVED" | "DESTROYED";
  lastContactAt: Date | null;
  createdAt: Date;
  company: { lastContactAt: Date | null };
}

const beforeOrNull = (cutoff: Date) => ({ OR: [{ lastContactAt: null }, { lastContactAt: { lt: cutoff } }] });

/** Company contacts not yet destroyed for which neither they nor their company were contacted since `cutoff`. */
export function findContactCandidates(db: DbOrTx, cutoff: Date, afterId: string | null, take: number): Promise<ContactCandidate[]> {
  return db.companyContact.findMany({
    where: {
      lifecycle: { not: "DESTROYED" },
      createdAt: { lt: cutoff },
      ...beforeOrNull(cutoff),
      company: beforeOrNull(cutoff),
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true, platformId: true, companyId: true, lifecycle: true, lastContactAt: true, createdAt: true, company: { select: { lastContactAt: true } } },
  });
}

export interface ChefDeFileCandidate {
  id: string;
  platformId: string;
  lifecycle: "ACTIVE" | "ARCHIVED" | "DESTROYED";
  lastContactAt: Date | null;
  createdAt: Date;
  company: { lastContactAt: Date | null } | null;
  /** The latest past event they took part in (at most one). */
  events: { event: { date: Date } }[];
}

/** Chefs de file not yet destroyed with no contact (own, company's, past event) since `cutoff`. */
export function findChefDeFileCandidates(db: DbOrTx, cutoff: Date, now: Date, afterId: string | null, take: number): Promise<ChefDeFileCandidate[]> {
  return db.chefDeFile.findMany({
    where: {
      lifecycle: { not: "DESTROYED" },
      createdAt: { lt: cutoff },
      AND: [beforeOrNull(cutoff), { OR: [{ companyId: null }, { company: beforeOrNull(cutoff) }] }],
      events: { none: { event: { date: { gte: cutoff, lte: now } } } },
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, platformId: true, lifecycle: true, lastContactAt: true, createdAt: true, company: { select: { lastContactAt: true } },
      events: { where: { event: { date: { lte: now } } }, orderBy: { event: { date: "desc" } }, take: 1, select: { event: { select: { date: true } } } },
    },
  });
}

/** Erases a chef de file's identity and free text; sector, platform and event counts stay (anonymous). */
export async function destroyChefDeFile(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.chefDeFile.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" } },
    data: { lastName: null, firstName: null, jobTitle: null, proEmail: null, proPhone: null, commitments: null, active: false, lifecycle: "DESTROYED", destroyedAt: now, version: { increment: 1 } },
  });
  if (count === 1) await tx.importBatchItem.updateMany({ where: { entityType: "ChefDeFile", entityId: id }, data: { before: Prisma.DbNull } });
  return count === 1;
}

/**
 * Moves a job seeker to the intermediate archive. The `lastContactAt` guard makes the update a
 * no-op when a new contact arrived since the candidate was read (the person stays active).
 */
export async function archiveJobSeeker(tx: DbOrTx, c: JobSeekerCandidate, now: Date): Promise<boolean> {
  const { count } = await tx.jobSeeker.updateMany({
    where: { id: c.id, lifecycle: "ACTIVE", lastContactAt: c.lastContactAt },
    data: { lifecycle: "ARCHIVED", archivedAt: now, version: { increment: 1 } },
  });
  return count === 1;
}

/** Every identifying or free-text field of a job seeker (annex 1 art. 2), set to nothing. */
const ERASED_JOB_SEEKER = {
  civilite: null,
  lastName: null,
  firstName: null,
  birthDate: null,
  addressLine: null,
  postalCode: null,
  city: null,
  inseeCode: null,
  phone: null,
  email: null,
  franceTravailId: null,
  transportModes: [],
  maxTravelMinutes: null,
  mobilityScope: null,
  mobilityCodes: [],
  supportNeeds: [],
  supportNeedsOther: null,
  lastClassAttended: null,
  diplomasObtained: null,
  diplomasInProgress: null,
  trainingType: null,
  trainingStartDate: null,
  employmentSituation: null,
  inActivity: null,
  monthsWithoutEmployment: null,
  contractType: null,
  wantsChange: null,
  situationDuringFollowUp: null,
  desiredRomeCodes: [],
  desiredJobLabel: null,
  experiences: null,
  skillLanguages: null,
  skillCertifications: null,
  skillProfessionalLicences: null,
  skillIt: null,
  csp: null,
  rsa: null,
  rqth: null,
  indemnise: null,
  strengthsAndObstacles: null,
  informedChannel: null,
} satisfies Prisma.JobSeekerUpdateManyMutationInput;

/**
 * Destroys a job seeker irreversibly: identifying fields and free text are erased in place (no
 * copy is kept anywhere), while the row itself stays as an anonymous shell so that proposals,
 * hires, diagnostics and event participations still count in the platform's figures.
 * Returns false when the record was already destroyed (idempotence).
 */
export async function destroyJobSeeker(tx: Prisma.TransactionClient, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.jobSeeker.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" } },
    data: { ...ERASED_JOB_SEEKER, lifecycle: "DESTROYED", destroyedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return false;
  await tx.jobSeekerInteraction.updateMany({ where: { jobSeekerId: id }, data: { summary: null } });
  await tx.proposal.updateMany({ where: { jobSeekerId: id }, data: { refusalComment: null, notRetainedReason: null } });
  await tx.eventJobSeekerParticipation.updateMany({ where: { jobSeekerId: id }, data: { outcome: null } });
  await tx.mobilityDiagnostic.updateMany({ where: { jobSeekerId: id }, data: { solutionType: null } });
  // The request stays as proof that it was handled (kind, dates, status), without who or what.
  await tx.rightsRequest.updateMany({ where: { jobSeekerId: id }, data: { requesterName: null, details: null, response: null } });
  // An import's undo snapshot holds the previous values of the person.
  await tx.importBatchItem.updateMany({ where: { entityType: "JobSeeker", entityId: id }, data: { before: Prisma.DbNull } });
  // Rectification history: the previous versions of the record are personal data too.
  await tx.jobSeekerRevision.deleteMany({ where: { jobSeekerId: id } });
  return true;
}

export async function destroyCompanyContact(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.companyContact.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" } },
    data: { lastName: null, firstName: null, jobTitle: null, proAddress: null, proEmail: null, proPhone: null, lifecycle: "DESTROYED", destroyedAt: now, version: { increment: 1 } },
  });
  if (count === 1) await tx.importBatchItem.updateMany({ where: { entityType: "CompanyContact", entityId: id }, data: { before: Prisma.DbNull } });
  return count === 1;
}
