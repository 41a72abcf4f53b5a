// Months and periods of the bilans, as "YYYY-MM" keys. Pure: `now` is always passed in.
// A month is a calendar month in Europe/Paris (the SQL groups by the same local month).
import { z } from "zod";
import { formatUtc } from "@/lib/calendar-day";

export const monthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM");
export type MonthKey = string;

export const PERIOD_KINDS = ["month", "quarter", "year", "rolling12"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  month: "Mois",
  quarter: "Trimestre",
  year: "Année",
  rolling12: "12 mois glissants",
};

export function parseMonth(key: MonthKey): { year: number; month: number } {
  const [y, m] = key.split("-").map(Number);
  return { year: y!, month: m! };
}

export function monthKey(year: number, month: number): MonthKey {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function addMonths(key: MonthKey, n: number): MonthKey {
  const { year, month } = parseMonth(key);
  return monthKey(year, month + n);
}

/** First day of the month as a UTC midnight Date (the value stored in MonthlySnapshot.month). */
export function monthDate(key: MonthKey): Date {
  const { year, month } = parseMonth(key);
  return new Date(Date.UTC(year, month - 1, 1));
}

export function monthKeyOfDate(d: Date): MonthKey {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month `now` falls in, in Europe/Paris. */
export function currentMonth(now: Date): MonthKey {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}`;
}

/** A month can be closed once it is over. */
export function isMonthOver(key: MonthKey, now: Date): boolean {
  return key < currentMonth(now);
}

export function monthsBetween(first: MonthKey, last: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let k = first; k <= last; k = addMonths(k, 1)) out.push(k);
  return out;
}

export interface Period {
  kind: PeriodKind;
  /** Month the period is anchored on: the month itself, any month of the quarter/year, or the last of 12. */
  anchor: MonthKey;
}

export function periodMonths(p: Period): MonthKey[] {
  const { year, month } = parseMonth(p.anchor);
  switch (p.kind) {
    case "month":
      return [p.anchor];
    case "quarter": {
      const first = monthKey(year, Math.floor((month - 1) / 3) * 3 + 1);
      return monthsBetween(first, addMonths(first, 2));
    }
    case "year":
      return monthsBetween(monthKey(year, 1), monthKey(year, 12));
    case "rolling12":
      return monthsBetween(addMonths(p.anchor, -11), p.anchor);
  }
}

// Month names come from date-fns' French locale (« déc. 25 », « mars 26 », « juin 26 »): never
// hand-made abbreviations; read on the 1st at midnight UTC (formatUtc), whatever the process's zone.

/** « décembre 2025 » */
export function monthLabel(key: MonthKey): string {
  return formatUtc(monthDate(key), "MMMM yyyy");
}

/** « déc. 25 », « mai 26 » (charts and table headers). */
export function shortMonthLabel(key: MonthKey): string {
  return formatUtc(monthDate(key), "MMM yy");
}

export function periodLabel(p: Period): string {
  const months = periodMonths(p);
  const { year, month } = parseMonth(p.anchor);
  switch (p.kind) {
    case "month":
      return monthLabel(p.anchor);
    case "quarter":
      return `${Math.floor((month - 1) / 3) + 1}ᵉ trimestre ${year}`;
    case "year":
      return `année ${year}`;
    case "rolling12":
      return `${monthLabel(months[0]!)} – ${monthLabel(months[months.length - 1]!)}`;
  }
}
