// Audit log of security events and personal-data access. Events are chained by hash so that a
// removed or altered row is detectable (the verification job belongs to the GDPR issue).
import { createHash } from "node:crypto";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface AuditInput {
  action: string;
  actorId?: string | null;
  actorRole?: Role | null;
  entityType?: string;
  entityId?: string;
  platformId?: string | null;
  reason?: string;
  metadata?: Prisma.InputJsonValue;
  ip?: string;
  requestId?: string;
}

/** Serialises writers with an advisory lock so the hash chain stays linear across instances. */
const AUDIT_LOCK = 7_204_611;

/** JSON with object keys sorted: jsonb does not keep key order, and the hash must survive a round trip. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function auditHash(prevHash: string | null, e: AuditInput, at: Date): string {
  const body = JSON.stringify([prevHash, at.toISOString(), e.action, e.actorId ?? null, e.entityType ?? null, e.entityId ?? null, e.platformId ?? null, e.reason ?? null, canonical(e.metadata ?? null)]);
  return createHash("sha256").update(body).digest("hex");
}

async function write(tx: Prisma.TransactionClient, e: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const at = new Date();
  const prevHash = last?.hash ?? null;
  await tx.auditEvent.create({
    data: {
      at,
      action: e.action,
      actorId: e.actorId ?? null,
      actorRole: e.actorRole ?? null,
      entityType: e.entityType,
      entityId: e.entityId,
      platformId: e.platformId ?? null,
      reason: e.reason,
      metadata: e.metadata,
      ip: e.ip,
      requestId: e.requestId,
      prevHash,
      hash: auditHash(prevHash, e, at),
    },
  });
}

export async function recordAudit(db: DbOrTx, e: AuditInput): Promise<void> {
  if (typeof (db as { $transaction?: unknown }).$transaction === "function") {
    await (db as Db).$transaction((tx) => write(tx, e));
  } else {
    await write(db, e);
  }
}

/**
 * Several events in one go (e.g. one per person of an import batch): one lock, one read of the
 * chain's head, the hashes chained in memory, one multi-row insert (ids follow the array order).
 */
export async function recordAuditMany(tx: Prisma.TransactionClient, events: readonly AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? null;
  const at = new Date();
  const rows: Prisma.AuditEventCreateManyInput[] = events.map((e) => {
    const hash = auditHash(prevHash, e, at);
    const row = {
      at, action: e.action, actorId: e.actorId ?? null, actorRole: e.actorRole ?? null, entityType: e.entityType, entityId: e.entityId, platformId: e.platformId ?? null,
      reason: e.reason, metadata: e.metadata, ip: e.ip, requestId: e.requestId, prevHash, hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
}
