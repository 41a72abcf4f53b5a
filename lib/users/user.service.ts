import "server-only";
// Account administration: invite, change role / platforms, deactivate / reactivate, charter.
// One use case = authorize → rules → write in one transaction → audit.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { API_TOKEN_ROLES } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { enqueueEmail, deliverOutboxSoon } from "@/lib/email/outbox.service";
import { invitationEmail } from "@/lib/email/templates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { issueUserToken, linkHours, passwordLink } from "@/lib/users/user-token.service";
import { accessProblem, grantProblem, lastAdminProblem, manageProblem, type Access } from "@/lib/users/user.rules";
import { inviteUserSchema, updateUserSchema, type InviteUserInput, type UpdateUserInput, type UserDto } from "@/lib/users/user.schema";
import { parseInput } from "@/lib/validation";
import { currentNoticeVersion } from "@/lib/notices/notice.service";

/** Serialises admin-changing writes so two admins cannot demote each other at the same time. */
const ADMIN_LOCK = 7_204_612;

const userSelect = {
  id: true, email: true, firstName: true, lastName: true, role: true, allPlatforms: true, active: true, passwordHash: true,
  lastLoginAt: true, totpEnabledAt: true, charterAcceptedAt: true, createdAt: true, version: true,
  memberships: { select: { platform: { select: { id: true, name: true } } } },
} as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toDto(u: UserRow): UserDto {
  return {
    id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, allPlatforms: u.allPlatforms,
    platforms: u.memberships.map((m) => m.platform).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    active: u.active, invitationPending: u.passwordHash === null, lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    totpEnabled: u.totpEnabledAt !== null, charterAcceptedAt: u.charterAcceptedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(), version: u.version,
  };
}

/** Admins see every account; a platform manager only the accounts of their own platforms. */
export function userScope(actor: CurrentUser): Prisma.UserWhereInput {
  if (actor.role === "ADMIN") return {};
  return { memberships: { some: { platformId: { in: [...actor.platformIds] } } } };
}

export async function getUser(db: DbOrTx, actor: CurrentUser, id: string): Promise<UserDto> {
  const row = await db.user.findFirst({ where: { AND: [{ id }, userScope(actor)] }, select: userSelect });
  if (!row) throw new NotFoundError("Compte introuvable.");
  return toDto(row);
}

function fieldError(p: { field: string; message: string }): ValidationError {
  return new ValidationError({ [p.field]: [p.message] }, p.message);
}

/** A value already taken is a conflict (409, on its field), like a SIRET or a platform's name. */
function emailTaken(): ConflictError {
  const message = "Un compte existe déjà avec cette adresse e-mail.";
  return new ConflictError(message, { email: [message] });
}

async function assertGrantable(db: DbOrTx, actor: CurrentUser, access: Access): Promise<void> {
  const problem = accessProblem(access) ?? grantProblem(actor, access);
  if (problem) {
    // A refused grant is a security event (a manager trying to go beyond their rights).
    await recordAudit(db, { action: "user.grant.refused", actorId: actor.id, actorRole: actor.role, reason: problem.message, metadata: { role: access.role, platformIds: [...access.platformIds] } });
    throw fieldError(problem);
  }
  const found = await db.platform.count({ where: { id: { in: [...access.platformIds] }, active: true } });
  if (found !== new Set(access.platformIds).size) throw fieldError({ field: "platformIds", message: "Une des plateformes choisies n'existe pas ou n'est plus active." });
}

export async function inviteUser(db: Db, actor: CurrentUser, raw: InviteUserInput, now = new Date()): Promise<UserDto> {
  const input = parseInput(inviteUserSchema, raw);
  const access: Access = { role: input.role, platformIds: [...new Set(input.platformIds)], allPlatforms: input.allPlatforms };
  await assertGrantable(db, actor, access);
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw emailTaken();
  let created: UserRow;
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email, firstName: input.firstName, lastName: input.lastName, role: access.role, allPlatforms: access.allPlatforms,
          passwordHash: null, memberships: { create: access.platformIds.map((platformId) => ({ platformId })) },
        },
        select: userSelect,
      });
      const token = await issueUserToken(tx, user.id, "INVITATION", now);
      await enqueueEmail(tx, { ...invitationEmail(user.email, { firstName: user.firstName, invitedBy: `${actor.firstName} ${actor.lastName}`, url: passwordLink(token), hours: linkHours("INVITATION") }), purpose: "invitation" }, now);
      await recordAudit(tx, { action: "user.invited", actorId: actor.id, actorRole: actor.role, entityType: "User", entityId: user.id, metadata: { role: access.role, platformIds: [...access.platformIds], allPlatforms: access.allPlatforms } });
      return user;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw emailTaken();
    throw err;
  }
  deliverOutboxSoon(db);
  return toDto(created);
}

