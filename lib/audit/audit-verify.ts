// Recomputes the audit log's hash chain (`npm run audit:verify`, and the DPO screen).
// A row is broken when its stored hash is not the hash of its own content chained to the previous
// row's hash: an altered row breaks itself, a deleted row breaks the next one.
// No "server-only": the command-line script imports it.
import type { DbOrTx } from "@/lib/db";
import { auditHash } from "@/lib/audit/audit.service";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditChainReport {
  checked: number;
  firstBroken: { id: string; at: string; reason: "hash" | "chain" } | null;
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
}

export async function verifyAuditChain(db: DbOrTx, batchSize = 1000): Promise<AuditChainReport> {
  // Issue 22 §5: the retention run removes the head of the chain past its period and leaves an
  // anchor (last removed id and hash); the chain is checked from there. Without an anchor, from
  // the first event (whose prevHash is null).
  const anchor = await db.auditChainAnchor.findFirst({ orderBy: { upToId: "desc" }, select: { upToId: true, lastHash: true } });
  let prev: string | null = anchor?.lastHash ?? null;
  let checked = 0;
  for (let after: bigint | null = anchor?.upToId ?? null; ; ) {
    const rows: AuditRow[] = await db.auditEvent.findMany({
      where: after === null ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, at: true, action: true, actorId: true, entityType: true, entityId: true, platformId: true, reason: true, metadata: true, prevHash: true, hash: true },
    });
    for (const r of rows) {
      const broken = (reason: "hash" | "chain") => ({ checked, firstBroken: { id: r.id.toString(), at: r.at.toISOString(), reason } });
      if (r.prevHash !== prev) return broken("chain");
      const expected = auditHash(
        prev,
        {
          action: r.action,
          actorId: r.actorId,
          entityType: r.entityType ?? undefined,
          entityId: r.entityId ?? undefined,
          platformId: r.platformId,
          reason: r.reason ?? undefined,
          metadata: (r.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
        },
        r.at,
      );
      if (r.hash !== expected) return broken("hash");
      prev = r.hash;
      checked += 1;
    }
    if (rows.length < batchSize) return { checked, firstBroken: null };
    after = rows[rows.length - 1]!.id;
  }
}
