import "server-only";
// The intermediate archive (retention, 18 → 24 months after the last contact): archived people are
// out of every normal screen, search, matching and export. Only the platform manager (own
// platforms) and the DPO see them here, and each reading of a record needs a stated reason that
// the audit log keeps as its purpose.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { archivedReadReasonSchema, type ArchivedListQuery } from "@/lib/job-seekers/archived.schema";
import { detailSelect, toDetail } from "@/lib/job-seekers/job-seeker.dto";
import { UUID } from "@/lib/job-seekers/job-seeker.query";
import { parseInput } from "@/lib/validation";
import { likeLiteral } from "@/lib/search/like";

function archivedWhere(user: CurrentUser): Prisma.JobSeekerWhereInput {
  const scope = scopeFor(user, "archivedJobSeeker");
  if (!scope) throw new ForbiddenError();
  return { AND: [scope as Prisma.JobSeekerWhereInput, { lifecycle: "ARCHIVED" }] };
}

/** Names and dates only; the list itself is an access to personal data, so it is audited too. */
export async function listArchivedJobSeekers(db: Db, user: CurrentUser, q: ArchivedListQuery) {
  const terms = q.q?.split(/\s+/).filter(Boolean) ?? [];
  const where: Prisma.JobSeekerWhereInput = {
    AND: [archivedWhere(user), ...terms.map((t) => ({ OR: [{ lastName: { contains: likeLiteral(t), mode: "insensitive" as const } }, { firstName: { contains: likeLiteral(t), mode: "insensitive" as const } }] }))],
  };
  return db.$transaction(async (tx) => {
    const [total, rows] = await Promise.all([
      tx.jobSeeker.count({ where }),
      tx.jobSeeker.findMany({
        where,
        orderBy: [{ archivedAt: "desc" }, { id: "asc" }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
        select: { id: true, lastName: true, firstName: true, lastContactAt: true, archivedAt: true, platform: { select: { name: true } } },
      }),
    ]);
    await recordAudit(tx, {
      action: "jobSeeker.archived.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker",
      reason: "Liste des personnes archivées", metadata: { count: rows.length, total, page: q.page, search: Boolean(q.q) },
    });
    const items = rows.map((r) => ({
      id: r.id, name: `${r.lastName ?? ""} ${r.firstName ?? ""}`.trim(), platform: r.platform.name,
      lastContactAt: r.lastContactAt.toISOString(), archivedAt: r.archivedAt?.toISOString() ?? null,
    }));
    return { items, page: q.page, pageSize: q.pageSize, total };
  });
}
export type ArchivedListItem = Awaited<ReturnType<typeof listArchivedJobSeekers>>["items"][number];

/** One archived record, read with a reason (required) that becomes the audit event's purpose. */
export async function readArchivedJobSeeker(db: Db, user: CurrentUser, id: string, rawReason: unknown, ctx: { requestId?: string } = {}) {
  const where = archivedWhere(user);
  const reason = parseInput(archivedReadReasonSchema, rawReason);
  if (!UUID.test(id)) throw new NotFoundError("Personne archivée introuvable.");
  return db.$transaction(async (tx) => {
    const row = await tx.jobSeeker.findFirst({ where: { AND: [{ id }, where] }, select: { ...detailSelect, archivedAt: true } });
    if (!row) throw new NotFoundError("Personne archivée introuvable.");
    await recordAudit(tx, {
      action: "jobSeeker.archived.read", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id,
      platformId: row.platformId, reason, requestId: ctx.requestId,
    });
    return { ...toDetail(row), archivedAt: row.archivedAt?.toISOString() ?? null };
  });
}

/** Platform and archiving date only (no personal data, so no audit): the heading of the reason form. */
export async function archivedHeading(db: Db, user: CurrentUser, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("Personne archivée introuvable.");
  const row = await db.jobSeeker.findFirst({ where: { AND: [{ id }, archivedWhere(user)] }, select: { id: true, archivedAt: true, platform: { select: { name: true } } } });
  if (!row) throw new NotFoundError("Personne archivée introuvable.");
  return { id: row.id, archivedAt: row.archivedAt, platform: row.platform.name };
}
