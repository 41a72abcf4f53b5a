// Retention dates (DOMAIN.md §5, annex 1 art. 3.3): pure functions, the clock is passed in.
//
// Periods are calendar months counted from the last contact, on the calendar of Europe/Paris (the
// platforms' day, not the server's): a person last seen on 31 August 2024 is archived on
// 28 February 2026 (18 months, end of month clamped) and stays active the day before.
// We do the month arithmetic on (year, month, day) triples rather than with date-fns `addMonths`
// because the latter works in the process's local time zone, which is not necessarily Paris.
import { parisDay, type CalendarDay } from "@/lib/paris-day";
import type { RetentionRules } from "@/lib/rules/rule-set.schema";

// The Paris day of an instant comes from lib/paris-day.ts (the one helper); re-exported for the rules built on these.
export { parisDay, type CalendarDay };

export type JobSeekerRetentionAction = "KEEP" | "NOTICE" | "ARCHIVE" | "DESTROY";
export type ContactRetentionAction = "KEEP" | "DESTROY";
export type Lifecycle = "ACTIVE" | "ARCHIVED" | "DESTROYED";

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function addCalendarMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.y * 12 + (day.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function formatDay(day: CalendarDay): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

export interface JobSeekerRetentionDates {
  /** First day the record is shown as "about to be archived". */
  noticeFrom: CalendarDay;
  archiveOn: CalendarDay;
  destroyOn: CalendarDay;
}

export function jobSeekerRetentionDates(lastContactAt: Date, rules: RetentionRules): JobSeekerRetentionDates {
  const last = parisDay(lastContactAt);
  const archiveOn = addCalendarMonths(last, rules.jobSeekerArchiveMonths);
  return {
    noticeFrom: addCalendarDays(archiveOn, -rules.preArchiveNoticeDays),
    archiveOn,
    destroyOn: addCalendarMonths(last, rules.jobSeekerDestroyMonths),
  };
}

/**
 * What retention must do to a job seeker today. A record never moves backwards here: an archived
 * record whose last contact is recent again is a business decision (reactivation), not retention's.
 */
export function jobSeekerRetentionAction(lastContactAt: Date, lifecycle: Lifecycle, rules: RetentionRules, now: Date): JobSeekerRetentionAction {
  if (lifecycle === "DESTROYED") return "KEEP";
  const today = parisDay(now);
  const dates = jobSeekerRetentionDates(lastContactAt, rules);
  if (compareDays(today, dates.destroyOn) >= 0) return "DESTROY";
  if (lifecycle === "ARCHIVED") return "KEEP";
  if (compareDays(today, dates.archiveOn) >= 0) return "ARCHIVE";
  if (compareDays(today, dates.noticeFrom) >= 0) return "NOTICE";
  return "KEEP";
}

export function companyContactDestroyOn(lastContactAt: Date, rules: RetentionRules): CalendarDay {
  return addCalendarMonths(parisDay(lastContactAt), rules.companyContactDestroyMonths);
}

/** Company contacts go 48 months after the last contact with their company (or with them). */
export function companyContactRetentionAction(lastContactAt: Date, lifecycle: Lifecycle, rules: RetentionRules, now: Date): ContactRetentionAction {
  if (lifecycle === "DESTROYED") return "KEEP";
  return compareDays(parisDay(now), companyContactDestroyOn(lastContactAt, rules)) >= 0 ? "DESTROY" : "KEEP";
}

/**
 * Chefs de file métiers are company heads or HR directors (DOMAIN.md §2): annex 1 art. 3.3 gives
 * "l'entreprise" 48 months, so they follow the company contacts' period, counted from the last
 * contact with them, their company or an event they took part in.
 */
export function chefDeFileRetentionAction(lastContactAt: Date, lifecycle: Lifecycle, rules: RetentionRules, now: Date): ContactRetentionAction {
  return companyContactRetentionAction(lastContactAt, lifecycle, rules, now);
}

/** The latest of several contact dates (a contact's own, its company's); null when none. */
export function latestContact(...dates: (Date | null | undefined)[]): Date | null {
  const known = dates.filter((d): d is Date => d instanceof Date);
  if (known.length === 0) return null;
  return new Date(Math.max(...known.map((d) => d.getTime())));
}

/**
 * An instant such that every record due for an action `months` after its last contact has a
 * last contact before it. Used only to narrow a database query; the decision itself is always
 * taken by the functions above. The margin covers end-of-month clamping (≤ 3 days) and the
 * Paris/UTC offset (< 1 day).
 */
export function candidateCutoff(now: Date, months: number, extraDays = 0): Date {
  const t = new Date(now.getTime());
  t.setUTCMonth(t.getUTCMonth() - months, Math.min(t.getUTCDate(), 28));
  return new Date(t.getTime() + (extraDays + 5) * 86_400_000);
}
