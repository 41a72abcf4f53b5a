// Throttling of failed logins per account and per IP, stored in PostgreSQL so that every
// app instance shares it. Thresholds come from env (operations settings, not business rules).
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";

export interface ThrottleSettings {
  maxFailures: number;
  lockMinutes: number;
}

export const ACCOUNT_LIMIT: ThrottleSettings = { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES };
/** An IP gets more room than an account: several people may share one (offices behind NAT). */
export const IP_LIMIT: ThrottleSettings = { maxFailures: env.LOGIN_MAX_FAILURES * 6, lockMinutes: env.LOGIN_LOCK_MINUTES };

export function throttleKeys(email: string, ip: string): { key: string; limit: ThrottleSettings }[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, limit: ACCOUNT_LIMIT },
    { key: `ip:${ip}`, limit: IP_LIMIT },
  ];
}

export async function isLocked(db: DbOrTx, keys: string[], now = new Date()): Promise<boolean> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { key: true } });
  return rows.length > 0;
}

/** Counts a failure; the window restarts after `lockMinutes` without failures. */
export async function recordFailure(db: DbOrTx, key: string, limit: ThrottleSettings, now = new Date()): Promise<void> {
  const windowMs = limit.lockMinutes * 60_000;
  const row = await db.loginThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil = failures >= limit.maxFailures ? new Date(now.getTime() + windowMs) : null;
  await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
  });
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
