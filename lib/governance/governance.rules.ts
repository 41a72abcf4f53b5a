// Governance meetings held this year against the number required per kind (OPERATIONS rule set).
// Pure: no Prisma, no Next, no clock (callers pass `now`).
import type { OperationsRules } from "@/lib/rules/rule-set.schema";
import { parisDay } from "@/lib/paris-day";

export const GOVERNANCE_KINDS = ["COPRESIDENCE", "POLE_DIRIGEANT", "COMITE_TECHNIQUE"] as const;
export type GovernanceKind = (typeof GOVERNANCE_KINDS)[number];

export const GOVERNANCE_KIND_LABELS: Record<GovernanceKind, string> = {
  COPRESIDENCE: "Coprésidence",
  POLE_DIRIGEANT: "Pôle dirigeant",
  COMITE_TECHNIQUE: "Comité technique",
};

export interface GovernanceProgress {
  kind: GovernanceKind;
  label: string;
  held: number;
  /** null when the rule set requires no minimum for this kind. */
  required: number | null;
  /** Upper bound of the expected range (e.g. 3–4 coprésidences), null when the rule set sets none. */
  max: number | null;
  met: boolean;
  /** 0–100, capped, for the progress bar (100 when nothing is required). */
  percent: number;
}

/**
 * Counts the meetings of the calendar year of `now`, on the platforms' calendar (Europe/Paris): a
 * meeting's date is its calendar day (stored as midnight UTC of that day), « today » is today in
 * Paris — between midnight in Paris and midnight UTC the UTC day is still yesterday, and a meeting
 * recorded then with the form's default date (today in Paris) would have counted as planned.
 */
export function governanceProgress(
  meetings: readonly { kind: GovernanceKind; date: Date }[],
  rules: OperationsRules["governance"],
  now: Date,
): GovernanceProgress[] {
  const today = parisDay(now);
  const year = today.y;
  // Held = dated up to the end of today: a meeting recorded for later this year is planned, not held.
  const endOfToday = Date.UTC(today.y, today.m - 1, today.d, 23, 59, 59, 999);
  return GOVERNANCE_KINDS.map((kind) => {
    const held = meetings.filter((m) => m.kind === kind && m.date.getUTCFullYear() === year && m.date.getTime() <= endOfToday).length;
    const required = rules[kind]?.minPerYear ?? null;
    const max = rules[kind]?.maxPerYear ?? null;
    const met = required === null || held >= required;
    const percent = required === null || required === 0 ? 100 : Math.min(100, Math.round((held / required) * 100));
    return { kind, label: GOVERNANCE_KIND_LABELS[kind], held, required, max, met, percent };
  });
}
