// Data access of the records' retention (issue 22 §5–6): candidate queries and the erasures.
// No decisions here (records-retention.rules.ts). Free of "server-only": the job runs from scripts.
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ERASED_MENTION, mentionPatterns, scrubMentions } from "@/lib/retention/retention.repo";

const after = (afterId: string | null) => (afterId ? { id: { gt: afterId } } : {});

export function findClosedRightsRequests(db: DbOrTx, before: Date, afterId: string | null, take: number) {
  return db.rightsRequest.findMany({
    where: {
      status: { in: ["ANSWERED", "REJECTED"] },
      lifecycle: { not: "DESTROYED" },
      OR: [{ answeredAt: { lt: before } }, { answeredAt: null, updatedAt: { lt: before } }],
      ...after(afterId),
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true, platformId: true, status: true, answeredAt: true, updatedAt: true, lifecycle: true },
  });
}

/** The request stays as proof that it was handled (kind, dates, status), without who or what. */
export async function eraseRightsRequest(tx: DbOrTx, id: string): Promise<boolean> {
  const { count } = await tx.rightsRequest.updateMany({
    where: { id, lifecycle: { not: "DESTROYED" }, status: { in: ["ANSWERED", "REJECTED"] } },
    data: { requesterName: null, requesterContact: null, details: null, response: null, jobSeekerId: null, companyContactId: null, chefDeFileId: null, lifecycle: "DESTROYED", version: { increment: 1 } },
  });
  return count === 1;
}

export function findClosedBreaches(db: DbOrTx, before: Date, afterId: string | null, take: number) {
  return db.breachRecord.findMany({
    where: { status: "CLOSED", erasedAt: null, updatedAt: { lt: before }, ...after(afterId) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, platformId: true, status: true, updatedAt: true, erasedAt: true },
  });
}

/** Categories, counts and dates stay (the breach register); the free text that may name people goes. */
export async function eraseBreach(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.breachRecord.updateMany({
    where: { id, erasedAt: null, status: "CLOSED" },
    data: { nature: ERASED_MENTION, contact: null, consequences: null, measures: null, erasedAt: now, version: { increment: 1 } },
  });
  return count === 1;
}

export function findReceiptCandidates(db: DbOrTx, maxYear: number, afterId: string | null, take: number) {
  return db.receipt.findMany({
    where: { subsidyFile: { year: { lte: maxYear } }, ...after(afterId) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, subsidyFileId: true, kind: true, subsidyFile: { select: { year: true, platformId: true } } },
  });
}

export function findCompanyNoteCandidates(db: DbOrTx, before: Date, afterId: string | null, take: number) {
  return db.companyInteraction.findMany({
    where: { at: { lt: before }, summary: { not: ERASED_MENTION }, ...after(afterId) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, platformId: true, at: true },
  });
}

export async function eraseCompanyNotes(tx: DbOrTx, ids: string[]): Promise<number> {
  const { count } = await tx.companyInteraction.updateMany({ where: { id: { in: ids }, summary: { not: ERASED_MENTION } }, data: { summary: ERASED_MENTION, version: { increment: 1 } } });
  return count;
}

export interface SoleTraderCandidate {
  id: string;
  platformId: string;
  lastContactAt: Date | null;
  createdAt: Date;
  erasedAt: Date | null;
}

