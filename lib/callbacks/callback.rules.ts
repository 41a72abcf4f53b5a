// Numéro-vert callback queue: due date, what an attempt does to the callback, urgency.
// Pure: no Prisma, no Next, no clock (callers pass `now` and the active OPERATIONS rule set).
//
// Due date in CALENDAR days, not business days: the OPERATIONS rule set documents its delay as
// "two calendar days" (prisma/seed/rule-sets.ts) and the demo data is generated that way; a
// company calling on Friday expects a call on Monday at the latest, which two calendar days
// over a weekend would not give — an administrator who wants that sets a longer delay.
import { addParisDays, parisEndOfDay } from "@/lib/paris-day";
import type { OperationsRules } from "@/lib/rules/rule-set.schema";

export const CALLBACK_STATUSES = ["A_RAPPELER", "JOINT", "BESOIN_QUALIFIE", "INJOIGNABLE"] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  A_RAPPELER: "À rappeler",
  JOINT: "Joint",
  BESOIN_QUALIFIE: "Besoin qualifié",
  INJOIGNABLE: "Injoignable",
};

/** What one call gave. "INJOIGNABLE" on an attempt means "not reached this time". */
export const ATTEMPT_OUTCOMES = ["INJOIGNABLE", "JOINT", "BESOIN_QUALIFIE"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  INJOIGNABLE: "Pas joint (messagerie, pas de réponse)",
  JOINT: "Joint, pas de besoin à qualifier",
  BESOIN_QUALIFIE: "Joint, besoin qualifié",
};

export function callbackDueAt(receivedAt: Date, rules: Pick<OperationsRules, "numeroVertCallbackDelayDays">): Date {
  // Calendar days in Paris: the same Paris time, not n × 24 h (which moves it an hour across a change of clocks).
  return addParisDays(receivedAt, rules.numeroVertCallbackDelayDays);
}

export interface CallbackState {
  status: CallbackStatus;
  attemptCount: number;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * One more call. Reaching the company closes the callback with the outcome; a missed call keeps
 * it in the queue until `callbackMaxAttempts` missed calls, when it becomes INJOIGNABLE (closed).
 */
export function applyAttempt(
  cb: CallbackState,
  outcome: AttemptOutcome,
  rules: Pick<OperationsRules, "callbackMaxAttempts">,
): RuleResult<CallbackState & { closed: boolean }> {
  if (cb.status !== "A_RAPPELER") {
    return { ok: false, message: `Ce rappel est clos (« ${CALLBACK_STATUS_LABELS[cb.status]} ») : aucune tentative ne peut plus y être ajoutée.` };
  }
  const attemptCount = cb.attemptCount + 1;
  if (outcome !== "INJOIGNABLE") return { ok: true, value: { status: outcome, attemptCount, closed: true } };
  const exhausted = attemptCount >= rules.callbackMaxAttempts;
  return { ok: true, value: { status: exhausted ? "INJOIGNABLE" : "A_RAPPELER", attemptCount, closed: exhausted } };
}

/** Whether the attempt reached someone: only then is it a contact with the company. */
export function attemptReached(outcome: AttemptOutcome): boolean {
  return outcome !== "INJOIGNABLE";
}

export type CallbackUrgency = "CLOSED" | "OVERDUE" | "DUE_TODAY" | "UPCOMING";

export const CALLBACK_URGENCY_LABELS: Record<CallbackUrgency, string> = {
  CLOSED: "Clos",
  OVERDUE: "En retard",
  DUE_TODAY: "À faire aujourd'hui",
  UPCOMING: "À venir",
};

export function callbackUrgency(cb: { status: CallbackStatus; dueAt: Date }, now: Date): CallbackUrgency {
  if (cb.status !== "A_RAPPELER") return "CLOSED";
  if (cb.dueAt.getTime() < now.getTime()) return "OVERDUE";
  // « Today » ends at midnight in Paris, not at the server's midnight.
  if (cb.dueAt.getTime() <= parisEndOfDay(now).getTime()) return "DUE_TODAY";
  return "UPCOMING";
}

/** Missed calls left before the callback is declared unreachable. */
export function attemptsLeft(cb: CallbackState, rules: Pick<OperationsRules, "callbackMaxAttempts">): number {
  return cb.status === "A_RAPPELER" ? Math.max(0, rules.callbackMaxAttempts - cb.attemptCount) : 0;
}
