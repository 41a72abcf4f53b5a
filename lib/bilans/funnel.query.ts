import "server-only";
// The cohort of job positionings made in a range of months (Europe/Paris), counted by current status.
import type { DbOrTx } from "@/lib/db";
import { jobFunnel, type FunnelValue, type ProposalStatusName } from "@/lib/bilans/funnel.rules";
import { addMonths, monthDate, type MonthKey } from "@/lib/indicators/period.rules";
import { sharedComputations } from "@/lib/bilans/shared-for";

const DAY_MS = 86_400_000;

const sharedFunnels = sharedComputations();

/**
 * The funnel as the dashboard shows it: shared between requests for `ttlMs` like the open months'
 * figures (issue 18: a 12-month region funnel counts ~200 000 positionings, 150–450 ms of PostgreSQL
 * per request on the region-scale base).
 */
export function sharedJobFunnelFor(db: DbOrTx, platformIds: readonly string[], first: MonthKey, last: MonthKey, ttlMs: number): Promise<FunnelValue[]> {
  return sharedFunnels(`${[...platformIds].sort().join(",")}|${first}|${last}`, ttlMs, () => jobFunnelFor(db, platformIds, first, last));
}

export async function jobFunnelFor(db: DbOrTx, platformIds: readonly string[], first: MonthKey, last: MonthKey): Promise<FunnelValue[]> {
  // UTC bounds padded by two days so the proposedAt index applies; the local month decides.
  const lo = new Date(monthDate(first).getTime() - 2 * DAY_MS);
  const hi = new Date(monthDate(addMonths(last, 1)).getTime() + 2 * DAY_MS);
  const rows = await db.$queryRaw<{ status: ProposalStatusName; n: number }[]>`
    SELECT "status"::text AS status, count(*)::int AS n
    FROM "Proposal"
    WHERE "kind" = 'JOB' AND "platformId" = ANY(${[...platformIds]}::uuid[]) AND "proposedAt" BETWEEN ${lo} AND ${hi}
      AND to_char(("proposedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris', 'YYYY-MM') BETWEEN ${first} AND ${last}
    GROUP BY 1`;
  return jobFunnel(Object.fromEntries(rows.map((r) => [r.status, r.n])));
}