/** Companies of a sole trader (SIRENE legal category 1000) not yet erased, with no contact since `before`. */
export async function findSoleTraderCandidates(db: DbOrTx, before: Date, afterId: string | null, take: number): Promise<SoleTraderCandidate[]> {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM "Company" c
    JOIN "SireneEstablishment" s ON s.siret = c.siret AND s."individualEntrepreneur"
    WHERE c."erasedAt" IS NULL AND c."createdAt" < ${before}::timestamp
      AND (c."lastContactAt" IS NULL OR c."lastContactAt" < ${before}::timestamp)
      AND (${afterId}::uuid IS NULL OR c.id > ${afterId}::uuid)
    ORDER BY c.id LIMIT ${take}`;
  if (ids.length === 0) return [];
  return db.company.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, platformId: true, lastContactAt: true, createdAt: true, erasedAt: true },
  });
}

/** What a sole trader's company is called once erased (SIRET, sector, NAF, headcount and the figures stay). */
export const ERASED_SOLE_TRADER_NAME = "Entrepreneur individuel (nom effacé)";

export async function eraseSoleTrader(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const who = await tx.company.findFirst({ where: { id, erasedAt: null }, select: { name: true, addressLine: true } });
  const { count } = await tx.company.updateMany({ where: { id, erasedAt: null }, data: { name: ERASED_SOLE_TRADER_NAME, addressLine: null, erasedAt: now, version: { increment: 1 } } });
  if (count === 1 && who) {
    // The trade name is the owner's name: erased wherever a note wrote it.
    const patterns = mentionPatterns({ addressLine: who.addressLine }).concat(who.name.trim().length >= 3 ? [who.name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")] : []);
    await scrubMentions(tx, patterns);
  }
  return count === 1;
}

export function findRevisionCandidates(db: DbOrTx, before: Date, afterId: string | null, take: number) {
  return db.jobSeekerRevision.findMany({
    where: { createdAt: { lt: before }, ...after(afterId) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, createdAt: true, jobSeeker: { select: { platformId: true } } },
  });
}

export async function deleteRevisions(tx: DbOrTx, ids: string[]): Promise<number> {
  const { count } = await tx.jobSeekerRevision.deleteMany({ where: { id: { in: ids } } });
  return count;
}

/** Where the remaining chain starts: the last anchor (chain position and hash), or none. */
export async function lastAuditAnchor(db: DbOrTx): Promise<{ upToId: bigint; lastHash: string } | null> {
  return db.auditChainAnchor.findFirst({ orderBy: { upToId: "desc" }, select: { upToId: true, lastHash: true } });
}

/**
 * Chunks of the head of the audit chain written before `before`: each chunk is a range of chain
 * positions, with the time of its youngest event (the chain is removed from its head only, so what stays is still one verifiable chain).
 * Only sealed events, and only up to the first one written at or after `before`: the chain's
 * order is the order of the commits (issue 18), so an event of a long transaction can sit behind
 * a younger one — the head stops there rather than remove an event before its period.
 */
export async function auditPurgeChunks(db: DbOrTx, before: Date, chunk: number): Promise<{ upToId: bigint; count: number; latestAt: Date }[]> {
  const anchor = await lastAuditAnchor(db);
  const from = anchor?.upToId ?? BigInt(0);
  const rows = await db.$queryRaw<{ upto: bigint; n: bigint; latest: Date }[]>`
    WITH stop AS (
      SELECT "chainPos" AS pos FROM "AuditEvent" WHERE "chainPos" > ${from} AND "at" >= ${before} ORDER BY "chainPos" LIMIT 1
    )
    SELECT max("chainPos") AS upto, count(*) AS n, max("at") AS latest FROM (
      SELECT "chainPos", "at", (row_number() OVER (ORDER BY "chainPos") - 1) / ${chunk} AS k FROM "AuditEvent"
      WHERE "chainPos" > ${from} AND ("chainPos" < (SELECT pos FROM stop) OR NOT EXISTS (SELECT 1 FROM stop))
    ) t GROUP BY k ORDER BY k`;
  return rows.map((r) => ({ upToId: BigInt(r.upto), count: Number(r.n), latestAt: r.latest }));
}

/**
 * Removes the sealed audit events up to chain position `upToId` and leaves an anchor with the last
 * removed hash. The append-only trigger lets this through only inside a maintenance transaction
 * (migration 20261123204000): `app.audit_maintenance` is set locally, for this transaction alone;
 * it refuses, even then, to remove an event waiting to be sealed (migration 20261205040000).
 */
export async function purgeAuditHead(tx: Prisma.TransactionClient, upToId: bigint, runId: string): Promise<number> {
  const head = await tx.auditEvent.findUnique({ where: { chainPos: upToId }, select: { hash: true } });
  if (!head?.hash) return 0;
  await tx.$executeRaw`SELECT set_config('app.audit_maintenance', 'on', true)`;
  const removed = await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "chainPos" <= ${upToId}`;
  await tx.$executeRaw`SELECT set_config('app.audit_maintenance', 'off', true)`;
  await tx.auditChainAnchor.create({ data: { upToId, lastHash: head.hash, removed, runId } });
  return removed;
}
