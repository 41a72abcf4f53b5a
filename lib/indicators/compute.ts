import "server-only";
// Computes the indicators of lib/indicators/indicators.ts straight from the activity tables, for a
// set of platforms and a range of months: one grouped query per indicator family (never a loop over
// platforms × months), so a 12-month region view stays a handful of queries.
// Counts are taken from the activity rows themselves (offers, proposals, participations…), never
// through identifying fields, so that anonymising a person does not change them.
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db";
import { CONTRACT_TYPES, emptyFigures, type Figures } from "@/lib/indicators/indicators";
import { addMonths, monthDate, monthsBetween, type MonthKey } from "@/lib/indicators/period.rules";
import { operationsSchema, type OperationsRules } from "@/lib/rules/rule-set.schema";
import { NoRuleSetInForceError } from "@/lib/rules/active-rule-set";
import { versionInForce } from "@/lib/rules/rule-set-in-force.rules";
import { readRuleSetVersions } from "@/lib/rules/rule-set-versions.repo";
import { governanceRequiredPerMonth } from "@/lib/indicators/figures.rules";

/** figures[platformId][month] */
export type FiguresByPlatform = Map<string, Map<MonthKey, Figures>>;

const DAY_MS = 86_400_000;

/** A timestamp column's calendar month in Europe/Paris, as "YYYY-MM" (timestamps are stored in UTC). */
const month = (col: string) => Prisma.raw(`to_char((${col} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`);

interface Range {
  ids: string[];
  first: MonthKey;
  last: MonthKey;
  /** UTC bounds padded by two days around the local months, so indexes on the raw column still apply. */
  lo: Date;
  hi: Date;
}

type Row = { pid: string; m: MonthKey } & Record<string, unknown>;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

async function companies(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT pid, m, count(DISTINCT cid)::int AS contacted, count(DISTINCT cid) FILTER (WHERE src = 'visit')::int AS visited
    FROM (
      SELECT "platformId" AS pid, "companyId" AS cid, ${month('"at"')} AS m, 'note' AS src
        FROM "CompanyInteraction" WHERE "kind" <> 'NOTE' AND "at" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
      UNION ALL
      SELECT "platformId", "companyId", ${month('"date"')}, 'visit'
        FROM "Visit" WHERE "date" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
      UNION ALL
      SELECT c."platformId", c."companyId", ${month('a."at"')}, 'callback'
        FROM "CallbackAttempt" a JOIN "NumeroVertCallback" c ON c."id" = a."callbackId"
        WHERE a."at" BETWEEN ${r.lo} AND ${r.hi} AND c."platformId" = ANY(${r.ids}::uuid[])
    ) x
    WHERE m BETWEEN ${r.first} AND ${r.last}
    GROUP BY pid, m`;
}

async function callbacks(db: DbOrTx, r: Range): Promise<Row[]> {
  // One row per (platform, month, measure): "done" is dated by the first attempt, "overdue" by the due date.
  return db.$queryRaw<Row[]>`
    WITH f AS (
      SELECT c."platformId" AS pid, c."receivedAt", c."dueAt", min(a."at") AS first
      FROM "NumeroVertCallback" c LEFT JOIN "CallbackAttempt" a ON a."callbackId" = c."id"
      WHERE c."platformId" = ANY(${r.ids}::uuid[]) AND c."receivedAt" <= ${r.hi}
      GROUP BY c."id"
    )
    SELECT pid, ${month("first")} AS m, 'done' AS measure, count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (first - "receivedAt")) / 86400) AS median
      FROM f WHERE first BETWEEN ${r.lo} AND ${r.hi} AND ${month("first")} BETWEEN ${r.first} AND ${r.last} GROUP BY 1, 2
    UNION ALL
    SELECT pid, ${month('"dueAt"')}, 'overdue', count(*) FILTER (WHERE first IS NULL OR first > "dueAt")::int, NULL
      FROM f WHERE "dueAt" BETWEEN ${r.lo} AND ${r.hi} AND ${month('"dueAt"')} BETWEEN ${r.first} AND ${r.last} GROUP BY 1, 2`;
}

/** Issue 23: requests by source — numéro-vert callbacks by their call, public-form requests by their sending. */
async function intake(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "platformId" AS pid, ${month('"receivedAt"')} AS m, 'NUMERO_VERT' AS src, count(*)::int AS n
      FROM "NumeroVertCallback"
      WHERE "origin" = 'NUMERO_VERT' AND "receivedAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
        AND ${month('"receivedAt"')} BETWEEN ${r.first} AND ${r.last}
      GROUP BY 1, 2
    UNION ALL
    SELECT "platformId", ${month('"submittedAt"')}, "kind"::text, count(*)::int
      FROM "IntakeRequest"
      WHERE "submittedAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
        AND ${month('"submittedAt"')} BETWEEN ${r.first} AND ${r.last}
      GROUP BY 1, 2, 3`;
}

