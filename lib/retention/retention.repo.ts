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

/**
 * Free-text columns that may name a person without a link to their record (a note on a company,
 * a breach note, a notification built from a follow-up's label, the e-mail that carried it, a
 * request received before the person was identified, a list search kept with an export…).
 * Destruction replaces the person's identifiers there (see `mentionPatterns`). The audit log is
 * not in the list: it is hash-chained and its writers put ids in it, never values (issue 15).
 */
export const MENTION_COLUMNS: readonly { table: string; column: string; type: "text" | "array" | "json" }[] = [
  { table: "Notification", column: "title", type: "text" },
  { table: "OutboxEmail", column: "to", type: "text" },
  { table: "OutboxEmail", column: "subject", type: "text" },
  { table: "OutboxEmail", column: "text", type: "text" },
  { table: "OutboxEmail", column: "html", type: "text" },
  { table: "BreachRecord", column: "nature", type: "text" },
  { table: "BreachRecord", column: "contact", type: "text" },
  { table: "BreachRecord", column: "consequences", type: "text" },
  { table: "BreachRecord", column: "measures", type: "text" },
  { table: "RightsRequest", column: "requesterName", type: "text" },
  { table: "RightsRequest", column: "requesterContact", type: "text" },
  { table: "RightsRequest", column: "details", type: "text" },
  { table: "RightsRequest", column: "response", type: "text" },
  { table: "CompanyInteraction", column: "summary", type: "text" },
  { table: "JobSeekerInteraction", column: "summary", type: "text" },
  { table: "FollowUpAction", column: "label", type: "text" },
  { table: "CallbackAttempt", column: "note", type: "text" },
  { table: "NumeroVertCallback", column: "qualifiedNeed", type: "text" },
  { table: "Visit", column: "outcome", type: "text" },
  { table: "Visit", column: "notes", type: "text" },
  { table: "CircuitCourtEvent", column: "outcomes", type: "text" },
  { table: "GovernanceMeeting", column: "decisions", type: "text" },
  { table: "GovernanceMeeting", column: "attendees", type: "array" },
  { table: "ImportBatch", column: "errors", type: "json" },
  { table: "TableExport", column: "query", type: "json" },
];

/** What replaces an identifier in free text. */
export const ERASED_MENTION = "[donnée effacée]";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * PostgreSQL regular expressions (case-insensitive, whole words) for a person's identifiers: each
 * value as written, a phone number with or without separators, a birth date in ISO and French
 * formats. A first name alone is not searched (too common to be erased from every note of the
 * Région); « Prénom Nom » and « Nom Prénom » are.
 */
export function mentionPatterns(p: { lastName?: string | null; firstName?: string | null; email?: string | null; phone?: string | null; franceTravailId?: string | null; addressLine?: string | null; birthDate?: Date | null }): string[] {
  const out: string[] = [];
  const word = (v: string) => `\\m${v}\\M`;
  for (const v of [p.email, p.franceTravailId, p.addressLine]) if (v && v.trim().length >= 3) out.push(escapeRegex(v.trim()));
  if (p.lastName && p.lastName.trim().length >= 2) {
    const last = escapeRegex(p.lastName.trim());
    if (p.firstName?.trim()) {
      const first = escapeRegex(p.firstName.trim());
      out.push(word(`${first}[[:space:]]+${last}`), word(`${last}[[:space:]]+${first}`));
    }
    out.push(word(last));
  }
  const digits = p.phone?.replace(/\D/g, "") ?? "";
  if (digits.length >= 6) out.push(digits.split("").join("[ .-]?"));
  if (p.birthDate) {
    const iso = p.birthDate.toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-");
    out.push(iso, `${d}/${m}/${y}`);
  }
  return out;
}

/**
 * Replaces the person's identifiers in every column of MENTION_COLUMNS. One statement per column,
 * rows matching first (most rows mention nobody). Names of tables and columns come from the
 * constant above, never from input; the patterns are bound parameters.
 */
