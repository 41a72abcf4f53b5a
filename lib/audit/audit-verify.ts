// Recomputes the audit log's hash chain (`npm run audit:verify`, the nightly job and the DPO screen).
// A sealed row is broken when its stored hash is not the hash of its own content chained to the
// previous position's hash: an altered row breaks itself, a deleted row breaks the next one.
// Events waiting to be sealed (issue 18, lib/audit/audit-sealer.ts) are checked too: their stored
// tail must still be their content, and none may wait longer than AUDIT_SEAL_MAX_DELAY_MINUTES
// (a sealer that stopped would otherwise leave events outside the chain unnoticed).
// Reads only: it never seals. No "server-only": the command-line script imports it.
import type { DbOrTx } from "@/lib/db";
import { auditHash, auditTail, type AuditInput } from "@/lib/audit/audit.service";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditBreakReason = "hash" | "chain" | "unsealed";

export interface AuditChainReport {
  /** Sealed events checked. */
  checked: number;
  /** Events waiting to be sealed, and the time of the oldest. */
  unsealed: { count: number; oldestAt: string | null };
  firstBroken: { id: string; at: string; reason: AuditBreakReason } | null;
}

interface AuditRow {
  id: bigint;
  at: Date;
  action: string;
  actorId: string | null;
  entityType: string | null;
  entityId: string | null;
  platformId: string | null;
  reason: string | null;
  metadata: Prisma.JsonValue;
  prevHash: string | null;
  hash: string | null;
  chainPos: bigint | null;
  tail: string | null;
}

const select = {
  id: true, at: true, action: true, actorId: true, entityType: true, entityId: true, platformId: true, reason: true, metadata: true, prevHash: true, hash: true, chainPos: true, tail: true,
} as const;

function content(r: AuditRow): AuditInput {
  return {
    action: r.action,
    actorId: r.actorId,
    entityType: r.entityType ?? undefined,
    entityId: r.entityId ?? undefined,
    platformId: r.platformId,
    reason: r.reason ?? undefined,
    metadata: (r.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

export async function verifyAuditChain(
  db: DbOrTx,
  opts: { batchSize?: number; now?: Date; maxSealDelayMinutes?: number } = {},
): Promise<AuditChainReport> {
  const batchSize = opts.batchSize ?? 1000;
  const now = opts.now ?? new Date();
  const maxDelayMs = (opts.maxSealDelayMinutes ?? env.AUDIT_SEAL_MAX_DELAY_MINUTES) * 60_000;
  // Issue 22 §5: the retention run removes the head of the chain past its period and leaves an
  // anchor (last removed chain position and hash); the chain is checked from there. Without an
  // anchor, from the first event (whose prevHash is null).
  const anchor = await db.auditChainAnchor.findFirst({ orderBy: { upToId: "desc" }, select: { upToId: true, lastHash: true } });
  let prev: string | null = anchor?.lastHash ?? null;
  let checked = 0;
  // Waiting events first, then the chain: an event sealed in between is then seen in the chain
  // (never in neither). The sealer hashes a waiting event's stored tail: it must still describe
  // the row's content (an event altered before its seal would otherwise be sealed as written and
  // its alteration never seen).
  let count = 0;
  let oldest: AuditRow | null = null;
  let altered: AuditRow | null = null;
  for (let after = BigInt(0); ; ) {
    const rows: AuditRow[] = await db.auditEvent.findMany({ where: { chainPos: null, id: { gt: after } }, orderBy: { id: "asc" }, take: batchSize, select });
    for (const w of rows) {
      count += 1;
      if (!oldest || w.at < oldest.at) oldest = w;
      if (!altered && w.tail !== auditTail(content(w))) altered = w;
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  const unsealed = { count, oldestAt: oldest?.at.toISOString() ?? null };
  const broken = (r: AuditRow, reason: AuditBreakReason): AuditChainReport => ({ checked, unsealed, firstBroken: { id: r.id.toString(), at: r.at.toISOString(), reason } });
  for (let after: bigint | null = anchor?.upToId ?? null; ; ) {
    const rows: AuditRow[] = await db.auditEvent.findMany({
      where: after === null ? { chainPos: { not: null } } : { chainPos: { gt: after } },
      orderBy: { chainPos: "asc" },
      take: batchSize,
      select,
    });
    for (const r of rows) {
      if (r.prevHash !== prev) return broken(r, "chain");
      if (r.hash !== auditHash(prev, content(r), r.at)) return broken(r, "hash");
      prev = r.hash;
      checked += 1;
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.chainPos;
  }
  if (altered) return broken(altered, "hash");
  if (oldest && now.getTime() - oldest.at.getTime() > maxDelayMs) return broken(oldest, "unsealed");
  return { checked, unsealed, firstBroken: null };
}
