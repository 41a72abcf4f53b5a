import "server-only";
// One-time account links (invitation, password reset): a random token is mailed, only its SHA-256
// is stored; it expires, and consuming it is atomic (a link works once, even under a double click).
import { randomBytes } from "node:crypto";
import { addHours } from "date-fns";
import { hashToken } from "@/lib/auth/token-hash";
import type { DbOrTx } from "@/lib/db";
import { appUrl } from "@/lib/email/links";
import { env } from "@/lib/env";
import type { Role, UserTokenKind } from "@/lib/generated/prisma/enums";

export function linkHours(kind: UserTokenKind): number {
  return kind === "INVITATION" ? env.INVITATION_LINK_HOURS : env.PASSWORD_RESET_LINK_HOURS;
}

export function passwordLink(token: string): string {
  return appUrl(`/mot-de-passe/definir?jeton=${encodeURIComponent(token)}`);
}

/** Issues a new link; earlier unused links of the same kind stop working (only the latest is valid). */
export async function issueUserToken(tx: DbOrTx, userId: string, kind: UserTokenKind, now = new Date()): Promise<string> {
  await tx.userToken.updateMany({ where: { userId, kind, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = randomBytes(32).toString("base64url");
  await tx.userToken.create({ data: { userId, kind, tokenHash: hashToken(token), expiresAt: addHours(now, linkHours(kind)) } });
  return token;
}

export type TokenProblem = "UNKNOWN" | "EXPIRED" | "USED" | "INACTIVE";

export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  UNKNOWN: "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier.",
  EXPIRED: "Ce lien a expiré. Demandez un nouveau lien (« Mot de passe oublié ») ou une nouvelle invitation à votre responsable.",
  USED: "Ce lien a déjà été utilisé. Connectez-vous, ou demandez un nouveau lien avec « Mot de passe oublié ».",
  INACTIVE: "Ce compte est désactivé. Adressez-vous à votre responsable ou à l'administrateur.",
};

export interface TokenCheck {
  id: string;
  kind: UserTokenKind;
  user: { id: string; email: string; firstName: string; role: Role };
}

/** Looks a raw token up without consuming it: `{ ok: false, problem }` explains why it cannot be used. */
export async function checkUserToken(db: DbOrTx, raw: string, now = new Date()): Promise<{ ok: true; token: TokenCheck } | { ok: false; problem: TokenProblem; userId?: string }> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, firstName: true, role: true, active: true } } },
  });
  if (!row) return { ok: false, problem: "UNKNOWN" };
  if (row.usedAt) return { ok: false, problem: "USED", userId: row.user.id };
  if (row.expiresAt <= now) return { ok: false, problem: "EXPIRED", userId: row.user.id };
  if (!row.user.active) return { ok: false, problem: "INACTIVE", userId: row.user.id };
  const { active: _active, ...user } = row.user;
  return { ok: true, token: { id: row.id, kind: row.kind, user } };
}

/** Marks the link used; false when another request consumed it first. */
export async function consumeUserToken(tx: DbOrTx, tokenId: string, now = new Date()): Promise<boolean> {
  const { count } = await tx.userToken.updateMany({ where: { id: tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return count === 1;
}
