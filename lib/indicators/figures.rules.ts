// Small pure rules of the bilans that read a rule set (never a literal in code).
import type { OperationsRules } from "@/lib/rules/rule-set.schema";

/** Yearly minimum of governance meetings (coprésidence + pôle dirigeant + comité technique if set). */
export function governanceRequiredPerYear(ops: OperationsRules): number {
  const g = ops.governance;
  return g.COPRESIDENCE.minPerYear + g.POLE_DIRIGEANT.minPerYear + (g.COMITE_TECHNIQUE?.minPerYear ?? 0);
}

/** The yearly minimum spread evenly over the months, to the hundredth. */
export function governanceRequiredPerMonth(ops: OperationsRules): number {
  return Math.round((governanceRequiredPerYear(ops) / 12) * 100) / 100;
}

export interface GovernanceYear {
  year: number;
  /** Meetings held in the year's elapsed months: a whole count, never averaged per month. */
  held: number;
  /** Required range for the year from the rule set: at least `min`, at most `max` when every kind sets one. */
  min: number;
  max: number | null;
  state: "met" | "below" | "above";
}

/**
 * Governance meetings of one calendar year against the required range of the rule set in force.
 * `monthlyHeld` are the year's monthly counts (possibly fewer than 12 for the current year). The
 * range is per platform: for several platforms combined it is multiplied by `platformCount`.
 */
export function governanceYear(year: number, monthlyHeld: readonly (number | null)[], ops: OperationsRules, platformCount = 1): GovernanceYear {
  const held = Math.round(monthlyHeld.reduce<number>((s, v) => s + (v ?? 0), 0));
  const g = ops.governance;
  const kinds = [g.COPRESIDENCE, g.POLE_DIRIGEANT, ...(g.COMITE_TECHNIQUE ? [g.COMITE_TECHNIQUE] : [])];
  const min = governanceRequiredPerYear(ops) * platformCount;
  const max = kinds.every((k) => k.maxPerYear !== undefined) ? kinds.reduce((s, k) => s + k.maxPerYear!, 0) * platformCount : null;
  return { year, held, min, max, state: held < min ? "below" : max !== null && held > max ? "above" : "met" };
}
