import "server-only";
// The cohort of job positionings made in a range of months (Europe/Paris), counted by current status.
import type { DbOrTx } from "@/lib/db";
import { jobFunnel, type FunnelValue, type ProposalStatusName } from "@/lib/bilans/funnel.rules";
import { addMonths, monthDate, type MonthKey } from "@/lib/indicators/period.rules";

const DAY_MS = 86_400_000;

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
