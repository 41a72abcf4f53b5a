// Throttling of logins, stored in PostgreSQL so that every app instance shares it. Thresholds come
// from env (operations settings, not business rules).
//
// Every count is one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`, taken *before* anything is
// verified: however many requests arrive at once, at most `maxFailures` of them per window get
// their password checked. Three counters per login attempt:
// - the pair (account, client address): hard limit; someone guessing from one address is stopped;
// - the client address alone: hard limit, wider (offices behind NAT), refunded on success;
// - the account: past the limit it *slows down* (one evaluated attempt per
//   LOGIN_SLOWDOWN_SECONDS) and never locks, so a stranger cannot keep the owner out (see
//   lib/auth/credentials.ts: the right password + second factor passes the slowdown).
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";

export interface ThrottleSettings {
  maxFailures: number;
  lockMinutes: number;
}

/** Attempts per (account, client address) pair, and failures before an account slows down. */
export const ACCOUNT_LIMIT: ThrottleSettings = { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES };
/** An address gets more room than an account: several people may share one (offices behind NAT). */
export const IP_LIMIT: ThrottleSettings = { maxFailures: env.LOGIN_MAX_FAILURES * 6, lockMinutes: env.LOGIN_LOCK_MINUTES };
/** While an account is slowed down, one evaluated attempt per this many seconds. */
export const SLOWDOWN_SECONDS = env.LOGIN_SLOWDOWN_SECONDS;

export interface LoginKeys {
  pair: string;
  ip: string;
  account: string;
}

export function loginKeys(email: string, ip: string): LoginKeys {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${account}|${ip}`, ip: `ip:${ip}`, account: `email:${account}` };
}

/** The account's key (password reset clears it). */
export function accountKey(email: string): string {
  return loginKeys(email, "").account;
}

export interface OverLimit {
  key: string;
  /** The first refusal of the window (the one worth an audit entry; the flood that follows is only logged). */
  first: boolean;
  /** Seconds until the key's window restarts (the Retry-After of a 429), at least 1. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt on each key atomically and returns the keys now over their limit. The window
 * of a key restarts `lockMinutes` after it began.
 */
export async function reserveAttempts(db: DbOrTx, entries: { key: string; limit: ThrottleSettings }[], now = new Date()): Promise<OverLimit[]> {
  const over: OverLimit[] = [];
  for (const { key, limit } of entries) {
    const cutoff = new Date(now.getTime() - limit.lockMinutes * 60_000);
    const rows = await db.$queryRaw<{ failures: number; windowStart: Date }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
      VALUES (${key}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${cutoff} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${cutoff} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
        "lockedUntil" = CASE WHEN "LoginThrottle"."windowStart" <= ${cutoff} THEN NULL ELSE "LoginThrottle"."lockedUntil" END,
        "updatedAt" = ${now}
      RETURNING "failures", "windowStart"`;
    const failures = rows[0]?.failures ?? 0;
    const windowStart = rows[0]?.windowStart ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + limit.lockMinutes * 60_000 - now.getTime()) / 1000));
    if (failures > limit.maxFailures) over.push({ key, first: failures === limit.maxFailures + 1, retryAfterSeconds });
  }
  return over;
}

/** Gives back an attempt reserved by reserveAttempts (a successful login from a shared address). */
export async function refundAttempt(db: DbOrTx, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

/**
 * Counts an attempt on the account (atomically, like reserveAttempts). "free": within the limit.
 * Past it the account is slowed down: "slot" when this attempt took the one evaluated attempt of
 * the current interval, "wait" otherwise. The first attempt past the limit starts the clock.
 */
export async function accountSlowdown(db: DbOrTx, key: string, now = new Date()): Promise<"free" | "slot" | "wait"> {
  if (!(await reserveAttempts(db, [{ key, limit: ACCOUNT_LIMIT }], now)).length) return "free";
  const rows = await db.$queryRaw<{ previous: Date | null }[]>`
    WITH old AS (SELECT "key", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE)
    UPDATE "LoginThrottle" t SET "lockedUntil" = ${new Date(now.getTime() + SLOWDOWN_SECONDS * 1000)}, "updatedAt" = ${now}
    FROM old WHERE t."key" = old."key" AND (old."lockedUntil" IS NULL OR old."lockedUntil" <= ${now})
    RETURNING old."lockedUntil" AS previous`;
  return rows.length === 1 && rows[0]!.previous !== null ? "slot" : "wait";
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
