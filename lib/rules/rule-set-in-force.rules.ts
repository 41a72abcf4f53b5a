// Which version of a rule set is in force on a date, stated once: every reader chooses with it
// (lib/rules/rule-set-versions.repo.ts), on the versions of one kind read from the table or held in
// memory (lib/rules/rule-set-cache.ts). The same answer as the SQL the application sent before
// (WHERE validFrom <= at AND (validTo IS NULL OR validTo >= at) ORDER BY validFrom DESC, version
// DESC), checked date by date in tests/integration/rules/rule-set-cache.int.test.ts. Pure: no
// Prisma, no clock.

export interface RuleSetVersionDates {
  version: number;
  /** DATE columns: PostgreSQL's day, read back by Prisma as that day's UTC midnight. */
  validFrom: Date;
  validTo: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * The day PostgreSQL compares with a DATE column when Prisma binds the instant `at` to it: the
 * adapter sends `at`'s UTC calendar date (`YYYY-MM-DD`, @prisma/adapter-pg formatDate), so
 * `"validTo" >= at` holds all day long on the last day, whatever the hour or the session's time zone.
 */
export function utcDayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/**
 * The version in force on `at`: validFrom ≤ day(at), validTo null or ≥ day(at), latest validFrom
 * first, then highest version (unique within a kind) — the SQL's WHERE and ORDER BY. Null when none.
 */
export function versionInForce<T extends RuleSetVersionDates>(versions: readonly T[], at: Date): T | null {
  const day = utcDayNumber(at);
  let best: T | null = null;
  for (const v of versions) {
    if (utcDayNumber(v.validFrom) > day) continue;
    if (v.validTo !== null && utcDayNumber(v.validTo) < day) continue;
    if (!best || v.validFrom.getTime() > best.validFrom.getTime() || (v.validFrom.getTime() === best.validFrom.getTime() && v.version > best.version)) best = v;
  }
  return best;
}
