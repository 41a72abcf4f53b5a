import "server-only";
// Reading bilans: each month's figures come from its current snapshot when the month is closed
// (frozen forever), otherwise they are computed live and shown as provisional.
import type { DbOrTx } from "@/lib/db";
import { scopeFor, type Principal } from "@/lib/authz/policy";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { computeFigures } from "@/lib/indicators/compute";
import { combinePlatforms, INDICATORS_VERSION, type Figures } from "@/lib/indicators/indicators";
import { monthDate, monthKeyOfDate, monthsBetween, type MonthKey } from "@/lib/indicators/period.rules";
import { sharedComputations } from "@/lib/bilans/shared-for";

export interface PlatformRef {
  id: string;
  name: string;
}

export interface MonthFigures {
  month: MonthKey;
  closed: boolean;
  snapshotVersion: number | null;
  definitionsVersion: string;
  closedAt: Date | null;
  /** Issue 17: when the Région referent reviewed the closed month (null: not yet, or not closed). */
  reviewedAt: Date | null;
  figures: Figures;
}

/** Platforms whose bilans `user` may read (all for Région-wide roles, else their own). */
export async function bilanPlatforms(db: DbOrTx, user: Principal): Promise<PlatformRef[]> {
  const scope = scopeFor(user, "snapshot");
  if (!scope) throw new ForbiddenError();
  const where = "platformId" in scope ? { id: scope.platformId as { in: string[] } } : {};
  return db.platform.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The platform if `user` may read its bilans; otherwise 404 (no existence leak). */
export async function bilanPlatform(db: DbOrTx, user: Principal, platformId: string): Promise<PlatformRef> {
  const p = (await bilanPlatforms(db, user)).find((x) => x.id === platformId);
  if (!p) throw new NotFoundError("Plateforme introuvable.");
  return p;
}

/**
 * Figures of each platform for each month from `first` to `last`: the current snapshot of closed
 * months, a live computation (one grouped query per family, all platforms at once) for the others.
 */
/**
 * Live (open-month) figures shared between requests for a few seconds: the dashboard is read far
 * more often than the provisional figures change, and their computation aggregates raw activity
 * tables (issue 8). Only open months go through it — closed months are always read from their
 * snapshot — and concurrent requests for the same range share one computation.
 */
const sharedFigures = sharedComputations();

function cachedComputeFigures(db: DbOrTx, platformIds: readonly string[], first: MonthKey, last: MonthKey, ttlMs: number) {
  return sharedFigures(`${[...platformIds].sort().join(",")}|${first}|${last}`, ttlMs, () => computeFigures(db, platformIds, first, last));
}

export async function monthlyFigures(
  db: DbOrTx, platformIds: readonly string[], first: MonthKey, last: MonthKey, opts: { liveCacheMs?: number } = {},
): Promise<Map<string, MonthFigures[]>> {
  const months = monthsBetween(first, last);
  const snapshots = await db.monthlySnapshot.findMany({
    where: { platformId: { in: [...platformIds] }, supersededAt: null, month: { gte: monthDate(first), lte: monthDate(last) } },
    select: { platformId: true, month: true, snapshotVersion: true, definitionsVersion: true, closedAt: true, reviewedAt: true, figures: true },
  });
  const closed = new Map(snapshots.map((s) => [`${s.platformId}|${monthKeyOfDate(s.month)}`, s]));
  // Live figures only over the months that still lack a snapshot (usually the last one or two):
  // closed months are precomputed, so a 12-month region view does not aggregate raw activity.
  const open = months.filter((m) => platformIds.some((pid) => !closed.has(`${pid}|${m}`)));
  const live = open.length === 0
    ? null
    : opts.liveCacheMs
      ? structuredClone(await cachedComputeFigures(db, platformIds, open[0]!, open[open.length - 1]!, opts.liveCacheMs))
      : await computeFigures(db, platformIds, open[0]!, open[open.length - 1]!);
  return new Map(
    platformIds.map((pid) => [
      pid,
      months.map((m): MonthFigures => {
        const s = closed.get(`${pid}|${m}`);
        if (s) return { month: m, closed: true, snapshotVersion: s.snapshotVersion, definitionsVersion: s.definitionsVersion, closedAt: s.closedAt, reviewedAt: s.reviewedAt, figures: s.figures as Figures };
        return { month: m, closed: false, snapshotVersion: null, definitionsVersion: INDICATORS_VERSION, closedAt: null, reviewedAt: null, figures: live!.get(pid)!.get(m)! };
      }),
    ]),
  );
}

/** Region totals per month: platforms combined; closed only when every platform's month is closed. */
export function regionSeries(byPlatform: Map<string, MonthFigures[]>, months: MonthKey[]): MonthFigures[] {
  return months.map((m, i) => {
    const cells = [...byPlatform.values()].map((series) => series[i]!);
    return {
      month: m,
      closed: cells.length > 0 && cells.every((c) => c.closed),
      snapshotVersion: null,
      definitionsVersion: INDICATORS_VERSION,
      closedAt: null,
      reviewedAt: null,
      figures: combinePlatforms(cells.map((c) => c.figures)),
    };
  });
}

export interface MonthlyReport extends MonthFigures {
  platformId: string | null;
  platformName: string;
}

/** One month of one platform (or, without platformId, of every platform the user may read). */
export async function getMonthlyReport(db: DbOrTx, user: Principal, platformId: string | undefined, month: MonthKey): Promise<MonthlyReport> {
  if (platformId) {
    const p = await bilanPlatform(db, user, platformId);
    const series = (await monthlyFigures(db, [p.id], month, month)).get(p.id)!;
    return { platformId: p.id, platformName: p.name, ...series[0]! };
  }
  const platforms = await bilanPlatforms(db, user);
  const byPlatform = await monthlyFigures(db, platforms.map((p) => p.id), month, month);
  const region = regionSeries(byPlatform, [month])[0]!;
  return { platformId: null, platformName: platforms.length === 1 ? platforms[0]!.name : "Région (plateformes visibles)", ...region };
}

export async function snapshotHistory(db: DbOrTx, user: Principal, platformId: string, month: MonthKey) {
  await bilanPlatform(db, user, platformId);
  return db.monthlySnapshot.findMany({
    where: { platformId, month: monthDate(month) },
    orderBy: { snapshotVersion: "desc" },
    select: { id: true, snapshotVersion: true, definitionsVersion: true, closedAt: true, supersededAt: true, reopenReason: true, closedById: true, reopenedById: true },
  });
}
