// Legal clocks of rights requests and data breaches (annex 1 art. 3.6 and 3.8; DOMAIN.md §5).
// Pure: periods come from the DEADLINES rule set, the clock is passed in.
//
// - forwarding to the controller: `rightsRequestForwardHours` after reception (an exact duration);
// - answer: `rightsRequestAnswerDays` calendar days after reception, due at the end of that day
//   (Europe/Paris), so a request received on 31 January is due on the last instant of 2 March
//   (1 March in a leap year);
// - an order of the controller: executed within `controllerOrderDays` calendar days, same reading;
// - a breach: the controller notified within `breachNotifyHours` of detection (exact duration);
// - issue 22: a request or breach about the data returned to France Travail is also sent to France
//   Travail's DPO within `franceTravailNotifyHours` (FT convention art. 11, annex 1 2.7–2.8), its own
//   clock; a request from an authority (Région annex 1 art. 3.5, « sans délai ») is told to the
//   controller within `authorityRequestInformHours` and has no answer clock of ours (the authority
//   sets its own).
// Every clock starts at the platform's receipt or detection, never at the moment someone types it in.
import { addCalendarDays, parisDay, type CalendarDay } from "@/lib/retention/retention.rules";
import type { DeadlinesRules } from "@/lib/rules/rule-set.schema";

type ClockRules = Pick<DeadlinesRules,
  "rightsRequestForwardHours" | "rightsRequestAnswerDays" | "controllerOrderDays" | "breachNotifyHours" | "franceTravailNotifyHours" | "authorityRequestInformHours">;

const HOUR = 3_600_000;

/** UTC offset of Paris (ms) at an instant. */
function parisOffset(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant a Paris calendar day starts. */
export function parisStartOfDay(day: CalendarDay): Date {
  const utcMidnight = Date.UTC(day.y, day.m - 1, day.d);
  // Paris midnight is before UTC midnight by the offset in force then (DST switches happen at 01:00 UTC).
  return new Date(utcMidnight - parisOffset(new Date(utcMidnight)));
}

/** The last instant (inclusive) of the Paris calendar day `days` days after the day of `from`. */
export function endOfParisDayAfter(from: Date, days: number): Date {
  return new Date(parisStartOfDay(addCalendarDays(parisDay(from), days + 1)).getTime() - 1);
}

export type RightsStatus = "RECEIVED" | "FORWARDED" | "IN_PROGRESS" | "ANSWERED" | "REJECTED";

export interface RightsClockInput {
  receivedAt: Date;
  forwardedAt: Date | null;
  answeredAt: Date | null;
  controllerOrderAt: Date | null;
  executedAt: Date | null;
  status: RightsStatus;
  kind?: string;
  concernsFranceTravail?: boolean;
  franceTravailForwardedAt?: Date | null;
}

export type ClockName = "forward" | "answer" | "order" | "franceTravail";

export interface Clock {
  name: ClockName;
  dueAt: Date;
  /** When the step was done; null while it is still running. */
  doneAt: Date | null;
  /** Milliseconds left (negative once overdue); null when done. */
  remainingMs: number | null;
  overdue: boolean;
  /** Done, but after the deadline. */
  late: boolean;
}

function clock(name: ClockName, dueAt: Date, doneAt: Date | null, now: Date): Clock {
  const remainingMs = doneAt ? null : dueAt.getTime() - now.getTime();
  return { name, dueAt, doneAt, remainingMs, overdue: remainingMs !== null && remainingMs < 0, late: doneAt !== null && doneAt.getTime() > dueAt.getTime() };
}

export function answerDueAt(receivedAt: Date, rules: ClockRules): Date {
  return endOfParisDayAfter(receivedAt, rules.rightsRequestAnswerDays);
}

/** Every clock that applies to a request, running or done. A closed request stops all clocks. */
export function rightsRequestClocks(r: RightsClockInput, rules: ClockRules, now: Date): Clock[] {
  const closedAt = r.status === "ANSWERED" || r.status === "REJECTED" ? (r.answeredAt ?? now) : null;
  const authority = r.kind === "AUTHORITY";
  const forwardHours = authority ? rules.authorityRequestInformHours : rules.rightsRequestForwardHours;
  const clocks: Clock[] = [clock("forward", new Date(r.receivedAt.getTime() + forwardHours * HOUR), r.forwardedAt ?? closedAt, now)];
  if (!authority) clocks.push(clock("answer", answerDueAt(r.receivedAt, rules), r.answeredAt ?? closedAt, now));
  if (r.concernsFranceTravail) {
    clocks.push(clock("franceTravail", franceTravailDeadline(r.receivedAt, rules), r.franceTravailForwardedAt ?? null, now));
  }
  if (r.controllerOrderAt) clocks.push(clock("order", endOfParisDayAfter(r.controllerOrderAt, rules.controllerOrderDays), r.executedAt, now));
  return clocks;
}

/** The running clock that ends first (what the DPO must act on next), or null when nothing runs. */
export function nextClock(clocks: readonly Clock[]): Clock | null {
  const running = clocks.filter((c) => c.doneAt === null);
  if (running.length === 0) return null;
  return running.reduce((a, b) => (a.dueAt.getTime() <= b.dueAt.getTime() ? a : b));
}

export function breachDeadline(detectedAt: Date, rules: Pick<DeadlinesRules, "breachNotifyHours">): Date {
  return new Date(detectedAt.getTime() + rules.breachNotifyHours * HOUR);
}

export function breachClock(b: { detectedAt: Date; notifiedAt: Date | null }, rules: Pick<DeadlinesRules, "breachNotifyHours">, now: Date): Clock {
  return clock("forward", breachDeadline(b.detectedAt, rules), b.notifiedAt, now);
}

/** FT convention art. 11 / annex 1 2.7–2.8: France Travail's DPO told within 36 h (rule set) of receipt or detection. */
export function franceTravailDeadline(from: Date, rules: Pick<DeadlinesRules, "franceTravailNotifyHours">): Date {
  return new Date(from.getTime() + rules.franceTravailNotifyHours * HOUR);
}

/** The France Travail clock of a breach, or null when the breach does not concern the data returned to it. */
export function breachFranceTravailClock(
  b: { detectedAt: Date; concernsFranceTravail: boolean; franceTravailNotifiedAt: Date | null },
  rules: Pick<DeadlinesRules, "franceTravailNotifyHours">,
  now: Date,
): Clock | null {
  return b.concernsFranceTravail ? clock("franceTravail", franceTravailDeadline(b.detectedAt, rules), b.franceTravailNotifiedAt, now) : null;
}

/** "3 j 4 h", "5 h 12 min", "12 min": the magnitude of a duration, in French. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} j ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}

/** The countdown as a sentence, never relying on colour: "reste 2 j 3 h" / "en retard de 5 h 2 min". */
export function countdownLabel(c: Clock): string {
  if (c.doneAt) return c.late ? "fait, hors délai" : "fait dans le délai";
  return c.overdue ? `en retard de ${formatDuration(c.remainingMs!)}` : `reste ${formatDuration(c.remainingMs!)}`;
}

export const CLOCK_LABELS: Record<ClockName, string> = {
  forward: "Transmission au responsable de traitement",
  answer: "Réponse à la personne",
  order: "Exécution de l'ordre du responsable",
  franceTravail: "Transmission au DPO de France Travail",
};
