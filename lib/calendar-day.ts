// Calendar arithmetic on the days the project stores — due dates, periods, birth dates, « reçue le »:
// a PostgreSQL `date`, read by Prisma as midnight UTC — whatever zone the process runs in.
// date-fns computes in the process's local zone: under TZ=America/Los_Angeles,
// addMonths(2026-01-31T00:00Z, 1) works on the local 30 January 16:00 and returns 1 March 00:00 UTC;
// under TZ=Pacific/Auckland, a day's month or year is read on the local calendar. Here the same
// date-fns functions (their semantics: 31 January + 1 month = 28/29 February) run in UTC through
// their `in` context: @date-fns/utc's `utc`, a Date whose local fields are its UTC ones (@date-fns/tz's
// tz("UTC") reads the offset through Intl at each step: 30–100 µs per addMonths under Node 20). Instants follow the
// same rule: « n days later » is n × 24 h, « n months earlier » the same UTC time of day.
// The Paris day of an instant, today in Paris and Paris wall-clock arithmetic: lib/paris-day.ts.
// ESLint (eslint.config.mjs) refuses these date-fns functions imported anywhere else.
import { utc } from "@date-fns/utc";
import { addMonths, addYears, differenceInYears, format } from "date-fns";
import { fr } from "date-fns/locale";

const plain = (d: Date) => new Date(d.getTime());

const DAY_MS = 86_400_000;

/** `day` + `days` calendar days (negative: earlier): UTC has no change of clocks, a day is 24 h. */
export function addDaysUtc(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** `day` + `months` months (negative: earlier), clamped to the month's last day: 31 Jan + 1 = 28/29 Feb. */
export function addMonthsUtc(day: Date, months: number): Date {
  return plain(addMonths(day, months, { in: utc }));
}

/** `day` + `years` years (negative: earlier); 29 February + 1 year = 28 February. */
export function addYearsUtc(day: Date, years: number): Date {
  return plain(addYears(day, years, { in: utc }));
}

/**
 * Calendar days from `earlier` to `later` (negative when `later` is before): the difference of their
 * UTC day numbers — date-fns's differenceInCalendarDays in UTC, without its 2–4 µs (the offers list
 * counts the idle days of every row).
 */
export function differenceInCalendarDaysUtc(later: Date, earlier: Date): number {
  return Math.floor(later.getTime() / DAY_MS) - Math.floor(earlier.getTime() / DAY_MS);
}

/** Full years from `earlier` to `later` (an age: birth day to today's day). */
export function differenceInYearsUtc(later: Date, earlier: Date): number {
  return differenceInYears(later, earlier, { in: utc });
}

/** `day` through a date-fns pattern, in French, on its UTC fields: formatUtc(day, "MMMM yyyy") = « décembre 2025 ». */
export function formatUtc(day: Date, pattern: string): string {
  return format(day, pattern, { in: utc, locale: fr });
}