/** A new invitation link for an account that never set its password (the earlier link stops working). */
export async function resendInvitation(db: Db, actor: CurrentUser, id: string, now = new Date()): Promise<void> {
  const target = await getUser(db, actor, id);
  const problem = manageProblem(actor, { id: target.id, role: target.role, platformIds: target.platforms.map((p) => p.id) });
  if (problem) throw new ForbiddenError(problem);
  if (!target.invitationPending) throw new ValidationError({ _: ["Ce compte a déjà choisi son mot de passe."] }, "Ce compte a déjà choisi son mot de passe.");
  if (!target.active) throw new ValidationError({ _: ["Réactivez d'abord ce compte."] }, "Réactivez d'abord ce compte.");
  await db.$transaction(async (tx) => {
    const token = await issueUserToken(tx, target.id, "INVITATION", now);
    await enqueueEmail(tx, { ...invitationEmail(target.email, { firstName: target.firstName, invitedBy: `${actor.firstName} ${actor.lastName}`, url: passwordLink(token), hours: linkHours("INVITATION") }), purpose: "invitation" }, now);
    await recordAudit(tx, { action: "user.invitation.resent", actorId: actor.id, actorRole: actor.role, entityType: "User", entityId: target.id });
  });
  deliverOutboxSoon(db);
}

/** Role / platforms change and (de)activation. Deactivation ends the account's sessions at once. */
export async function updateUser(db: Db, actor: CurrentUser, id: string, raw: UpdateUserInput, now = new Date()): Promise<UserDto> {
  const input = parseInput(updateUserSchema, raw);
  const target = await getUser(db, actor, id);
  const targetPlatformIds = target.platforms.map((p) => p.id);
  const problem = manageProblem(actor, { id: target.id, role: target.role, platformIds: targetPlatformIds });
  if (problem) {
    await recordAudit(db, { action: "user.update.refused", actorId: actor.id, actorRole: actor.role, entityType: "User", entityId: id, reason: problem });
    throw new ForbiddenError(problem);
  }
  const next: Access = {
    role: input.role ?? target.role,
    platformIds: input.platformIds ? [...new Set(input.platformIds)] : targetPlatformIds,
    allPlatforms: input.allPlatforms ?? target.allPlatforms,
  };
  const roleChanged = next.role !== target.role;
  const platformsChanged = next.allPlatforms !== target.allPlatforms || [...next.platformIds].sort().join() !== [...targetPlatformIds].sort().join();
  if (roleChanged || platformsChanged) await assertGrantable(db, actor, next);
  const active = input.active ?? target.active;

  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`;
    const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
    const lastAdmin = lastAdminProblem(admins, target, { role: next.role, active });
    if (lastAdmin) throw new ValidationError({ _: [lastAdmin] }, lastAdmin);
    const { count } = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        role: next.role, allPlatforms: next.allPlatforms, active,
        ...(target.active && !active ? { sessionsRevokedAt: now } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError("Ce compte a été modifié entre-temps. Rechargez la page.");
    // A deactivated account's personal API tokens end for good (a reactivation does not revive them).
    if (target.active && !active) await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    // Issue 22 §6: personal API tokens only for the roles that integrate (API_TOKEN_ROLES); a move to
    // another role ends the account's tokens.
    else if (roleChanged && !API_TOKEN_ROLES.has(next.role)) await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    if (platformsChanged) {
      await tx.platformMembership.deleteMany({ where: { userId: id } });
      await tx.platformMembership.createMany({ data: next.platformIds.map((platformId) => ({ userId: id, platformId })) });
    }
    const base = { actorId: actor.id, actorRole: actor.role, entityType: "User", entityId: id } as const;
    if (roleChanged) await recordAudit(tx, { ...base, action: "user.role.changed", metadata: { from: target.role, to: next.role } });
    if (platformsChanged) await recordAudit(tx, { ...base, action: "user.platforms.changed", metadata: { from: targetPlatformIds, to: [...next.platformIds], allPlatforms: next.allPlatforms } });
    if (target.active !== active) await recordAudit(tx, { ...base, action: active ? "user.reactivated" : "user.deactivated" });
    return tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
  });
  return toDto(row);
}

/**
 * The confidentiality commitment (annex 1 art. 3.10.1), accepted by each person in its version in
 * force (NoticeText CONFIDENTIALITY), again at each new version; the version is recorded and audited.
 */
export async function acceptCharter(db: Db, user: CurrentUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = (await currentNoticeVersion(tx, "CONFIDENTIALITY", now)) ?? 1;
    const { count } = await tx.user.updateMany({
      where: { id: user.id, OR: [{ charterAcceptedAt: null }, { charterVersion: null, charterAcceptedAt: { not: null } }, { charterVersion: { lt: version } }] },
      data: { charterAcceptedAt: now, charterVersion: version },
    });
    if (count === 1) await recordAudit(tx, { action: "user.charter.accepted", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id, metadata: { version } });
  });
}
