import "server-only";
import type { AuditEventDto, AuditListQuery } from "@/lib/audit/audit.schema";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";

export async function listAuditEvents(db: Db, user: CurrentUser, q: AuditListQuery) {
  if (!can(user, "audit.read")) throw new ForbiddenError();
  const where = {
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actorEmail ? { actor: { email: q.actorEmail } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: q.sort === "at" ? "asc" : "desc" }, { id: q.sort === "at" ? "asc" : "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, at: true, action: true, actorRole: true, entityType: true, entityId: true, reason: true, actor: { select: { email: true } } },
    }),
  ]);
  const items: AuditEventDto[] = rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actor?.email ?? null,
    actorRole: r.actorRole,
    entityType: r.entityType,
    entityId: r.entityId,
    reason: r.reason,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}
