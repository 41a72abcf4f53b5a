// Retention of the records that had no period before issue 22 (§5 and §6): closed rights requests,
// breach records, audit events, receipts, company notes, sole traders' company records, the
// rectification history. Pure functions, the clock passed in, periods from the RETENTION rule set.
//
// Région convention, annex 1 art. 3.1 point 3: the processor undertakes to « respecter la durée de
// conservation des Données à caractère personnel au regard des finalités pour lesquelles elles ont
// été collectées ou transmises et à supprimer les Données à caractère personnel à expiration de la
// durée de conservation ». Annex 1 art. 2 gives the periods of the people themselves (18 / 24
// months; « S'agissant de l'entreprise, la durée de conservation est portée à 48 mois »); for the
// records below the conventions give none, so the rule set's values are proposals to the DPO,
// shown on the processing register (lib/rights/register.rules.ts).
import type { RetentionRules } from "@/lib/rules/rule-set.schema";
import { addCalendarMonths, compareDays, parisDay, type CalendarDay } from "@/lib/retention/retention.rules";

/** True when `months` calendar months (Paris days) have passed since `anchor`. */
export function monthsElapsed(anchor: Date, months: number, now: Date): boolean {
  return compareDays(parisDay(now), addCalendarMonths(parisDay(anchor), months)) >= 0;
}

/** The instant before which an anchor is due: `now` minus `months` on the Paris calendar (for queries; the decision uses monthsElapsed). */
export function dueBefore(now: Date, months: number): Date {
  const day = addCalendarMonths(parisDay(now), -months);
  // The end of that Paris day, expressed generously in UTC (+1 day): candidates are re-checked one by one.
  return new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
}

export type RightsRequestClosed = { status: string; answeredAt: Date | null; updatedAt: Date; lifecycle: string };

/**
 * A rights request answered or rejected: its identity, contact and free text are erased
 * `closedRightsRequestMonths` after the answer (its last change when no answer date is known).
 * An open request is never erased: it is still being handled.
 */
export function rightsRequestDueForErasure(r: RightsRequestClosed, rules: RetentionRules, now: Date): boolean {
  if (r.lifecycle === "DESTROYED") return false;
  if (r.status !== "ANSWERED" && r.status !== "REJECTED") return false;
  return monthsElapsed(r.answeredAt ?? r.updatedAt, rules.closedRightsRequestMonths, now);
}

/** A closed breach record: its free text is erased `breachRecordMonths` after its last change. */
export function breachDueForErasure(b: { status: string; updatedAt: Date; erasedAt: Date | null }, rules: RetentionRules, now: Date): boolean {
  if (b.erasedAt || b.status !== "CLOSED") return false;
  return monthsElapsed(b.updatedAt, rules.breachRecordMonths, now);
}

/** The first Paris day on which the receipts of a file of `year` are deleted: 31 December of the year + the period. */
export function receiptDestroyOn(year: number, rules: RetentionRules): CalendarDay {
  return addCalendarMonths({ y: year, m: 12, d: 31 }, rules.receiptMonthsAfterYearEnd);
}

export function receiptDueForDestruction(year: number, rules: RetentionRules, now: Date): boolean {
  return compareDays(parisDay(now), receiptDestroyOn(year, rules)) >= 0;
}

/** The latest file year whose receipts may be due today (query narrowing only). */
export function receiptCandidateMaxYear(rules: RetentionRules, now: Date): number {
  return parisDay(now).y - Math.floor(rules.receiptMonthsAfterYearEnd / 12);
}

/** A free-text note on a company is erased `companyNoteMonths` after the date of the note. */
export function companyNoteDueForErasure(at: Date, rules: RetentionRules, now: Date): boolean {
  return monthsElapsed(at, rules.companyNoteMonths, now);
}

/**
 * A sole trader's company record (SIRENE legal category 1000: the company's name is its owner's
 * name): name and address erased `soleTraderMonths` after the last contact with the company.
 */
export function soleTraderDueForErasure(c: { lastContactAt: Date | null; createdAt: Date; erasedAt: Date | null }, rules: RetentionRules, now: Date): boolean {
  if (c.erasedAt) return false;
  const last = c.lastContactAt && c.lastContactAt > c.createdAt ? c.lastContactAt : c.createdAt;
  return monthsElapsed(last, rules.soleTraderMonths, now);
}

/** A previous version of a job seeker (rectification history) is deleted `rectificationHistoryMonths` after the change. */
export function revisionDueForDeletion(createdAt: Date, rules: RetentionRules, now: Date): boolean {
  return monthsElapsed(createdAt, rules.rectificationHistoryMonths, now);
}

/** An audit event is removed `auditEventMonths` after it was written. */
export function auditEventDueForRemoval(at: Date, rules: RetentionRules, now: Date): boolean {
  return monthsElapsed(at, rules.auditEventMonths, now);
}
