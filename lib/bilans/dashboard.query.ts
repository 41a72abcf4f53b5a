import "server-only";
// Data of the bilans dashboard: the selected platform (or the region), the period's months and a
// 12-month trend ending with the period, all from one monthlyFigures call (one query per family).
import type { DbOrTx } from "@/lib/db";
import type { Principal } from "@/lib/authz/policy";
import { NotFoundError } from "@/lib/errors";
import { bilanPlatforms, monthlyFigures, regionSeries, type MonthFigures, type PlatformRef } from "@/lib/bilans/bilan.query";
import { sharedJobFunnelFor } from "@/lib/bilans/funnel.query";
import type { FunnelValue } from "@/lib/bilans/funnel.rules";
import { governanceYear, type GovernanceYear } from "@/lib/indicators/figures.rules";
import { aggregateFigures, type Figures } from "@/lib/indicators/indicators";
import { addMonths, currentMonth, monthDate, periodMonths, type MonthKey, type Period, type PeriodKind } from "@/lib/indicators/period.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

export interface DashboardData {
  platforms: PlatformRef[];
  /** null: every platform the user may read, combined (the region view of a Région role). */
  selected: PlatformRef | null;
  period: Period;
  months: MonthKey[];
  /** The period's months, for the selected platform or the region. */
  series: MonthFigures[];
  /** 12 months ending with the period's last month. */
  trend: MonthFigures[];
  total: Figures;
  /** The same period one year earlier (year-on-year change of the headline cards). */
  lastYearTotal: Figures;
  /** Governance meetings of the period's last year, whole count against the rule set's range. */
  governance: GovernanceYear;
  /** Job positionings made in the period followed to their current status (a real funnel). */
  funnel: FunnelValue[];
  /** Region view only: each platform's total over the period, side by side. */
  comparison: { platform: PlatformRef; total: Figures; series: MonthFigures[] }[];
}

/** How long the dashboard reuses the live figures of open months and the funnel (closed months: snapshots, never cached). */
export const DASHBOARD_LIVE_CACHE_MS = 30_000;

export function defaultMonth(now: Date): MonthKey {
  return addMonths(currentMonth(now), -1);
}

export async function dashboardData(
  db: DbOrTx, user: Principal, q: { platformId?: string; period: PeriodKind; month?: MonthKey }, now: Date,
): Promise<DashboardData> {
  const platforms = await bilanPlatforms(db, user);
  let selected: PlatformRef | null = null;
  if (q.platformId) {
    selected = platforms.find((p) => p.id === q.platformId) ?? null;
    if (!selected) throw new NotFoundError("Plateforme introuvable.");
  } else if (platforms.length === 1) selected = platforms[0]!;
  const period: Period = { kind: q.period, anchor: q.month ?? defaultMonth(now) };
  const months = periodMonths(period);
  const last = months[months.length - 1]!;
  const trendFirst = addMonths(last, -11);
  const lastYearMonths = months.map((m) => addMonths(m, -12));
  const yearFirst = `${last.slice(0, 4)}-01`;
  const first = [months[0]!, trendFirst, lastYearMonths[0]!, yearFirst].sort()[0]!;
  const ids = selected ? [selected.id] : platforms.map((p) => p.id);
  // Provisional figures of open months may be up to DASHBOARD_LIVE_CACHE_MS old on the dashboard.
  const byPlatform = await monthlyFigures(db, ids, first, last, { liveCacheMs: DASHBOARD_LIVE_CACHE_MS });
  const allMonths = [...byPlatform.values()][0]?.map((c) => c.month) ?? [];
  const whole = selected ? (byPlatform.get(selected.id) ?? []) : regionSeries(byPlatform, allMonths);
  const inPeriod = (c: MonthFigures) => months.includes(c.month);
  const series = whole.filter(inPeriod);
  const ops = await getActiveRuleSet(db, "OPERATIONS", monthDate(last));
  const yearToDate = whole.filter((c) => c.month >= yearFirst && c.month <= last && c.month <= currentMonth(now));
  // The funnel follows positionings to their current status: as provisional as the open months' figures.
  const funnel = structuredClone(await sharedJobFunnelFor(db, ids, months[0]!, last, DASHBOARD_LIVE_CACHE_MS));
  return {
    platforms,
    selected,
    period,
    months,
    series,
    trend: whole.filter((c) => c.month >= trendFirst),
    total: aggregateFigures(series.map((c) => c.figures)),
    lastYearTotal: aggregateFigures(whole.filter((c) => lastYearMonths.includes(c.month)).map((c) => c.figures)),
    governance: governanceYear(Number(last.slice(0, 4)), yearToDate.map((c) => c.figures.governanceMeetingsHeld ?? 0), ops.payload, ids.length),
    funnel,
    comparison: selected
      ? []
      : platforms.map((p) => {
          const s = byPlatform.get(p.id)!.filter(inPeriod);
          return { platform: p, series: s, total: aggregateFigures(s.map((c) => c.figures)) };
        }),
  };
}