async function offersReceived(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "platformId" AS pid, ${month('"receivedAt"')} AS m, "contractType"::text AS contract,
           count(*)::int AS n, count(*) FILTER (WHERE "hiddenMarket")::int AS hidden, sum("positions")::int AS positions
    FROM "JobOffer"
    WHERE "status" <> 'DRAFT' AND "receivedAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
      AND ${month('"receivedAt"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2, 3`;
}

async function offersClosed(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT pid, m, outcome, count(*)::int AS n FROM (
      SELECT "platformId" AS pid, ${month('"filledAt"')} AS m, 'FILLED' AS outcome FROM "JobOffer"
        WHERE "status" = 'FILLED' AND "filledAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
      UNION ALL
      SELECT "platformId", ${month('"closedAt"')}, "status"::text FROM "JobOffer"
        WHERE "status" IN ('CANCELLED', 'EXPIRED') AND "closedAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[])
    ) x WHERE m BETWEEN ${r.first} AND ${r.last} GROUP BY 1, 2, 3`;
}

async function jobSeekers(db: DbOrTx, r: Range, youngAgeLimit: number): Promise<Row[]> {
  // Under the age limit on the day of registration: their birthday of that age falls after that day.
  return db.$queryRaw<Row[]>`
    SELECT "platformId" AS pid, ${month('"createdAt"')} AS m, count(*)::int AS n,
      count(*) FILTER (WHERE "birthDate" + make_interval(years => ${youngAgeLimit}::int) > ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::int AS young
    FROM "JobSeeker"
    WHERE "createdAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[]) AND ${month('"createdAt"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2`;
}

async function proposals(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "platformId" AS pid, ${month('"proposedAt"')} AS m, "kind"::text AS kind, "status"::text AS status, count(*)::int AS n
    FROM "Proposal"
    WHERE "proposedAt" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[]) AND ${month('"proposedAt"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2, 3, 4`;
}

async function hires(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p."platformId" AS pid, ${month('p."hiredAt"')} AS m, coalesce(p."hireContractType"::text, 'AUTRE') AS contract,
           count(*)::int AS n, count(*) FILTER (WHERE p."offerId" IS NOT NULL)::int AS "onOffer",
           count(*) FILTER (WHERE o."eventId" IS NOT NULL)::int AS "fromEvent"
    FROM "Proposal" p LEFT JOIN "JobOffer" o ON o."id" = p."offerId"
    WHERE p."kind" = 'JOB' AND p."status" = 'HIRED' AND p."hiredAt" BETWEEN ${r.lo} AND ${r.hi}
      AND p."platformId" = ANY(${r.ids}::uuid[]) AND ${month('p."hiredAt"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2, 3`;
}

async function events(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT e."platformId" AS pid, ${month('e."date"')} AS m, count(*)::int AS held,
      coalesce(sum((SELECT count(*) FROM "EventJobSeekerParticipation" j WHERE j."eventId" = e."id" AND j."attended")), 0)::int AS seekers,
      coalesce(sum((SELECT count(*) FROM "EventJobSeekerParticipation" j WHERE j."eventId" = e."id" AND j."attended" AND j."young")), 0)::int AS young,
      coalesce(sum((SELECT count(*) FROM "EventCompanyParticipation" c WHERE c."eventId" = e."id" AND c."attended")), 0)::int AS companies
    FROM "CircuitCourtEvent" e
    WHERE e."status" = 'HELD' AND e."date" BETWEEN ${r.lo} AND ${r.hi} AND e."platformId" = ANY(${r.ids}::uuid[])
      AND ${month('e."date"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2`;
}

async function chefsDeFile(db: DbOrTx, r: Range): Promise<Row[]> {
  // A stock at each month's end: engaged on or before the last day, still active and not destroyed.
  return db.$queryRaw<Row[]>`
    SELECT c."platformId" AS pid, to_char(g.m, 'YYYY-MM') AS m, count(*)::int AS n
    FROM generate_series(${monthDate(r.first)}::date, ${monthDate(r.last)}::date, interval '1 month') AS g(m)
    JOIN "ChefDeFile" c ON coalesce(c."since", ((c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date) < g.m + interval '1 month'
    WHERE c."active" AND c."lifecycle" <> 'DESTROYED' AND c."platformId" = ANY(${r.ids}::uuid[])
    GROUP BY 1, 2`;
}

async function governance(db: DbOrTx, r: Range): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "platformId" AS pid, ${month('"date"')} AS m, count(*)::int AS n
    FROM "GovernanceMeeting"
    WHERE "date" BETWEEN ${r.lo} AND ${r.hi} AND "platformId" = ANY(${r.ids}::uuid[]) AND ${month('"date"')} BETWEEN ${r.first} AND ${r.last}
    GROUP BY 1, 2`;
}

/**
 * The OPERATIONS rules in force on each month's first day (versionInForce), null for a month when
 * no version was. Such a month used to borrow the oldest version: a defect, its « réunions de
 * gouvernance requises » were then stated by a framework that was not in force (DOMAIN.md « Rules
 * are data »: versions are dated because the next framework may change any figure), and closing
 * the month froze them (DOMAIN.md §3). It happens before the first version (seeded from 1 January
 * 2021, while the dashboard of a month of 2021 also computes the twelve months before it), in a gap
 * between versions, and after the last one has ended (the oldest, not even the latest, was used).
 * Such a month now requires no meeting; the range's last month must have rules (computeFigures).
 */
async function operationsByMonth(db: DbOrTx, months: MonthKey[]): Promise<Map<MonthKey, OperationsRules | null>> {
  const versions = (await readRuleSetVersions(db, "OPERATIONS")).map((v) => ({ ...v, rules: operationsSchema.parse(v.payload) }));
  return new Map(months.map((m) => [m, versionInForce(versions, monthDate(m))?.rules ?? null]));
}

/**
 * Figures of each platform in `platformIds` for every month from `first` to `last` (inclusive).
 * Months with no activity get zeros (and null for a median), so the result is always complete.
 */
export async function computeFigures(db: DbOrTx, platformIds: readonly string[], first: MonthKey, last: MonthKey): Promise<FiguresByPlatform> {
  const months = monthsBetween(first, last);
  const out: FiguresByPlatform = new Map(platformIds.map((id) => [id, new Map(months.map((m) => [m, emptyFigures()]))]));
  if (platformIds.length === 0 || months.length === 0) return out;
  const r: Range = {
    ids: [...platformIds],
    first,
    last,
    lo: new Date(monthDate(first).getTime() - 2 * DAY_MS),
    hi: new Date(monthDate(addMonths(last, 1)).getTime() + 2 * DAY_MS),
  };
  const rules = await operationsByMonth(db, months);
  // Age limit of the last month's rules: one value per query keeps it a single grouped query. None
  // in force on that month's first day: no figures (422, the answer getActiveRuleSet gives).
  const lastRules = rules.get(last);
  if (!lastRules) throw new NoRuleSetInForceError("OPERATIONS", monthDate(last));
  const youngAgeLimit = lastRules.youngAgeLimit;
  const [co, cb, or, oc, js, pr, hi, ev, cf, gv, ik] = await Promise.all([
    companies(db, r), callbacks(db, r), offersReceived(db, r), offersClosed(db, r), jobSeekers(db, r, youngAgeLimit),
    proposals(db, r), hires(db, r), events(db, r), chefsDeFile(db, r), governance(db, r), intake(db, r),
  ]);
  const at = (row: Row): Figures | undefined => out.get(row.pid)?.get(row.m);
  const add = (f: Figures, key: string, v: unknown) => (f[key] = (f[key] ?? 0) + n(v));

  for (const row of co) { const f = at(row); if (f) { add(f, "companiesContacted", row.contacted); add(f, "companiesVisited", row.visited); } }
  for (const row of cb) {
    const f = at(row);
    if (!f) continue;
    if (row.measure === "done") {
      add(f, "callbacksDone", row.n);
      f.callbackMedianDelayDays = row.median === null ? null : Math.round(Number(row.median) * 10) / 10;
    } else add(f, "callbacksOverdue", row.n);
  }
  const intakeKey: Record<string, string> = { NUMERO_VERT: "intakeNumeroVert", ENTREPRISE: "intakeOnlineCompanies", PERSONNE: "intakeOnlinePersons" };
  for (const row of ik) { const f = at(row); if (f) add(f, intakeKey[row.src as string]!, row.n); }
  for (const row of or) {
    const f = at(row);
    if (!f) continue;
    add(f, "offersCollected", row.n);
    add(f, "offersHiddenMarket", row.hidden);
    add(f, "positionsOffered", row.positions);
    add(f, `offersContract_${CONTRACT_TYPES.includes(row.contract as never) ? row.contract : "AUTRE"}`, row.n);
  }
  const closedKey: Record<string, string> = { FILLED: "offersFilled", CANCELLED: "offersCancelled", EXPIRED: "offersExpired" };
  for (const row of oc) { const f = at(row); if (f) add(f, closedKey[row.outcome as string]!, row.n); }
  for (const row of js) {
    const f = at(row);
    if (!f) continue;
    add(f, "jobSeekersReceived", row.n); add(f, "jobSeekersYoung", row.young);
  }
  const kindKey: Record<string, string> = { JOB: "proposalsJob", TRAINING: "proposalsTraining", ACCOMPANIMENT: "proposalsAccompaniment" };
  const outcomeKey: Record<string, string | undefined> = { ACCEPTED: "proposalsAccepted", INTERVIEW: "proposalsAccepted", HIRED: "proposalsAccepted", REFUSED: "proposalsRefused", NOT_RETAINED: "proposalsNotRetained" };
  for (const row of pr) {
    const f = at(row);
    if (!f) continue;
    add(f, kindKey[row.kind as string]!, row.n);
    const o = outcomeKey[row.status as string];
    if (o) add(f, o, row.n);
  }
  for (const row of hi) {
    const f = at(row);
    if (!f) continue;
    add(f, "hires", row.n); add(f, "positionsFilled", row.onOffer); add(f, "eventHires", row.fromEvent);
    add(f, `hiresContract_${row.contract as string}`, row.n);
  }
  for (const row of ev) {
    const f = at(row);
    if (!f) continue;
    add(f, "eventsHeld", row.held); add(f, "eventJobSeekerParticipants", row.seekers); add(f, "eventYoungParticipants", row.young); add(f, "eventCompanies", row.companies);
  }
  for (const row of cf) { const f = at(row); if (f) add(f, "chefsDeFileActive", row.n); }
  for (const row of gv) { const f = at(row); if (f) add(f, "governanceMeetingsHeld", row.n); }
  for (const byMonth of out.values()) {
    for (const [m, f] of byMonth) {
      const ops = rules.get(m);
      f.governanceMeetingsRequired = ops ? governanceRequiredPerMonth(ops) : 0;
    }
  }
  return out;
}
