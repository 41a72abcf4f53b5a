// Typed spreadsheet cells (issue 15 §4): a date is an Excel date (sortable, filterable), never text.
// Excel dates carry no time zone: an instant is written as its Paris wall-clock time.
import { parisWallTime } from "@/lib/paris-day";

export const XLSX_DATE_FORMAT = "dd/mm/yyyy";
export const XLSX_DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";

/** The instant as the Paris wall-clock time, in a Date whose UTC fields Excel will show. */
export function parisWallClock(d: Date): Date {
  const wall = parisWallTime(d).getTime();
  return new Date(wall - (((wall % 1000) + 1000) % 1000));
}

/** A calendar day « AAAA-MM-JJ » as an Excel date, or null when `v` is not one. */
export function calendarDay(v: unknown): Date | null {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
