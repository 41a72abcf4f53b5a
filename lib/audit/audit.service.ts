// Audit log of security events and personal-data access. Events are chained by hash so that a
// removed or altered row is detectable (the verification job belongs to the GDPR issue).
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
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

/**
 * The event's own part of the hashed text: `"action",…,metadata]` — the tail of the JSON array
 * `[prevHash, at, action, actorId, entityType, entityId, platformId, reason, metadata]`. The database
 * (`audit_append`, migration 20261203094500) prefixes `[prevHash,"at",` under the chain's lock.
 */
export function auditTail(e: AuditInput): string {
  return JSON.stringify([e.action, e.actorId ?? null, e.entityType ?? null, e.entityId ?? null, e.platformId ?? null, e.reason ?? null, canonical(e.metadata ?? null)]).slice(1);
}

/** sha256 of `JSON.stringify([prevHash, at.toISOString(), …auditTail])` — what verify recomputes. */
export function auditHash(prevHash: string | null, e: AuditInput, at: Date): string {
  const body = `[${JSON.stringify(prevHash)},${JSON.stringify(at.toISOString())},${auditTail(e)}`;
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Appends one event in one statement: lock, head, hash and insert run in the database
 * (`audit_append`), so the chain's lock is held for that statement and the COMMIT only. Given a
 * transaction, the event commits (or rolls back) with it — no nested savepoint; given the client,
 * the statement runs on its own (autocommit).
 */
export async function recordAudit(db: DbOrTx, e: AuditInput): Promise<void> {
  const metadata = e.metadata === undefined || e.metadata === null ? null : JSON.stringify(e.metadata);
  await db.$executeRaw`SELECT audit_append(${AUDIT_LOCK}::bigint, ${auditTail(e)}, ${e.action}, ${e.actorId ?? null}::uuid,
    ${e.actorRole ?? null}::"Role", ${e.entityType ?? null}, ${e.entityId ?? null}, ${e.platformId ?? null}::uuid, ${e.reason ?? null},
    ${metadata}::jsonb, ${e.ip ?? null}, ${e.requestId ?? null})`;
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
