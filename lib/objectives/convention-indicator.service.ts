import "server-only";
// Issue 22 §4 — the indicators a Région annual convention tracks (ConventionIndicator), chosen from
// the catalogue (OBJECTIVE_INDICATORS) with their target. Convention cadre Région art. 3.1 « Les
// indicateurs seront définis lors de l'élaboration des conventions financières annuelles » ; art. 5
// « La convention financière annuelle, déterminera […] Les objectifs qualitatifs et quantitatifs pour
// la période concernée ». Written through saveObjectives (objective.service.ts, permission
// objective.write), read here for the file's page and API.
import type { DbOrTx } from "@/lib/db";
import { OBJECTIVE_INDICATORS } from "@/lib/objectives/objective.rules";

export interface ConventionIndicatorRow {
  key: string;
  label: string;
  unit: string;
  family: string;
  target: number;
  version: number;
}

/** The convention's chosen indicators, in the catalogue's order. */
export async function conventionIndicatorsOf(db: DbOrTx, subsidyFileId: string): Promise<ConventionIndicatorRow[]> {
  const rows = await db.conventionIndicator.findMany({ where: { subsidyFileId }, select: { indicatorKey: true, target: true, version: true } });
  const byKey = new Map(rows.map((r) => [r.indicatorKey, r]));
  return OBJECTIVE_INDICATORS.filter((d) => byKey.has(d.key)).map((d) => ({
    key: d.key, label: d.label, unit: d.unit, family: d.family, target: byKey.get(d.key)!.target, version: byKey.get(d.key)!.version,
  }));
}

/**
 * When a Région file opens for a year, the objectives already entered for that platform and year
 * become the convention's chosen indicators (same targets, same author): moved, not copied, so that
 * one place holds the year's targets. Returns the keys moved (for the file's audit event).
 */
export async function adoptPlatformObjectives(tx: DbOrTx, subsidyFileId: string, platformId: string, year: number): Promise<string[]> {
  const own = await tx.platformObjective.findMany({ where: { platformId, year }, select: { indicatorKey: true, target: true, updatedById: true } });
  if (own.length === 0) return [];
  await tx.conventionIndicator.createMany({ data: own.map((o) => ({ subsidyFileId, indicatorKey: o.indicatorKey, target: o.target, updatedById: o.updatedById })), skipDuplicates: true });
  await tx.platformObjective.deleteMany({ where: { platformId, year } });
  return own.map((o) => o.indicatorKey).sort();
}
