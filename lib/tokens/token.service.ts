import "server-only";
// Personal access tokens: created and revoked by their owner; only a SHA-256 of the token is stored.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, denialMessage } from "@/lib/authz/policy";
import { API_TOKEN_PREFIX, hashToken } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ApiTokenDto, CreateTokenInput } from "@/lib/tokens/token.schema";
import { addParisDays } from "@/lib/paris-day";

const select = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

function toDto(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, user: CurrentUser): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ where: { userId: user.id }, select, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/**
 * Only from an interactive session (signed in with the password and, where required, the second
 * factor): a token cannot mint tokens. Lifetime capped by API_TOKEN_MAX_DAYS.
 */
export async function createToken(db: Db, user: CurrentUser, input: CreateTokenInput, ctx: { viaToken: boolean }, now = new Date()) {
  // Issue 22 §6: only the roles that integrate (lib/authz/policy.ts API_TOKEN_ROLES).
  if (!can(user, "token.manage")) throw new ForbiddenError(denialMessage("token.manage"));
  if (ctx.viaToken) throw new ForbiddenError("Un jeton d'accès ne peut pas créer de jeton : connectez-vous à l'application pour le faire.");
  if (input.expiresInDays > env.API_TOKEN_MAX_DAYS) {
    throw new ValidationError({ expiresInDays: [`Au plus ${env.API_TOKEN_MAX_DAYS} jours.`] }, `Durée de validité : au plus ${env.API_TOKEN_MAX_DAYS} jours.`);
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt: addParisDays(now, input.expiresInDays) },
      select,
    });
    await recordAudit(tx, { action: "apiToken.created", actorId: user.id, actorRole: user.role, entityType: "ApiToken", entityId: created.id });
    return created;
  });
  return { token, item: toDto(row) };
}

export async function revokeToken(db: Db, user: CurrentUser, id: string): Promise<ApiTokenDto> {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findFirst({ where: { id, userId: user.id }, select: { id: true, revokedAt: true } });
    if (!existing) throw new NotFoundError("Jeton introuvable.");
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: existing.revokedAt ?? new Date() }, select });
    await recordAudit(tx, { action: "apiToken.revoked", actorId: user.id, actorRole: user.role, entityType: "ApiToken", entityId: id });
    return toDto(row);
  });
}
