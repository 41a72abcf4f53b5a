import "server-only";
// The DPO's view of retention runs, and the dry run they may start at any time.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { RETENTION_ACTIONS, runRetention } from "@/lib/retention/retention.service";
import type { PurgeRunDto, PurgeRunListQuery } from "@/lib/retention/purge-run.schema";

type Counts = PurgeRunDto["counts"];
const ZERO: Counts = Object.fromEntries(RETENTION_ACTIONS.map((a) => [a, 0])) as Counts;
const select = {
  id: true, startedAt: true, finishedAt: true, dryRun: true, status: true, triggeredBy: true, counts: true, errors: true, heartbeatAt: true,
  ruleSet: { select: { version: true } }, resumedBy: { select: { id: true, startedAt: true } },
} as const;

type Row = {
  id: string; startedAt: Date; finishedAt: Date | null; dryRun: boolean; status: PurgeRunDto["status"]; triggeredBy: string | null; counts: unknown; errors: unknown;
  heartbeatAt: Date | null; ruleSet: { version: number } | null; resumedBy: { id: string; startedAt: Date } | null;
};
type Resumed = { id: string; startedAt: Date; counts: unknown; resumedById: string | null };

function countsOf(raw: unknown): Counts {
  const c = (raw ?? {}) as Partial<Counts>;
  return Object.fromEntries(Object.keys(ZERO).map((k) => [k, c[k as keyof Counts] ?? 0])) as Counts;
}

/**
 * Issue 16 §12: the abandoned runs each row took over, transitively (a retry killed in its turn and
 * taken over again), keyed by the run that finished the work. A chain is a night or two: bounded walk.
 */
async function resumedChains(db: Db, ids: string[]): Promise<Map<string, Resumed[]>> {
  const out = new Map<string, Resumed[]>(ids.map((id) => [id, []]));
  const rootOf = new Map<string, string>(ids.map((id) => [id, id]));
  let frontier = ids;
  for (let depth = 0; depth < 20 && frontier.length > 0; depth++) {
    const rows = await db.purgeRun.findMany({ where: { resumedById: { in: frontier } }, select: { id: true, startedAt: true, counts: true, resumedById: true }, orderBy: { startedAt: "asc" } });
    for (const r of rows) {
      const root = rootOf.get(r.resumedById!)!;
      rootOf.set(r.id, root);
      out.get(root)!.push(r);
    }
    frontier = rows.map((r) => r.id);
  }
  for (const list of out.values()) list.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return out;
}

function toDto(r: Row, platformNames: Map<string, string>, resumed: Resumed[]): PurgeRunDto {
  const raw = (r.counts ?? {}) as Partial<Counts> & { byPlatform?: Record<string, Partial<Counts>> };
  const counts = countsOf(raw);
  const totalCounts = { ...counts };
  for (const prev of resumed) {
    const c = countsOf(prev.counts);
    for (const k of Object.keys(ZERO) as (keyof Counts)[]) totalCounts[k] += c[k];
  }
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    dryRun: r.dryRun,
    status: r.status,
    triggeredBy: r.triggeredBy,
    ruleSetVersion: r.ruleSet?.version ?? null,
    heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
    resumedBy: r.resumedBy ? { id: r.resumedBy.id, startedAt: r.resumedBy.startedAt.toISOString() } : null,
    resumes: resumed.map((p) => ({ id: p.id, startedAt: p.startedAt.toISOString() })),
    counts,
    byPlatform: Object.entries(raw.byPlatform ?? {}).map(([platformId, c]) => ({ platformId, platform: platformNames.get(platformId) ?? "—", counts: { ...ZERO, ...c } })),
    totalCounts,
    errors: Array.isArray(r.errors) ? (r.errors as PurgeRunDto["errors"]) : [],
  };
}

function assertCan(user: CurrentUser, action: Action): void {
  if (!can(user, action)) throw new ForbiddenError();
}

async function names(db: Db): Promise<Map<string, string>> {
  const rows = await db.platform.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((p) => [p.id, p.name]));
}

export async function listPurgeRuns(db: Db, user: CurrentUser, q: PurgeRunListQuery) {
  assertCan(user, "purge.read");
  const where = q.dryRun ? { dryRun: q.dryRun === "true" } : {};
  const [total, rows, platformNames] = await Promise.all([
    db.purgeRun.count({ where }),
    db.purgeRun.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select }),
    names(db),
  ]);
  const chains = await resumedChains(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toDto(r, platformNames, chains.get(r.id)!)), page: q.page, pageSize: q.pageSize, total };
}

export async function findPurgeRun(db: Db, user: CurrentUser, id: string): Promise<PurgeRunDto> {
  assertCan(user, "purge.read");
  const row = await db.purgeRun.findUnique({ where: { id }, select });
  if (!row) throw new NotFoundError();
  const [platformNames, chains] = await Promise.all([names(db), resumedChains(db, [row.id])]);
  return toDto(row, platformNames, chains.get(row.id)!);
}

/** Simulates tonight's run now: same decisions, nothing changed; recorded and audited. */
export async function startDryRun(db: Db, user: CurrentUser): Promise<PurgeRunDto> {
  assertCan(user, "purge.run");
  const result = await runRetention(db, { dryRun: true, triggeredBy: user.email });
  await recordAudit(db, { action: "retention.dryRun", actorId: user.id, actorRole: user.role, entityType: "PurgeRun", entityId: result.runId, metadata: { counts: result.counts } });
  return findPurgeRun(db, user, result.runId);
}
