// Which version of a rule set is in force on a date, stated once: every reader chooses with it
// (lib/rules/rule-set-versions.repo.ts), on the versions of one kind read from the table or held in
// memory (lib/rules/rule-set-cache.ts). The same answer as the SQL the application sent before
// (WHERE validFrom <= at AND (validTo IS NULL OR validTo >= at) ORDER BY validFrom DESC, version
// DESC, the instant bound as its Paris day), checked date by date in
// tests/integration/rules/rule-set-cache.int.test.ts. Pure: no Prisma, no clock.
import { parisDate } from "@/lib/paris-day";

export interface RuleSetVersionDates {
  version: number;
  /** DATE columns: PostgreSQL's day, read back by Prisma as that day's UTC midnight. */
  validFrom: Date;
  validTo: Date | null;
}

const DAY_MS = 86_400_000;

/** The number of a stored calendar day (a DATE column, read back as that day's UTC midnight). */
export function utcDayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/**
 * The calendar day an instant falls on for the rules: its day in Paris. Versions start and end on
 * calendar days of the conventions, so a version from 1 January applies from midnight in Paris, not
 * an hour or two later at midnight UTC; a stored calendar day (midnight UTC, 01:00 or 02:00 in Paris)
 * stays itself. The version is in force all day long on its last day.
 */
export function ruleDayNumber(at: Date): number {
  return utcDayNumber(parisDate(at));
}

/**
 * The version in force on `at`: validFrom ≤ its Paris day (ruleDayNumber), validTo null or ≥ it, latest validFrom
 * first, then highest version (unique within a kind) — the SQL's WHERE and ORDER BY. Null when none.
 */
export function versionInForce<T extends RuleSetVersionDates>(versions: readonly T[], at: Date): T | null {
  const day = ruleDayNumber(at);
  let best: T | null = null;
  for (const v of versions) {
    if (utcDayNumber(v.validFrom) > day) continue;
    if (v.validTo !== null && utcDayNumber(v.validTo) < day) continue;
    if (!best || v.validFrom.getTime() > best.validFrom.getTime() || (v.validFrom.getTime() === best.validFrom.getTime() && v.version > best.version)) best = v;
  }
  return best;
}
