// Headline figures of the bilans page (issue 17): each card's value, its change against the same
// period a year earlier and its position against the year's objective. Pure: figures in, cards out.
import type { Figures } from "@/lib/indicators/indicators";
import { INDICATOR_BY_KEY } from "@/lib/indicators/indicators";

/** The figures a referent reads first, in reading order (no RSA/RQTH breakdowns: minimisation). */
export const HEADLINE_KEYS = [
  "offersCollected", "offersHiddenMarket", "positionsOffered", "hires",
  "jobSeekersReceived", "companiesVisited", "callbacksDone", "eventsHeld",
] as const;

/**
 * Below this share of the objective expected to date a figure is « en retard » (red); between it
 * and 100 % it is « à surveiller » (amber). A reading aid of the screen, not a convention rule:
 * whether an objective is met is decided on the whole year (objective.rules).
 */
export const OBJECTIVE_WATCH_SHARE = 0.85;

export type ObjectiveState = "ahead" | "watch" | "behind";

export const OBJECTIVE_STATE_LABELS: Record<ObjectiveState, string> = {
  ahead: "dans l'objectif",
  watch: "à surveiller",
  behind: "en retard",
};

export interface YearOnYear {
  previous: number;
  /** Signed difference with the same period a year earlier. */
  delta: number;
  /** Signed change in whole percent; null when the previous value is 0 (no meaningful ratio). */
  percent: number | null;
}

export function yearOnYear(current: number | null | undefined, previous: number | null | undefined): YearOnYear | null {
  if (typeof current !== "number" || typeof previous !== "number") return null;
  const delta = Math.round((current - previous) * 100) / 100;
  return { previous, delta, percent: previous === 0 ? null : Math.round((delta / previous) * 100) };
}

export interface ObjectivePosition {
  target: number;
  /** Achieved since 1 January (closed and provisional months). */
  achieved: number;
  /** What the target prorated to the elapsed months asks for at this date. */
  expectedToDate: number;
  /** achieved / expectedToDate in whole percent (100 when nothing is expected yet). */
  percentOfExpected: number;
  state: ObjectiveState;
}

/**
 * Where a yearly target stands after `elapsedMonths` of the year (1–12): the target is prorated
 * evenly over the months, as conventions state yearly targets without a monthly profile.
 */
export function objectivePosition(target: number, achieved: number, elapsedMonths: number): ObjectivePosition {
  const share = Math.min(12, Math.max(0, elapsedMonths)) / 12;
  const expectedToDate = Math.round(target * share * 10) / 10;
  const ratio = expectedToDate === 0 ? 1 : achieved / expectedToDate;
  const state: ObjectiveState = ratio >= 1 ? "ahead" : ratio >= OBJECTIVE_WATCH_SHARE ? "watch" : "behind";
  return { target, achieved, expectedToDate, percentOfExpected: Math.round(ratio * 100), state };
}

export interface HeadlineCard {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  yearOnYear: YearOnYear | null;
  objective: ObjectivePosition | null;
  /** The 12 months ending with the period (sparkline), oldest first. */
  spark: number[];
}

export function headlineCards(input: {
  total: Figures;
  lastYearTotal: Figures;
  trend: readonly Figures[];
  objectives: ReadonlyMap<string, { target: number; achieved: number }>;
  elapsedMonths: number;
}): HeadlineCard[] {
  return HEADLINE_KEYS.map((key) => {
    const def = INDICATOR_BY_KEY.get(key)!;
    const o = input.objectives.get(key);
    return {
      key,
      label: def.label,
      unit: def.unit,
      value: input.total[key] ?? null,
      yearOnYear: yearOnYear(input.total[key], input.lastYearTotal[key]),
      objective: o ? objectivePosition(o.target, o.achieved, input.elapsedMonths) : null,
      spark: input.trend.map((f) => f[key] ?? 0),
    };
  });
}
