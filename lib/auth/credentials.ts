import "server-only";
// Checking a login (password, second factor, throttling, audit), apart from next-auth so that any
// process can run it (the multi-instance test runs it in plain Node processes).
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit.service";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { accountSlowdown, ACCOUNT_LIMIT, clearFailures, IP_LIMIT, loginKeys, refundAttempt, reserveAttempts } from "@/lib/auth/throttle";
import { checkSecondFactor } from "@/lib/auth/two-factor.service";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { headerGetter, requestAddress } from "@/lib/security/client-address";

/** Shown for any bad credential (no account enumeration). */
export const GENERIC_LOGIN_ERROR = "Identifiants incorrects.";
export const THROTTLED_ERROR = "TooManyAttempts";
/** Right password, two-factor login enabled, no code given: the login form asks for it. */
export const TOTP_REQUIRED_ERROR = "TotpRequired";
/** Right password, wrong code (counted as a failure, like a wrong password). */
export const TOTP_INVALID_ERROR = "TotpInvalid";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
  /** The second factor: a 6-digit TOTP code or a recovery code. Optional so a form can ask in two steps. */
  totp: z.string().trim().max(32).optional(),
});

export function clientIp(headers: Record<string, unknown> | undefined): string {
  return requestAddress(headerGetter(headers));
}

export async function authorizeCredentials(
  raw: unknown,
  ip: string,
): Promise<{ id: string; email: string } | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password, totp } = parsed.data;
  const keys = loginKeys(email, ip);
  // Counted before anything is verified (atomic), so parallel requests cannot exceed the limits.
  const over = await reserveAttempts(db, [{ key: keys.pair, limit: ACCOUNT_LIMIT }, { key: keys.ip, limit: IP_LIMIT }]);
  if (over.length) {
    const metadata = { ip, limit: over.map((o) => o.key.slice(0, o.key.indexOf(":"))) };
    // One audit entry per window and key: a flood of refusals must not queue up on the audit chain.
    if (over.some((o) => o.first)) await recordAudit(db, { action: "auth.login.throttled", metadata });
    else logger.warn(metadata, "login refused (throttled)");
    throw new Error(THROTTLED_ERROR);
  }
  // Many failures on the account from many addresses: slowed down, never locked (see throttle.ts).
  const slowdown = await accountSlowdown(db, keys.account);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, active: true, role: true, totpEnabledAt: true },
  });
  // Verify even when the account is missing, so timing does not reveal it.
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  // Inside the slowdown without this interval's attempt, only the complete proof of identity
  // (right password + second factor) goes through; anything else gets the same refusal as a lock,
  // whatever was right or wrong, so the attempt teaches nothing.
  const waiting = slowdown === "wait";
  const refuseWaiting = async (): Promise<never> => {
    await recordAudit(db, { action: "auth.login.throttled", actorId: user?.id ?? null, metadata: { ip, limit: ["account"] } });
    throw new Error(THROTTLED_ERROR);
  };
  if (!user || !ok || !user.active) {
    if (waiting) return refuseWaiting();
    await recordAudit(db, { action: "auth.login.failed", actorId: user?.id ?? null, metadata: { ip } });
    return null;
  }
  let secondFactor: "totp" | "recovery" | null = null;
  if (user.totpEnabledAt) {
    // No code yet: not a failure, the form shows its second step (only after a right password).
    if (!totp) {
      for (const key of [keys.pair, keys.ip, keys.account]) await refundAttempt(db, key);
      throw new Error(TOTP_REQUIRED_ERROR);
    }
    secondFactor = await checkSecondFactor(db, user.id, totp);
    if (!secondFactor) {
      if (waiting) return refuseWaiting();
      await recordAudit(db, { action: "auth.login.failed", actorId: user.id, actorRole: user.role, metadata: { ip, factor: "totp" } });
      throw new Error(TOTP_INVALID_ERROR);
    }
  } else if (waiting) {
    return refuseWaiting();
  }
  await clearFailures(db, keys.pair);
  await clearFailures(db, keys.account);
  await refundAttempt(db, keys.ip);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, {
    action: "auth.login.succeeded", actorId: user.id, actorRole: user.role,
    metadata: secondFactor ? { ip, secondFactor } : { ip },
  });
  return { id: user.id, email: user.email };
}
