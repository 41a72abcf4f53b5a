// « Today » and « the day of an instant » on the platforms' calendar, Europe/Paris — never the
// server's zone nor the browser's. The one place that turns an instant into a Paris calendar day
// (@date-fns/tz): the date fields' default and `max` (parisToday), « not in the future » on a
// calendar day (lib/fields.schema.ts), retention's month arithmetic (lib/retention/retention.rules.ts)
// and the job seeker form's « informé·e le » default all read it here. The UTC day
// (`toISOString().slice(0, 10)`) is still yesterday between midnight in Paris and midnight UTC; the
// process's local day is whatever zone the server or the browser runs in.
import { TZDate, tzOffset } from "@date-fns/tz";
import { endOfDay, startOfDay, startOfMonth } from "date-fns";

export const PARIS_TIME_ZONE = "Europe/Paris";

/** A calendar day in Europe/Paris. */
export interface CalendarDay {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MINUTE_MS = 60_000;
/** Paris's offset from UTC (ms) on each UTC day asked about, null on a day the clocks change. */
const offsetByUtcDay = new Map<number, number | null>();

const offsetAt = (t: number) => tzOffset(PARIS_TIME_ZONE, new Date(t)) * MINUTE_MS;

/**
 * Paris's offset from UTC at `t` (ms since the epoch), read through Intl (@date-fns/tz tzOffset) once
 * per UTC day and kept: the lists compute the Paris day of every row (issue 18: a TZDate per call
 * cost 8.5 µs under Next.js, whose patched Date makes each construction dearer — 100 per page of
 * offers, +1.5 ms of Node CPU per request). Europe/Paris changes offset at most once a day, on a
 * whole UTC hour (01:00 UTC since 1981; every change since 1946 in the IANA data): a day whose
 * first and last hours have the same offset has it all day; on the two days a year the clocks
 * change, the offset is read at the start of the UTC hour.
 */
function parisOffsetMs(t: number): number {
  const day = Math.floor(t / DAY_MS);
  let offset = offsetByUtcDay.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS);
    offset = first === offsetAt(day * DAY_MS + 23 * HOUR_MS) ? first : null;
    if (offsetByUtcDay.size >= 50_000) offsetByUtcDay.clear();
    offsetByUtcDay.set(day, offset);
  }
  return offset ?? offsetAt(Math.floor(t / HOUR_MS) * HOUR_MS);
}

/** The calendar day of each day number (days since 1970-01-01) asked about. */
const calendarDays = new Map<number, CalendarDay>();

/** The calendar day `at` falls on in Paris (today by default). */
export function parisDay(at: Date = new Date()): CalendarDay {
  const t = at.getTime();
  if (!Number.isFinite(t)) return { y: Number.NaN, m: Number.NaN, d: Number.NaN };
  const dayNumber = Math.floor((t + parisOffsetMs(t)) / DAY_MS);
  let day = calendarDays.get(dayNumber);
  if (!day) {
    const midnight = new Date(dayNumber * DAY_MS);
    day = { y: midnight.getUTCFullYear(), m: midnight.getUTCMonth() + 1, d: midnight.getUTCDate() };
    if (calendarDays.size >= 50_000) calendarDays.clear();
    calendarDays.set(dayNumber, day);
  }
  return { y: day.y, m: day.m, d: day.d };
}

/** « AAAA-MM-JJ » of a calendar day. */
export function isoCalendarDay(day: CalendarDay): string {
  return `${String(day.y).padStart(4, "0")}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** A calendar day as the project stores a date-only value: midnight UTC of that day. */
export function utcMidnight(day: CalendarDay): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

/** The Paris day `at` falls on (today by default), as the project stores a day: midnight UTC. */
export function parisDate(at: Date = new Date()): Date {
  return utcMidnight(parisDay(at));
}

/**
 * Today in Paris as « AAAA-MM-JJ », for a date field's default and `max`: a form opened at 00:30 in
 * Paris (23:30 UTC the day before) is dated today, not yesterday.
 */
export function parisToday(now: Date = new Date()): string {
  return isoCalendarDay(parisDay(now));
}

/**
 * The Paris wall time of an instant as « AAAA-MM-JJTHH:MM », the value of an
 * <input type="datetime-local"> (its default « now », its `max`, a stored instant being edited):
 * the same whether the server (UTC in production) or the browser renders the form, so no hydration
 * mismatch; `parseInstant` (lib/fields.schema.ts) reads it back as Paris time.
 */
export function parisDateTimeLocal(at: Date | string = new Date()): string {
  const paris = new TZDate(new Date(at).getTime(), PARIS_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${isoCalendarDay(parisDay(paris))}T${pad(paris.getHours())}:${pad(paris.getMinutes())}`;
}

/** The Paris wall-clock time of `at` in a Date's UTC fields (Excel dates, which carry no zone). */
export function parisWallTime(at: Date): Date {
  const t = at.getTime();
  return new Date(t + parisOffsetMs(t));
}

/**
 * The same Paris wall-clock time `days` Paris calendar days later (negative: earlier), whatever zone
 * the process runs in — what date-fns's addDays does in Paris (@date-fns/tz, the unit test's
 * reference) at the cost of parisDay: a callback received at 23:30 on the Saturday the clocks go
 * forward is due two days later at 23:30 on Monday, not at 00:30 on Tuesday (48 h later).
 */
export function addParisDays(at: Date, days: number): Date {
  const t = at.getTime();
  return fromParisWallTime(t + parisOffsetMs(t) + days * DAY_MS);
}

/**
 * The instant of a Paris wall-clock time given as the ms of its fields read as UTC (Date.UTC(y, m,
 * d, h, min…)). It lies between wall − 2 h and wall − 1 h (Paris is UTC+1 or UTC+2 since 1976);
 * where the offset changes in that hour, the wall time is skipped (spring: one hour later, 02:30 →
 * 03:30) or occurs twice (autumn: winter time, the later instant) — the rule parseInstant documents,
 * and TZDate's when the process runs in UTC: under TZ=Pacific/Auckland TZDate takes the summer-time
 * instant of an autumn ambiguous hour.
 */
export function fromParisWallTime(wall: number): Date {
  return new Date(wall - Math.min(parisOffsetMs(wall - 2 * HOUR_MS), parisOffsetMs(wall - HOUR_MS)));
}

/** The first instant of the Paris day `at` falls on (00:00 in Paris, 23:00 or 22:00 UTC the day before). */
export function parisStartOfDay(at: Date = new Date()): Date {
  return new Date(startOfDay(new TZDate(at.getTime(), PARIS_TIME_ZONE)).getTime());
}

/** The last instant of the Paris day `at` falls on (23:59:59.999 in Paris), not of its UTC day. */
export function parisEndOfDay(at: Date = new Date()): Date {
  return new Date(endOfDay(new TZDate(at.getTime(), PARIS_TIME_ZONE)).getTime());
}

/** The first instant of the Paris month `at` falls on (00:00 in Paris on the 1st). */
export function parisStartOfMonth(at: Date = new Date()): Date {
  return new Date(startOfMonth(new TZDate(at.getTime(), PARIS_TIME_ZONE)).getTime());
}
