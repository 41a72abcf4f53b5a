import "server-only";
// next-auth (v4) with the credentials provider and JWT sessions. The token only carries the user
// id and timestamps; role and memberships are re-read from the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit.service";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { clearFailures, isLocked, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** Shown for any bad credential (no account enumeration). */
export const GENERIC_LOGIN_ERROR = "Identifiants incorrects.";
export const THROTTLED_ERROR = "TooManyAttempts";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
});

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "inconnue";
}

export async function authorizeCredentials(
  raw: unknown,
  ip: string,
): Promise<{ id: string; email: string } | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  if (await isLocked(db, keys.map((k) => k.key))) {
    await recordAudit(db, { action: "auth.login.throttled", metadata: { ip } });
    throw new Error(THROTTLED_ERROR);
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, active: true, role: true },
  });
  // Verify even when the account is missing, so timing does not reveal it.
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || !user.active) {
    for (const k of keys) await recordFailure(db, k.key, k.limit);
    await recordAudit(db, { action: "auth.login.failed", actorId: user?.id ?? null, metadata: { ip } });
    return null;
  }
  await clearFailures(db, keys[0]!.key);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, { action: "auth.login.succeeded", actorId: user.id, actorRole: user.role, metadata: { ip } });
  return { id: user.id, email: user.email };
}

export const SESSION_IDLE_SECONDS = env.SESSION_IDLE_MINUTES * 60;
export const SESSION_ABSOLUTE_SECONDS = env.SESSION_MAX_HOURS * 3600;

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  // Idle timeout: the cookie and JWT expire after SESSION_IDLE_MINUTES unless activity refreshes them.
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/connexion", error: "/connexion" },
  useSecureCookies: env.NODE_ENV === "production" && env.NEXTAUTH_URL?.startsWith("https://") === true,
  providers: [
    CredentialsProvider({
      name: "Identifiants",
      credentials: {
        email: { label: "Adresse e-mail", type: "email" },
        password: { label: "Mot de passe", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req?.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.sub = user.id;
        token.authTime = now;
      }
      // Absolute timeout: past SESSION_MAX_HOURS since login, the session is over whatever the activity.
      if (typeof token.authTime !== "number" || now - token.authTime > SESSION_ABSOLUTE_SECONDS) {
        return { expired: true };
      }
      return token;
    },
    session({ session, token }) {
      if (token.expired || !token.sub) return { ...session, user: undefined, expires: new Date(0).toISOString() };
      return { ...session, user: { id: token.sub, email: token.email ?? null } };
    },
  },
  logger: {
    error: (code, metadata) => logger.error({ code, metadata }, "next-auth"),
    warn: (code) => logger.warn({ code }, "next-auth"),
    debug: () => undefined,
  },
};