export async function scrubMentions(tx: DbOrTx, patterns: readonly string[]): Promise<number> {
  if (patterns.length === 0) return 0;
  // Longest first: « Prénom Nom » before « Nom », so the whole mention goes at once.
  const re = [...patterns].sort((a, b) => b.length - a.length).map((p) => `(${p})`).join("|");
  let changed = 0;
  for (const { table, column, type } of MENTION_COLUMNS) {
    const col = `"${table}"."${column}"`;
    const sql =
      type === "text"
        ? `UPDATE "${table}" SET "${column}" = regexp_replace(${col}, $1, $2, 'gi') WHERE ${col} ~* $1`
        : type === "array"
          ? `UPDATE "${table}" SET "${column}" = ARRAY(SELECT regexp_replace(x, $1, $2, 'gi') FROM unnest(${col}) AS x) WHERE array_to_string(${col}, ' ') ~* $1`
          : `UPDATE "${table}" SET "${column}" = regexp_replace(${col}::text, $1, $2, 'gi')::jsonb WHERE ${col}::text ~* $1`;
    changed += await tx.$executeRawUnsafe(sql, re, ERASED_MENTION);
  }
  return changed;
}

/** Erases a chef de file's identity and free text; sector, platform and event counts stay (anonymous). */
export async function destroyChefDeFile(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const who = await tx.chefDeFile.findFirst({ where: { id, lifecycle: { not: "DESTROYED" } }, select: { lastName: true, firstName: true, proEmail: true, proPhone: true } });
  const { count } = await tx.chefDeFile.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" } },
    data: { lastName: null, firstName: null, jobTitle: null, proEmail: null, proPhone: null, commitments: null, active: false, lifecycle: "DESTROYED", destroyedAt: now, version: { increment: 1 } },
  });
  if (count === 1) {
    await tx.importBatchItem.updateMany({ where: { entityType: "ChefDeFile", entityId: id }, data: { before: Prisma.DbNull } });
    if (who) await scrubMentions(tx, mentionPatterns({ ...who, email: who.proEmail, phone: who.proPhone }));
  }
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
  // Read before erasing: the values are what to look for in the free text of other tables.
  const who = await tx.jobSeeker.findFirst({
    where: { id, lifecycle: { not: "DESTROYED" } },
    select: { lastName: true, firstName: true, email: true, phone: true, franceTravailId: true, addressLine: true, birthDate: true },
  });
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
  await tx.rightsRequest.updateMany({ where: { jobSeekerId: id }, data: { requesterName: null, requesterContact: null, details: null, response: null } });
  // An import's undo snapshot holds the previous values of the person.
  await tx.importBatchItem.updateMany({ where: { entityType: "JobSeeker", entityId: id }, data: { before: Prisma.DbNull } });
  // Rectification history: the previous versions of the record are personal data too.
  await tx.jobSeekerRevision.deleteMany({ where: { jobSeekerId: id } });
  // Mentions without a link to the record: notes, notifications, e-mails, breach notes…
  if (who) await scrubMentions(tx, mentionPatterns(who));
  return true;
}

export async function destroyCompanyContact(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const who = await tx.companyContact.findFirst({ where: { id, lifecycle: { not: "DESTROYED" } }, select: { lastName: true, firstName: true, proEmail: true, proPhone: true, proAddress: true } });
  const { count } = await tx.companyContact.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" } },
    data: { lastName: null, firstName: null, jobTitle: null, proAddress: null, proEmail: null, proPhone: null, lifecycle: "DESTROYED", destroyedAt: now, version: { increment: 1 } },
  });
  if (count === 1) {
    await tx.importBatchItem.updateMany({ where: { entityType: "CompanyContact", entityId: id }, data: { before: Prisma.DbNull } });
    if (who) await scrubMentions(tx, mentionPatterns({ ...who, email: who.proEmail, phone: who.proPhone, addressLine: who.proAddress }));
  }
  return count === 1;
}
