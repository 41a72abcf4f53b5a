import "server-only";
// Month close and reopen. A closed month's figures are frozen into an immutable snapshot (a
// database trigger refuses any change to its content); reopening only marks it superseded, and
// closing again writes a new version, so every figure ever published stays on record.
import type { Db } from "@/lib/db";
import { can, type Principal } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import { ConflictError, ForbiddenError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeFigures } from "@/lib/indicators/compute";
import { INDICATORS_VERSION } from "@/lib/indicators/indicators";
import { isMonthOver, monthDate, monthLabel, type MonthKey } from "@/lib/indicators/period.rules";
import { bilanPlatform } from "@/lib/bilans/bilan.query";

/** Serialises close / reopen of one platform's month across instances. */
async function lockMonth(tx: Prisma.TransactionClient, platformId: string, month: MonthKey) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bilan|${platformId}|${month}`}))`;
}

export interface ClosedMonth {
  platformId: string;
  month: MonthKey;
  snapshotVersion: number;
}

export async function closeMonth(db: Db, user: Principal, input: { platformId: string; month: MonthKey }, now: Date, requestId?: string): Promise<ClosedMonth> {
  if (!can(user, "bilan.close")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  if (!isMonthOver(input.month, now)) throw new UnprocessableError(`Le mois de ${monthLabel(input.month)} n'est pas terminé : il ne peut pas encore être clôturé.`, { month: ["Mois non terminé"] });
  try {
    return await db.$transaction(async (tx) => {
      await lockMonth(tx, platform.id, input.month);
      const versions = await tx.monthlySnapshot.findMany({
        where: { platformId: platform.id, month: monthDate(input.month) },
        select: { snapshotVersion: true, supersededAt: true },
        orderBy: { snapshotVersion: "desc" },
      });
      if (versions.some((v) => v.supersededAt === null)) throw new ConflictError(`Le mois de ${monthLabel(input.month)} est déjà clôturé.`);
      const figures = (await computeFigures(tx, [platform.id], input.month, input.month)).get(platform.id)!.get(input.month)!;
      const snapshotVersion = (versions[0]?.snapshotVersion ?? 0) + 1;
      const snap = await tx.monthlySnapshot.create({
        data: { platformId: platform.id, month: monthDate(input.month), snapshotVersion, definitionsVersion: INDICATORS_VERSION, figures, closedById: user.id, closedAt: now },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "bilan.close", actorId: user.id, actorRole: user.role, entityType: "MonthlySnapshot", entityId: snap.id,
        platformId: platform.id, metadata: { month: input.month, snapshotVersion, definitionsVersion: INDICATORS_VERSION }, requestId,
      });
      return { platformId: platform.id, month: input.month, snapshotVersion };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new ConflictError("Ce mois vient d'être clôturé par quelqu'un d'autre.");
    throw err;
  }
}

export async function reopenMonth(db: Db, user: Principal, input: { platformId: string; month: MonthKey; reason: string }, now: Date, requestId?: string): Promise<ClosedMonth> {
  if (!can(user, "bilan.reopen")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, platform.id, input.month);
    const current = await tx.monthlySnapshot.findFirst({
      where: { platformId: platform.id, month: monthDate(input.month), supersededAt: null },
      select: { id: true, snapshotVersion: true },
    });
    if (!current) throw new ConflictError(`Le mois de ${monthLabel(input.month)} n'est pas clôturé.`);
    const { count } = await tx.monthlySnapshot.updateMany({
      where: { id: current.id, supersededAt: null },
      data: { supersededAt: now, reopenedById: user.id, reopenReason: input.reason },
    });
    if (count === 0) throw new ConflictError("Ce mois a été rouvert entre-temps.");
    await recordAudit(tx, {
      action: "bilan.reopen", actorId: user.id, actorRole: user.role, entityType: "MonthlySnapshot", entityId: current.id,
      platformId: platform.id, reason: input.reason, metadata: { month: input.month, snapshotVersion: current.snapshotVersion }, requestId,
    });
    return { platformId: platform.id, month: input.month, snapshotVersion: current.snapshotVersion };
  });
}

/**
 * Issue 17: the Région referent reviews (validates, DOMAIN.md §1) a month a platform closed. The
 * review belongs to the snapshot in force: a reopened and closed-again month is a new snapshot and
 * waits for a new review. Idempotent: a second review of the same snapshot is refused (409).
 */
export async function reviewMonth(db: Db, user: Principal, input: { platformId: string; month: MonthKey }, now: Date, requestId?: string): Promise<ClosedMonth & { reviewedAt: Date }> {
  if (!can(user, "bilan.review")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, platform.id, input.month);
    const current = await tx.monthlySnapshot.findFirst({
      where: { platformId: platform.id, month: monthDate(input.month), supersededAt: null },
      select: { id: true, snapshotVersion: true, reviewedAt: true },
    });
    if (!current) throw new ConflictError(`Le mois de ${monthLabel(input.month)} n'est pas clôturé : il n'y a pas encore de bilan à relire.`);
    const { count } = await tx.monthlySnapshot.updateMany({ where: { id: current.id, supersededAt: null, reviewedAt: null }, data: { reviewedAt: now, reviewedById: user.id } });
    if (count === 0) throw new ConflictError(`Le bilan de ${monthLabel(input.month)} est déjà relu.`);
    await recordAudit(tx, {
      action: "bilan.review", actorId: user.id, actorRole: user.role, entityType: "MonthlySnapshot", entityId: current.id,
      platformId: platform.id, metadata: { month: input.month, snapshotVersion: current.snapshotVersion }, requestId,
    });
    return { platformId: platform.id, month: input.month, snapshotVersion: current.snapshotVersion, reviewedAt: now };
  });
}
