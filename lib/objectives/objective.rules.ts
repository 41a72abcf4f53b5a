// Objectives of a platform's annual financial convention against what was achieved (issue 5).
// Pure: figures and targets are passed in.
import { INDICATORS, type Figures, type IndicatorDefinition } from "@/lib/indicators/indicators";

/**
 * Indicators a convention can set a yearly target on: those that add up over a year (sums) or are
 * a year-end headcount (stock). Medians and the computed governance minimum are not targets.
 */
export const OBJECTIVE_INDICATORS: readonly IndicatorDefinition[] = INDICATORS.filter(
  (d) => d.aggregation !== "median" && d.key !== "governanceMeetingsRequired",
);
export const OBJECTIVE_KEYS: ReadonlySet<string> = new Set(OBJECTIVE_INDICATORS.map((d) => d.key));

export interface ObjectiveTarget {
  indicatorKey: string;
  target: number;
}

export interface ObjectiveProgress {
  key: string;
  label: string;
  unit: string;
  target: number;
  achieved: number;
  /** Share of the target reached, in whole percent (not capped: 130 means 30 % above). */
  percent: number;
  met: boolean;
}

/** One row per objective, in the indicators' order; a target of 0 is met by definition. */
export function objectiveProgress(targets: readonly ObjectiveTarget[], achieved: Figures): ObjectiveProgress[] {
  const byKey = new Map(targets.map((t) => [t.indicatorKey, t.target]));
  return OBJECTIVE_INDICATORS.filter((d) => byKey.has(d.key)).map((d) => {
    const target = byKey.get(d.key)!;
    const value = achieved[d.key] ?? 0;
    return {
      key: d.key, label: d.label, unit: d.unit, target, achieved: value,
      percent: target === 0 ? 100 : Math.round((value / target) * 100),
      met: value >= target,
    };
  });
}

/** Targets of several platforms added up per indicator (the region's view). */
export function sumTargets(lists: readonly (readonly ObjectiveTarget[])[]): ObjectiveTarget[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const t of list) sums.set(t.indicatorKey, (sums.get(t.indicatorKey) ?? 0) + t.target);
  return [...sums].map(([indicatorKey, target]) => ({ indicatorKey, target }));
}
