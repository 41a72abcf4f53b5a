import "server-only";
// Yearly objectives of a platform's financial convention: entered by its manager or a Région
// referent, compared with the year's figures (closed snapshots, live for open months).
import { recordAudit } from "@/lib/audit/audit.service";
import { bilanPlatform, bilanPlatforms, monthlyFigures } from "@/lib/bilans/bilan.query";
import { can, type Principal } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { aggregateFigures, emptyFigures, type Figures } from "@/lib/indicators/indicators";
import { currentMonth, type MonthKey } from "@/lib/indicators/period.rules";
import { objectiveProgress, sumTargets, type ObjectiveProgress, type ObjectiveTarget } from "@/lib/objectives/objective.rules";
import type { SaveObjectivesInput } from "@/lib/objectives/objective.schema";

export interface ObjectiveRow extends ObjectiveTarget {
  version: number;
}

export async function listObjectives(db: DbOrTx, user: Principal, platformId: string, year: number): Promise<ObjectiveRow[]> {
  await bilanPlatform(db, user, platformId);
  return (await rows(db, [platformId], year)).map(({ indicatorKey, target, version }) => ({ indicatorKey, target, version }));
}

async function rows(db: DbOrTx, platformIds: string[], year: number) {
  return db.platformObjective.findMany({ where: { platformId: { in: platformIds }, year }, select: { platformId: true, indicatorKey: true, target: true, version: true } });
}

/** The months of `year` elapsed at `now` (all twelve for a past year, none for a future one). */
export function yearMonths(year: number, now: Date): { first: MonthKey; last: MonthKey } | null {
  const first = `${year}-01`;
  const cur = currentMonth(now);
  const last = `${year}-12` < cur ? `${year}-12` : cur;
  return last < first ? null : { first, last };
}

/** The year's figures of some platforms combined (sums over months, then over platforms). */
export async function yearFigures(db: DbOrTx, platformIds: string[], year: number, now: Date): Promise<{ figures: Figures; provisional: boolean }> {
  const span = yearMonths(year, now);
  if (!span || platformIds.length === 0) return { figures: emptyFigures(), provisional: true };
  const byPlatform = await monthlyFigures(db, platformIds, span.first, span.last);
  const series = [...byPlatform.values()];
  const perPlatform = series.map((s) => aggregateFigures(s.map((c) => c.figures)));
  const figures = aggregateFigures([]);
  for (const key of Object.keys(figures)) {
    const values = perPlatform.map((f) => f[key]).filter((v): v is number => typeof v === "number");
    figures[key] = values.length ? values.reduce((a, b) => a + b, 0) : figures[key]!;
  }
  const provisional = span.last !== `${year}-12` || series.some((s) => s.some((c) => !c.closed));
  return { figures, provisional };
}

export interface ObjectivesView {
  year: number;
  rows: ObjectiveProgress[];
  provisional: boolean;
}

/** Objectives vs achieved for one platform, or (platformId null) summed over every visible platform. */
export async function objectivesVsTargets(db: DbOrTx, user: Principal, platformId: string | null, year: number, now: Date): Promise<ObjectivesView> {
  const ids = platformId ? [(await bilanPlatform(db, user, platformId)).id] : (await bilanPlatforms(db, user)).map((p) => p.id);
  const all = await rows(db, ids, year);
  const targets = sumTargets(ids.map((id) => all.filter((r) => r.platformId === id)));
  if (targets.length === 0) return { year, rows: [], provisional: false };
  const { figures, provisional } = await yearFigures(db, ids, year, now);
  return { year, rows: objectiveProgress(targets, figures), provisional };
}

/** Saves the year's targets (empty = removed), each checked against the version it was read at. */
export async function saveObjectives(db: Db, user: Principal, input: SaveObjectivesInput, ctx: { requestId?: string } = {}): Promise<{ saved: number }> {
  if (!can(user, "objective.write")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  return db.$transaction(async (tx) => {
    const existing = new Map((await rows(tx, [platform.id], input.year)).map((r) => [r.indicatorKey, r]));
    const changed: string[] = [];
    for (const [key, target] of Object.entries(input.targets)) {
      const current = existing.get(key);
      const expected = input.versions[key];
      if (current && expected !== undefined && expected !== current.version) {
        throw new ConflictError("Ces objectifs ont été modifiés entre-temps par quelqu'un d'autre. Rechargez la page pour voir la dernière version.");
      }
      if (!current && expected !== undefined) throw new ConflictError("Ces objectifs ont été modifiés entre-temps par quelqu'un d'autre. Rechargez la page pour voir la dernière version.");
      if (target === null) {
        if (current) {
          await tx.platformObjective.delete({ where: { platformId_year_indicatorKey: { platformId: platform.id, year: input.year, indicatorKey: key } } });
          changed.push(key);
        }
      } else if (!current) {
        await tx.platformObjective.create({ data: { platformId: platform.id, year: input.year, indicatorKey: key, target, updatedById: user.id } });
        changed.push(key);
      } else if (current.target !== target) {
        const { count } = await tx.platformObjective.updateMany({ where: { platformId: platform.id, year: input.year, indicatorKey: key, version: current.version }, data: { target, version: { increment: 1 }, updatedById: user.id } });
        if (count !== 1) throw new ConflictError("Ces objectifs ont été modifiés entre-temps par quelqu'un d'autre. Rechargez la page pour voir la dernière version.");
        changed.push(key);
      }
    }
    if (changed.length > 0) {
      await recordAudit(tx, {
        action: "objective.updated", actorId: user.id, actorRole: user.role, entityType: "PlatformObjective", platformId: platform.id,
        requestId: ctx.requestId, metadata: { year: input.year, changed },
      });
    }
    return { saved: changed.length };
  });
}
