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

/**
 * The chain's advisory lock, taken only by the sealer (`audit_seal`, with pg_try_advisory_xact_lock:
 * one sealer at a time, nobody waits). Writers take no lock.
 */
export const AUDIT_LOCK = 7_204_611;

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
 * `[prevHash, at, action, actorId, entityType, entityId, platformId, reason, metadata]`. Stored with
 * the event (`tail`); the sealer (`audit_seal`, migration 20261205040000) prefixes `[prevHash,"at",`
 * when it gives the event its place in the chain.
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
 * Appends one event in one plain INSERT, without lock: the event is written unsealed (its tail
 * kept, no position or hash) and the sealer chains it within a second once it is committed
 * (lib/audit/audit-sealer.ts; why no event can be lost or reordered: docs/securite.md). Given a
 * transaction, the event is one statement of it and commits (or rolls back) with it — no
 * savepoint; given the client, the statement runs on its own (autocommit). `at` is the database's
 * clock at the insert, to the millisecond (the precision of the column and of the hashed text).
 */
export async function recordAudit(db: DbOrTx, e: AuditInput): Promise<void> {
  const metadata = e.metadata === undefined || e.metadata === null ? null : JSON.stringify(e.metadata);
  await db.$executeRaw`INSERT INTO "AuditEvent" ("at", "action", "actorId", "actorRole", "entityType", "entityId", "platformId", "reason", "metadata", "ip", "requestId", "tail")
    VALUES (date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC'), ${e.action}, ${e.actorId ?? null}::uuid, ${e.actorRole ?? null}::"Role", ${e.entityType ?? null},
    ${e.entityId ?? null}, ${e.platformId ?? null}::uuid, ${e.reason ?? null}, ${metadata}::jsonb, ${e.ip ?? null}, ${e.requestId ?? null}, ${auditTail(e)})`;
}

/**
 * Several events in one go (e.g. one per person of an import batch): multi-row inserts, unsealed,
 * ids (hence chain order) following the array order.
 */
export async function recordAuditMany(tx: Prisma.TransactionClient, events: readonly AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  const at = new Date();
  const rows: Prisma.AuditEventCreateManyInput[] = events.map((e) => ({
    at, action: e.action, actorId: e.actorId ?? null, actorRole: e.actorRole ?? null, entityType: e.entityType, entityId: e.entityId, platformId: e.platformId ?? null,
    reason: e.reason, metadata: e.metadata, ip: e.ip, requestId: e.requestId, tail: auditTail(e),
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
}
