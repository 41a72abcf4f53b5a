import "server-only";
// Mobility diagnostics of a job seeker, linked to the France Travail subsidy file that funds them.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkDiagnostic, checkFundingFile } from "@/lib/diagnostics/diagnostic.rules";
import type { DiagnosticDto, DiagnosticInput, DiagnosticListQuery, UpdateDiagnosticInput } from "@/lib/diagnostics/diagnostic.schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findJobSeekerInScope } from "@/lib/job-seekers/job-seeker.query";
import { refreshLastContact } from "@/lib/job-seekers/last-contact.service";

const select = {
  id: true, jobSeekerId: true, subsidyFileId: true, date: true, diagnosticDone: true, accompanimentDone: true, accompanimentDurationDays: true,
  solutionRecommended: true, solutionType: true, orientationMaterialFinancial: true, distanceBeforeKm: true, distanceAfterKm: true, satisfaction: true, version: true,
} as const satisfies Prisma.MobilityDiagnosticSelect;

function toDto(r: Prisma.MobilityDiagnosticGetPayload<{ select: typeof select }>): DiagnosticDto {
  return { ...r, date: r.date.toISOString().slice(0, 10) };
}

export async function createDiagnostic(db: Db, user: CurrentUser, input: DiagnosticInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<DiagnosticDto> {
  const facts = { ...input, accompanimentDurationDays: input.accompanimentDurationDays ?? null, solutionType: input.solutionType ?? null, distanceBeforeKm: input.distanceBeforeKm ?? null, distanceAfterKm: input.distanceAfterKm ?? null };
  const errors = checkDiagnostic(facts, now);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return db.$transaction(async (tx) => {
    const person = await findJobSeekerInScope(tx, user, input.jobSeekerId);
    if (input.subsidyFileId) {
      const file = await tx.subsidyFile.findUnique({ where: { id: input.subsidyFileId }, select: { funder: true, platformId: true } });
      const problem = checkFundingFile(file, person.platformId);
      if (problem) throw new ValidationError({ subsidyFileId: [problem] });
    }
    const row = await tx.mobilityDiagnostic.create({ data: { ...facts, satisfaction: input.satisfaction ?? null, subsidyFileId: input.subsidyFileId ?? null, platformId: person.platformId }, select });
    await refreshLastContact(tx, person.id, now);
    await recordAudit(tx, {
      action: "diagnostic.created", actorId: user.id, actorRole: user.role, entityType: "MobilityDiagnostic", entityId: row.id, platformId: person.platformId,
      reason: "Diagnostic mobilité", requestId: ctx.requestId, metadata: { jobSeekerId: person.id, subsidyFileId: row.subsidyFileId },
    });
    return toDto(row);
  });
}

function diagnosticScope(user: CurrentUser): Prisma.MobilityDiagnosticWhereInput {
  const scope = scopeFor(user, "diagnostic");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.MobilityDiagnosticWhereInput;
}

/** One diagnostic of an active person in the user's scope (else 404); the read is audited with its purpose. */
export async function getDiagnostic(db: DbOrTx, user: CurrentUser, id: string, p: { purpose: string; requestId?: string }): Promise<DiagnosticDto & { platformId: string }> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.mobilityDiagnostic.findFirst({ where: { AND: [{ id }, diagnosticScope(user), { jobSeeker: { lifecycle: "ACTIVE" } }] }, select: { ...select, platformId: true } })
    : null;
  if (!row) throw new NotFoundError("Diagnostic introuvable.");
  await recordAudit(db, { action: "diagnostic.read", actorId: user.id, actorRole: user.role, entityType: "MobilityDiagnostic", entityId: id, platformId: row.platformId, reason: p.purpose, requestId: p.requestId, metadata: { jobSeekerId: row.jobSeekerId } });
  const { platformId, ...rest } = row;
  return { ...toDto(rest), platformId };
}

/** Edits a diagnostic with optimistic locking (409 on a stale version); audited with the changed field names. */
export async function updateDiagnostic(db: Db, user: CurrentUser, id: string, input: UpdateDiagnosticInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<DiagnosticDto> {
  const { version, ...rest } = input;
  const facts = { ...rest, accompanimentDurationDays: rest.accompanimentDurationDays ?? null, solutionType: rest.solutionType ?? null, distanceBeforeKm: rest.distanceBeforeKm ?? null, distanceAfterKm: rest.distanceAfterKm ?? null, satisfaction: rest.satisfaction ?? null, subsidyFileId: rest.subsidyFileId ?? null };
  const errors = checkDiagnostic(facts, now);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return db.$transaction(async (tx) => {
    const before = await tx.mobilityDiagnostic.findFirst({ where: { AND: [{ id }, diagnosticScope(user), { jobSeeker: { lifecycle: "ACTIVE" } }] }, select: { ...select, platformId: true } });
    if (!before) throw new NotFoundError("Diagnostic introuvable.");
    if (facts.subsidyFileId && facts.subsidyFileId !== before.subsidyFileId) {
      const file = await tx.subsidyFile.findUnique({ where: { id: facts.subsidyFileId }, select: { funder: true, platformId: true } });
      const problem = checkFundingFile(file, before.platformId);
      if (problem) throw new ValidationError({ subsidyFileId: [problem] });
    }
    const { count } = await tx.mobilityDiagnostic.updateMany({ where: { id, version }, data: { ...facts, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce diagnostic a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa version actuelle.");
    await refreshLastContact(tx, before.jobSeekerId, now);
    await recordAudit(tx, {
      action: "diagnostic.updated", actorId: user.id, actorRole: user.role, entityType: "MobilityDiagnostic", entityId: id, platformId: before.platformId,
      reason: "Diagnostic mobilité", requestId: ctx.requestId, metadata: { jobSeekerId: before.jobSeekerId, changes: auditChanges(before, facts) },
    });
    return toDto(await tx.mobilityDiagnostic.findUniqueOrThrow({ where: { id }, select }));
  });
}

export async function listDiagnostics(db: Db, user: CurrentUser, q: DiagnosticListQuery, p: { purpose: string; requestId?: string }) {
  const scope = scopeFor(user, "diagnostic");
  if (!scope) throw new ForbiddenError();
  const where: Prisma.MobilityDiagnosticWhereInput = { AND: [scope as Prisma.MobilityDiagnosticWhereInput, { jobSeeker: { lifecycle: "ACTIVE" } }, q.jobSeekerId ? { jobSeekerId: q.jobSeekerId } : {}] };
  return db.$transaction(async (tx) => {
    const [total, rows] = await Promise.all([
      tx.mobilityDiagnostic.count({ where }),
      tx.mobilityDiagnostic.findMany({ where, orderBy: [{ date: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select }),
    ]);
    await recordAudit(tx, { action: "diagnostic.list", actorId: user.id, actorRole: user.role, entityType: "MobilityDiagnostic", reason: p.purpose, requestId: p.requestId, metadata: { count: rows.length, total } });
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  });
}

/** France Travail subsidy files of a platform, to link a diagnostic to the project that funds it. */
export async function fundingFiles(db: Db, platformId: string) {
  const rows = await db.subsidyFile.findMany({ where: { platformId, funder: "FRANCE_TRAVAIL" }, select: { id: true, year: true, status: true }, orderBy: { year: "desc" } });
  return rows.map((r) => ({ id: r.id, label: `Convention mobilité France Travail ${r.year}` }));
}
