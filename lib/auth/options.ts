import "server-only";
// next-auth (v4) with the credentials provider and JWT sessions. The token only carries the user
// id and timestamps; role and memberships are re-read from the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/audit.service";
import { authorizeCredentials, clientIp } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export { authorizeCredentials, GENERIC_LOGIN_ERROR, THROTTLED_ERROR } from "@/lib/auth/credentials";

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
    async jwt({ token, user }) {
      const nowMs = Date.now();
      const now = Math.floor(nowMs / 1000);
      if (user) {
        token.sub = user.id;
        token.authTime = now;
        token.authMs = nowMs;
        return token;
      }
      // Absolute timeout: past SESSION_MAX_HOURS since login, the session is over whatever the activity.
      if (typeof token.authTime !== "number" || now - token.authTime > SESSION_ABSOLUTE_SECONDS) {
        return { expired: true };
      }
      // A revoked session (signed out, password changed, account deactivated) is never renewed.
      if (!token.sub || (await sessionRevoked(token.sub, sessionIssuedAtMs(token)))) return { expired: true };
      return token;
    },
    session({ session, token }) {
      if (token.expired || !token.sub) return { ...session, user: undefined, expires: new Date(0).toISOString() };
      return { ...session, user: { id: token.sub, email: token.email ?? null } };
    },
  },
  events: {
    // Signing out ends the session on the server, not only in this browser: a cookie captured
    // before no longer works (every session of the account opened before this instant ends).
    async signOut({ token }) {
      if (!token?.sub) return;
      await db.user.updateMany({ where: { id: token.sub }, data: { sessionsRevokedAt: new Date() } });
      await recordAudit(db, { action: "auth.logout", actorId: token.sub, entityType: "User", entityId: token.sub });
    },
  },
  logger: {
    error: (code, metadata) => logger.error({ code, metadata }, "next-auth"),
    warn: (code) => logger.warn({ code }, "next-auth"),
    debug: () => undefined,
  },
};

/** When the session was opened, in milliseconds (tokens issued before authMs existed: the second). */
export function sessionIssuedAtMs(token: { authTime?: number; authMs?: number }): number {
  return typeof token.authMs === "number" ? token.authMs : (token.authTime ?? 0) * 1000;
}

async function sessionRevoked(userId: string, issuedAtMs: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { active: true, sessionsRevokedAt: true } });
  return !user || !user.active || (user.sessionsRevokedAt !== null && user.sessionsRevokedAt.getTime() > issuedAtMs);
}
