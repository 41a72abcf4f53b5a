import "server-only";
// Who is calling: the next-auth session cookie (UI and API) or a personal access token (API).
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { SESSION_ABSOLUTE_SECONDS, sessionIssuedAtMs } from "@/lib/auth/options";
import { loadPrincipal, loadPrincipalByToken, type CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type { CurrentUser };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
export const API_TOKEN_PREFIX = "pe_";
export const TOTP_ENROL_PATH = "/double-authentification";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function userFromCookie(): Promise<CurrentUser | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw || !env.NEXTAUTH_SECRET) return null;
  let token;
  try {
    token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET });
  } catch {
    return null;
  }
  if (!token?.sub || token.expired || typeof token.authTime !== "number") return null;
  const now = Math.floor(Date.now() / 1000);
  if (now - token.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  if (typeof token.exp === "number" && token.exp < now) return null;
  return loadPrincipal(db, token.sub, { issuedAt: sessionIssuedAtMs(token) / 1000 });
}

async function userFromBearer(authorization: string): Promise<CurrentUser | null> {
  const token = authorization.slice("Bearer ".length).trim();
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = new Date();
  const found = await loadPrincipalByToken(db, hashToken(token), now);
  if (!found) return null;
  // Touch at most once a minute: a busy script must not turn every read into a write.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: now } });
  }
  return found.user;
}

/** The signed-in user, or null. A Bearer header, when present, is the only credential looked at. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const h = await headers();
  const authorization = h.get("authorization");
  if (authorization?.startsWith("Bearer ")) return userFromBearer(authorization);
  return userFromCookie();
}

/** For pages: redirect to the login page when signed out, 403 when the role may not do `action`. */
export async function requirePageUser(action: Action = "home.view"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  // Mandatory two-factor login not set up yet: the enrolment page is the only way on.
  if (user.mustEnrolTotp && action !== "twoFactor.enrol") redirect(TOTP_ENROL_PATH);
  if (!can(user, action)) forbidden();
  return user;
}

/** For pages showing one record: out of scope reads as "not found" (no existence leak). */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}
