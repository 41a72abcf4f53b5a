import "server-only";
// Choosing a password through a one-time link (invitation or reset) and asking for a reset link.
import { recordAudit } from "@/lib/audit/audit.service";
import { hashPassword } from "@/lib/auth/password";
import { accountKey, clearFailures, reserveAttempts, type ThrottleSettings } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db";
import { deliverOutboxSoon, enqueueEmail } from "@/lib/email/outbox.service";
import { passwordResetEmail } from "@/lib/email/templates";
import { UnprocessableError, ValidationError } from "@/lib/errors";
import { passwordProblems } from "@/lib/users/password.rules";
import { forgotPasswordSchema, type ForgotPasswordInput, type SetPasswordInput } from "@/lib/users/password.schema";
import { parseInput } from "@/lib/validation";
import { checkUserToken, consumeUserToken, issueUserToken, linkHours, passwordLink, TOKEN_PROBLEM_MESSAGES } from "@/lib/users/user-token.service";

/** Reset requests per address: a few per window, shared by every instance through PostgreSQL. */
const RESET_LIMIT: ThrottleSettings = { maxFailures: 3, lockMinutes: 15 };

export async function setPasswordWithToken(db: Db, input: SetPasswordInput, ip?: string, now = new Date()): Promise<{ email: string }> {
  const check = await checkUserToken(db, input.token, now);
  if (!check.ok) {
    await recordAudit(db, { action: "user.link.refused", actorId: check.userId ?? null, reason: check.problem, ip });
    throw new UnprocessableError(TOKEN_PROBLEM_MESSAGES[check.problem]);
  }
  const { user, kind, id } = check.token;
  const problems = passwordProblems(input.password, user.email);
  if (problems.length) throw new ValidationError({ password: problems }, problems[0]);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    if (!(await consumeUserToken(tx, id, now))) throw new UnprocessableError(TOKEN_PROBLEM_MESSAGES.USED);
    // Any other outstanding link of this account stops working too.
    await tx.userToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: now } });
    // A new password ends every session opened with the old one.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now, sessionsRevokedAt: now, version: { increment: 1 } } });
    // …and every personal API token (created by whoever held the old password).
    await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { action: kind === "INVITATION" ? "user.invitation.accepted" : "user.password.reset", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id, ip });
  });
  await clearFailures(db, accountKey(user.email));
  return { email: user.email };
}

/**
 * Always answers the same way whether the address exists or not (no account enumeration). Only an
 * active account that already has a password gets a link; invitations are resent by a manager.
 */
export async function requestPasswordReset(db: Db, raw: ForgotPasswordInput, ip?: string, now = new Date()): Promise<void> {
  const input = parseInput(forgotPasswordSchema, raw);
  const key = `reset:${input.email}`;
  const [over] = await reserveAttempts(db, [{ key, limit: RESET_LIMIT }], now);
  if (over) {
    // Audited once per window: a flood of requests must not queue up on the audit chain.
    if (over.first) await recordAudit(db, { action: "user.password.reset.throttled", ip });
    return;
  }
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, firstName: true, role: true, active: true, passwordHash: true } });
  if (!user || !user.active || !user.passwordHash) {
    await recordAudit(db, { action: "user.password.reset.requested", actorId: user?.id ?? null, reason: "no-eligible-account", ip });
    return;
  }
  await db.$transaction(async (tx) => {
    const token = await issueUserToken(tx, user.id, "PASSWORD_RESET", now);
    await enqueueEmail(tx, { ...passwordResetEmail(user.email, { firstName: user.firstName, url: passwordLink(token), hours: linkHours("PASSWORD_RESET") }), purpose: "password-reset" }, now);
    await recordAudit(tx, { action: "user.password.reset.requested", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id, ip });
  });
  deliverOutboxSoon(db);
}
