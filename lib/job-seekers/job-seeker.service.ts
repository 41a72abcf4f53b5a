import "server-only";
// Job-seeker writes: authorize (scope) → validate with the rules and the active rule set → write
// in one transaction → audit. lastContactAt is always derived (last-contact.service.ts).
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toColumns } from "@/lib/job-seekers/job-seeker.dto";
import { activeSeekerWhere, assertNotRestricted, findJobSeekerInScope } from "@/lib/job-seekers/job-seeker.query";
import { checkBirthDate, duplicateReasons, type DuplicateReason, type IdentityKeys } from "@/lib/job-seekers/job-seeker.rules";
import type { CreateJobSeekerInput, InteractionInput, JobSeekerInput, UpdateJobSeekerInput } from "@/lib/job-seekers/job-seeker.schema";
import { refreshLastContact } from "@/lib/job-seekers/last-contact.service";
import { currentNoticeVersion } from "@/lib/notices/notice.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { isInFuture } from "@/lib/fields.schema";

export interface DuplicateCandidate {
  id: string;
  lastName: string | null;
  firstName: string | null;
  birthDate: string | null;
  city: string | null;
  reasons: DuplicateReason[];
}

export type CreateJobSeekerResult = { status: "CREATED"; id: string } | { status: "DUPLICATES"; duplicates: DuplicateCandidate[] };

