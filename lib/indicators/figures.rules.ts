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
