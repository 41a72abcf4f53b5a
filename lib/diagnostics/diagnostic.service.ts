import "server-only";
// Mobility diagnostics of a job seeker, linked to the France Travail subsidy file that funds them.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { checkDiagnostic, checkFundingFile } from "@/lib/diagnostics/diagnostic.rules";
import type { DiagnosticDto, DiagnosticInput, DiagnosticListQuery } from "@/lib/diagnostics/diagnostic.schema";
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
