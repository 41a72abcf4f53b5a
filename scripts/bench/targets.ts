// The targets `npm run bench` judges each row against (issue 18 and the earlier latency targets).
// Kept apart from the bench so that the verdicts are tested (tests/unit/scripts/bench-targets.test.ts):
// a verdict column that judged an audited read against the lists' 300 req/s, or that left out the
// CPU targets, printed « AU-DESSOUS » for a target that was met and « OK » for one that was not.

export type Kind = "api" | "page" | "dashboard" | "export" | "retention";

export const TARGETS = {
  /** p95 at one connection, ms. */
  p95: { api: 50, page: 100, dashboard: 100, export: 2000, retention: 2000 } satisfies Record<Kind, number>,
  /** Application p50 − the same SQL replayed directly, ms (not for exports and the retention run). */
  overheadMs: 25,
  /** Issue 18: audited personal-data reads (name search, a record) at 10 connections. */
  audited: { connections: 10, reqPerSec: 150, p95: 100, lockWaitShare: 0.1 },
  /** Issue 18: non-audited lists (offers, companies) at 10 connections. */
  list: { connections: 10, reqPerSec: 300 },
  /** Issue 18: Node CPU per API request ≤ this × PostgreSQL's. */
  nodeToPgCpu: 1.5,
  /** Issue 18: Node CPU per request of the job-seeker search page, ms. */
  searchPageNodeCpuMs: 15,
} as const;

export interface RowFigures {
  kind: Kind;
  p95: number | null;
  errors: number;
  overheadMs?: number;
  nodeCpuMs: number | null;
  pgCpuMs: number | null;
  /** A row's own Node CPU target, ms per request (the job-seeker search page: 15). */
  nodeCpuTargetMs?: number;
}

export interface Verdict {
  target: string;
  ok: boolean;
}

const num = (v: number) => String(v).replace(".", ",");

/** A row at one connection: p95, overhead over its SQL, Node CPU against PostgreSQL's (API) or its own ceiling (page). */
export function rowVerdict(r: RowFigures): Verdict {
  const parts = [`p95 ≤ ${TARGETS.p95[r.kind]}`];
  let ok = r.errors === 0 && (r.p95 ?? Infinity) <= TARGETS.p95[r.kind];
  if (r.overheadMs !== undefined && r.kind !== "export" && r.kind !== "retention") ok &&= r.overheadMs <= TARGETS.overheadMs;
  if (r.kind === "api") {
    parts.push(`CPU Node ≤ ${num(TARGETS.nodeToPgCpu)} × PG`);
    ok &&= r.nodeCpuMs !== null && r.pgCpuMs !== null && r.nodeCpuMs <= TARGETS.nodeToPgCpu * r.pgCpuMs;
  }
  if (r.nodeCpuTargetMs !== undefined) {
    parts.push(`CPU Node ≤ ${num(r.nodeCpuTargetMs)} ms`);
    ok &&= r.nodeCpuMs !== null && r.nodeCpuMs <= r.nodeCpuTargetMs;
  }
  return { target: parts.join(" ; "), ok };
}

export interface ThroughputFigures {
  audited: boolean;
  connections: number;
  reqPerSec: number;
  p95: number;
  lockWaitShare: number;
  errors: number;
}

/** A throughput run; null where the issue sets no target (an audited read at 50 connections: measured, not judged). */
export function throughputVerdict(t: ThroughputFigures): Verdict | null {
  if (t.audited) {
    const a = TARGETS.audited;
    if (t.connections !== a.connections) return null;
    return {
      target: `≥ ${a.reqPerSec} req/s ; p95 ≤ ${a.p95} ; verrou < ${a.lockWaitShare * 100} %`,
      ok: t.errors === 0 && t.reqPerSec >= a.reqPerSec && t.p95 <= a.p95 && t.lockWaitShare < a.lockWaitShare,
    };
  }
  if (t.connections !== TARGETS.list.connections) return null;
  return { target: `≥ ${TARGETS.list.reqPerSec} req/s`, ok: t.errors === 0 && t.reqPerSec >= TARGETS.list.reqPerSec };
}