/** Checks what the zod schema cannot: age from the active rule set, dates against `now`, referent. */
async function checkBusinessRules(db: Db, input: Partial<JobSeekerInput>, now: Date): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (input.birthDate) {
    const { payload } = await getActiveRuleSet(db, "OPERATIONS", now);
    const r = checkBirthDate(input.birthDate, now, payload.jobSeekerMinAge);
    if (!r.ok) fields.birthDate = [r.message];
  }
  if (input.informedAt && isInFuture(input.informedAt, now)) fields.informedAt = ["La date d'information ne peut pas être dans le futur."];
  if (input.referentId) {
    const referent = await db.user.findFirst({ where: { id: input.referentId, role: "REGION_REFERENT", active: true }, select: { id: true } });
    if (!referent) fields.referentId = ["Choisissez un·e référent·e Région actif·ve."];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * The commune is asked once (a combobox storing the INSEE code): the city and postal code follow
 * from the INSEE reference unless the input gives them (API, import). Clearing the commune clears
 * both. An unknown code is kept as typed (imports may carry codes outside the loaded reference).
 */
async function withCommune<T extends Partial<JobSeekerInput>>(db: Db, input: T): Promise<T> {
  if (input.communeCode === undefined) return input;
  if (input.communeCode === null) return { ...input, city: input.city === undefined ? null : input.city, postalCode: input.postalCode === undefined ? null : input.postalCode };
  const c = await db.commune.findUnique({ where: { inseeCode: input.communeCode }, select: { name: true, postalCodes: true } });
  if (!c) return input;
  const postalCode = input.postalCode ?? c.postalCodes[0] ?? null;
  return { ...input, city: input.city ?? c.name, postalCode };
}

/** Probable duplicates among the active job seekers the user can see (never beyond their scope). */
export async function findDuplicates(db: DbOrTx, user: CurrentUser, input: IdentityKeys, excludeId?: string): Promise<DuplicateCandidate[]> {
  const or: Prisma.JobSeekerWhereInput[] = [];
  if (input.franceTravailId) or.push({ franceTravailId: input.franceTravailId });
  if (input.email) or.push({ email: { equals: input.email, mode: "insensitive" } });
  // Names are compared accent-insensitively in the pure rule; the birth date narrows the search.
  if (input.birthDate) or.push({ birthDate: input.birthDate });
  if (or.length === 0) return [];
  const rows = await db.jobSeeker.findMany({
    where: { AND: [activeSeekerWhere(user), { OR: or }, excludeId ? { id: { not: excludeId } } : {}] },
    select: { id: true, lastName: true, firstName: true, birthDate: true, email: true, franceTravailId: true, city: true },
    take: 200,
  });
  return rows
    .map((r) => ({ r, reasons: duplicateReasons(input, r) }))
    .filter((x) => x.reasons.length > 0)
    .slice(0, 10)
    .map(({ r, reasons }) => ({ id: r.id, lastName: r.lastName, firstName: r.firstName, birthDate: r.birthDate?.toISOString().slice(0, 10) ?? null, city: r.city, reasons }));
}

/** The platform a new record belongs to: decided by the server, never taken from the input. */
function platformForNewRecord(user: CurrentUser): string {
  if (user.platformIds.length === 1) return user.platformIds[0]!;
  if (user.platformIds.length === 0) throw new ForbiddenError("Votre compte n'est rattaché à aucune plateforme.");
  throw new ForbiddenError("Votre compte est rattaché à plusieurs plateformes : la saisie doit se faire depuis un compte d'une seule plateforme.");
}

export async function createJobSeeker(db: Db, user: CurrentUser, input: CreateJobSeekerInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<CreateJobSeekerResult> {
  const platformId = platformForNewRecord(user);
  input = await withCommune(db, input);
  await checkBusinessRules(db, input, now);
  const { confirmNotDuplicate, ...fields } = input;
  // The duplicate check and the creation are one step: a transaction-scoped advisory lock per
  // platform serialises creations there, so ten identical parallel requests create one record and
  // find it as a duplicate nine times (issue 16 §14). « Ce n'est pas un doublon » still creates.
  const outcome = await db.$transaction(async (tx): Promise<CreateJobSeekerResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`jobSeeker.create:${platformId}`}))`;
    const duplicates = await findDuplicates(tx, user, fields);
    if (duplicates.length > 0 && !confirmNotDuplicate) return { status: "DUPLICATES", duplicates };
    // Région annex 1 art. 3.3: the record keeps which version of the notice the person was given
    // (the one in force; the form shows it, /demandeurs/[id]/information prints or sends it).
    const informedNoticeVersion = await currentNoticeVersion(tx, "JOB_SEEKER", now);
    const created = await tx.jobSeeker.create({
      data: { ...(toColumns(fields) as Prisma.JobSeekerUncheckedCreateInput), platformId, createdById: user.id, createdAt: now, lastContactAt: now, informedNoticeVersion },
      select: { id: true },
    });
    await refreshLastContact(tx, created.id, now);
    await recordAudit(tx, {
      action: "jobSeeker.created", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: created.id, platformId,
      reason: "Inscription d'un demandeur d'emploi", requestId: ctx.requestId,
      metadata: duplicates.length > 0 ? { duplicatesOverridden: duplicates.map((d) => d.id) } : undefined,
    });
    return { status: "CREATED", id: created.id };
  });
  if (outcome.status === "DUPLICATES") return outcome;
  const id = outcome.id;
  return { status: "CREATED", id };
}

export async function updateJobSeeker(db: Db, user: CurrentUser, id: string, input: UpdateJobSeekerInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<{ id: string; version: number }> {
  input = await withCommune(db, input);
  await checkBusinessRules(db, input, now);
  const { version, ...fields } = input;
  return db.$transaction(async (tx) => {
    const current = await findJobSeekerInScope(tx, user, id);
    assertNotRestricted(current);
    const columns = toColumns(fields);
    // Rectification keeps the history: the previous values of the columns that change are kept in
    // JobSeekerRevision (DPO only; erased with the person), never in the audit log.
    const before = (await tx.jobSeeker.findUniqueOrThrow({ where: { id } })) as Record<string, unknown>;
    const changed = Object.keys(auditChanges(before, columns as Record<string, unknown>));
    const { count } = await tx.jobSeeker.updateMany({ where: { id, version }, data: { ...columns, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette fiche a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page pour voir ses changements.");
    if (changed.length > 0) {
      const previous = Object.fromEntries(changed.map((k) => [k, before[k] ?? null])) as Prisma.InputJsonObject;
      await tx.jobSeekerRevision.create({ data: { jobSeekerId: id, version, changedFields: changed, before: JSON.parse(JSON.stringify(previous)) as Prisma.InputJsonObject, actorId: user.id, createdAt: now } });
    }
    await recordAudit(tx, {
      action: "jobSeeker.updated", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId: current.platformId,
      reason: "Mise à jour de la fiche", requestId: ctx.requestId,
      // Field names only: the audit log must not become a copy of the personal data.
      metadata: { fields: Object.keys(fields), changed },
    });
    return { id, version: version + 1 };
  });
}

export async function addInteraction(db: Db, user: CurrentUser, jobSeekerId: string, input: InteractionInput, ctx: { requestId?: string } = {}, now = new Date()) {
  if (isInFuture(input.at, now)) throw new ValidationError({ at: ["Un échange ne peut pas être daté dans le futur."] });
  return db.$transaction(async (tx) => {
    const person = await findJobSeekerInScope(tx, user, jobSeekerId);
    assertNotRestricted(person);
    const created = await tx.jobSeekerInteraction.create({
      data: { platformId: person.platformId, jobSeekerId, kind: input.kind, at: input.at, summary: input.summary, authorId: user.id },
      select: { id: true, kind: true, at: true, summary: true },
    });
    const lastContactAt = await refreshLastContact(tx, jobSeekerId, now);
    await recordAudit(tx, {
      action: "jobSeeker.interactionAdded", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: jobSeekerId,
      platformId: person.platformId, reason: "Suivi : échange enregistré", requestId: ctx.requestId, metadata: { interactionId: created.id, kind: input.kind },
    });
    return { ...created, at: created.at.toISOString(), lastContactAt: lastContactAt.toISOString() };
  });
}

/** Active Région referents, for the "référent·e qui suit la personne" select. */
export async function listReferents(db: Db) {
  return db.user.findMany({ where: { role: "REGION_REFERENT", active: true }, select: { id: true, firstName: true, lastName: true }, orderBy: [{ lastName: "asc" }] });
}
