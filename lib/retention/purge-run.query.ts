import "server-only";
// The DPO's view of retention runs, and the dry run they may start at any time.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { runRetention } from "@/lib/retention/retention.service";
import type { PurgeRunDto, PurgeRunListQuery } from "@/lib/retention/purge-run.schema";

type Counts = PurgeRunDto["counts"];
const ZERO: Counts = { "jobSeeker.archive": 0, "jobSeeker.destroy": 0, "companyContact.destroy": 0, "chefDeFile.destroy": 0, "franceTravail.destroy": 0 };
const select = { id: true, startedAt: true, finishedAt: true, dryRun: true, status: true, triggeredBy: true, counts: true, errors: true, ruleSet: { select: { version: true } } } as const;

type Row = { id: string; startedAt: Date; finishedAt: Date | null; dryRun: boolean; status: PurgeRunDto["status"]; triggeredBy: string | null; counts: unknown; errors: unknown; ruleSet: { version: number } | null };

function toDto(r: Row, platformNames: Map<string, string>): PurgeRunDto {
  const raw = (r.counts ?? {}) as Partial<Counts> & { byPlatform?: Record<string, Partial<Counts>> };
  const counts = { ...ZERO, ...Object.fromEntries(Object.keys(ZERO).map((k) => [k, raw[k as keyof Counts] ?? 0])) } as Counts;
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    dryRun: r.dryRun,
    status: r.status,
    triggeredBy: r.triggeredBy,
    ruleSetVersion: r.ruleSet?.version ?? null,
    counts,
    byPlatform: Object.entries(raw.byPlatform ?? {}).map(([platformId, c]) => ({ platformId, platform: platformNames.get(platformId) ?? "—", counts: { ...ZERO, ...c } })),
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
  return { items: rows.map((r) => toDto(r, platformNames)), page: q.page, pageSize: q.pageSize, total };
}

export async function findPurgeRun(db: Db, user: CurrentUser, id: string): Promise<PurgeRunDto> {
  assertCan(user, "purge.read");
  const row = await db.purgeRun.findUnique({ where: { id }, select });
  if (!row) throw new NotFoundError();
  return toDto(row, await names(db));
}

/** Simulates tonight's run now: same decisions, nothing changed; recorded and audited. */
export async function startDryRun(db: Db, user: CurrentUser): Promise<PurgeRunDto> {
  assertCan(user, "purge.run");
  const result = await runRetention(db, { dryRun: true, triggeredBy: user.email });
  await recordAudit(db, { action: "retention.dryRun", actorId: user.id, actorRole: user.role, entityType: "PurgeRun", entityId: result.runId, metadata: { counts: result.counts } });
  return findPurgeRun(db, user, result.runId);
}
