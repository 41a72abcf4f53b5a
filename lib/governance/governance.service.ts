import "server-only";
// Governance meetings (coprésidence, pôle dirigeant, comité technique) of a platform: list, record,
// edit, delete, and this year's count against the OPERATIONS rule set.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { governanceProgress, type GovernanceProgress } from "@/lib/governance/governance.rules";
import type { GovernanceInput, GovernanceListQuery, GovernanceMeetingDto, UpdateGovernanceInput } from "@/lib/governance/governance.schema";
import { parisDay } from "@/lib/paris-day";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

const select = { id: true, platformId: true, kind: true, date: true, attendees: true, decisions: true, version: true, platform: { select: { name: true } } } as const;
type Row = { id: string; platformId: string; kind: GovernanceMeetingDto["kind"]; date: Date; attendees: string[]; decisions: string | null; version: number; platform: { name: string } };

function toDto(r: Row): GovernanceMeetingDto {
  return { id: r.id, platformId: r.platformId, platform: r.platform.name, kind: r.kind, date: r.date.toISOString(), attendees: r.attendees, decisions: r.decisions, version: r.version };
}

/** A meeting's day is stored at noon UTC so that it reads as the same day in Europe/Paris. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T12:00:00.000Z`);
}

function scope(user: CurrentUser) {
  const s = scopeFor(user, "governance");
  if (!s) throw new ForbiddenError();
  return s;
}

const ORDER = {
  date: [{ date: "asc" }],
  "-date": [{ date: "desc" }],
  kind: [{ kind: "asc" }, { date: "desc" }],
  "-kind": [{ kind: "desc" }, { date: "desc" }],
} as const;

export async function listGovernanceMeetings(db: Db, user: CurrentUser, q: GovernanceListQuery) {
  const where = {
    AND: [
      scope(user),
      q.kind ? { kind: q.kind } : {},
      q.year ? { date: { gte: new Date(Date.UTC(q.year, 0, 1)), lt: new Date(Date.UTC(q.year + 1, 0, 1)) } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.governanceMeeting.count({ where }),
    db.governanceMeeting.findMany({ where, select, orderBy: [...ORDER[q.sort], { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
}

export async function getGovernanceMeeting(db: Db, user: CurrentUser, id: string): Promise<GovernanceMeetingDto> {
  const row = await db.governanceMeeting.findFirst({ where: { AND: [scope(user), { id }] }, select });
  if (!row) throw new NotFoundError("Réunion introuvable.");
  return toDto(row);
}

/** The platform a new meeting belongs to: the server decides it from the user's membership. */
function ownPlatform(user: CurrentUser): string {
  if (user.platformIds.length !== 1) {
    throw new UnprocessableError("Votre compte couvre plusieurs plateformes : une réunion ne peut être enregistrée que par le responsable d'une seule plateforme.");
  }
  return user.platformIds[0]!;
}

export async function createGovernanceMeeting(db: Db, user: CurrentUser, input: GovernanceInput): Promise<GovernanceMeetingDto> {
  const platformId = ownPlatform(user);
  return db.$transaction(async (tx) => {
    const data = { kind: input.kind, date: dayToDate(input.date), attendees: input.attendees, decisions: input.decisions || null };
    const row = await tx.governanceMeeting.create({ data: { ...data, platformId }, select });
    await recordAudit(tx, {
      action: "governanceMeeting.created", actorId: user.id, actorRole: user.role, entityType: "GovernanceMeeting", entityId: row.id, platformId,
      metadata: { changes: auditChanges(null, data) },
    });
    return toDto(row);
  });
}

export async function updateGovernanceMeeting(db: Db, user: CurrentUser, id: string, input: UpdateGovernanceInput): Promise<GovernanceMeetingDto> {
  return db.$transaction(async (tx) => {
    const before = await tx.governanceMeeting.findFirst({ where: { AND: [scope(user), { id }] }, select });
    if (!before) throw new NotFoundError("Réunion introuvable.");
    const data = {
      kind: input.kind,
      date: input.date === undefined ? undefined : dayToDate(input.date),
      attendees: input.attendees,
      decisions: input.decisions === undefined ? undefined : input.decisions || null,
    };
    const { count } = await tx.governanceMeeting.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      action: "governanceMeeting.updated", actorId: user.id, actorRole: user.role, entityType: "GovernanceMeeting", entityId: id, platformId: before.platformId,
      metadata: { changes: auditChanges(before, data) },
    });
    return toDto((await tx.governanceMeeting.findUniqueOrThrow({ where: { id }, select })) as Row);
  });
}

export async function deleteGovernanceMeeting(db: Db, user: CurrentUser, id: string, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.governanceMeeting.findFirst({ where: { AND: [scope(user), { id }] }, select });
    if (!before) throw new NotFoundError("Réunion introuvable.");
    const { count } = await tx.governanceMeeting.deleteMany({ where: { id, version } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      action: "governanceMeeting.deleted", actorId: user.id, actorRole: user.role, entityType: "GovernanceMeeting", entityId: id, platformId: before.platformId,
      metadata: { deleted: { kind: before.kind, date: before.date.toISOString() } },
    });
  });
}

export interface PlatformGovernance {
  platformId: string;
  platform: string;
  year: number;
  progress: GovernanceProgress[];
}

/**
 * This year's meetings per kind against the rule set in force, for each platform in scope. « This
 * year » is the year of today in Paris (as in governanceProgress): from midnight in Paris on 1 January
 * the new year's meetings are read, not the UTC year's, which turns an hour or two later.
 */
export async function governanceProgressByPlatform(db: Db, user: CurrentUser, now = new Date(), platformId?: string): Promise<PlatformGovernance[]> {
  const s = scope(user);
  const year = parisDay(now).y;
  const rules = await getActiveRuleSet(db, "OPERATIONS", now);
  const only = platformId ? { id: platformId } : {};
  const [platforms, meetings] = await Promise.all([
    db.platform.findMany({ where: { AND: [scopeFor(user, "platform") ?? { id: { in: [...user.platformIds] } }, { active: true }, only] }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.governanceMeeting.findMany({ where: { AND: [s, platformId ? { platformId } : {}, { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } }] }, select: { platformId: true, kind: true, date: true } }),
  ]);
  return platforms.map((p) => ({
    platformId: p.id,
    platform: p.name,
    year,
    progress: governanceProgress(meetings.filter((m) => m.platformId === p.id), rules.payload.governance, now),
  }));
}

/** The same count for one platform (its page); null when it is outside the user's scope or inactive. */
export async function governanceProgressForPlatform(db: Db, user: CurrentUser, platformId: string, now = new Date()): Promise<PlatformGovernance | null> {
  return (await governanceProgressByPlatform(db, user, now, platformId))[0] ?? null;
}
