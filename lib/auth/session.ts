import "server-only";
// Who is calling: the next-auth session cookie (UI and API) or a personal access token (API).
import { hashToken } from "@/lib/auth/token-hash";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { SESSION_ABSOLUTE_SECONDS, sessionIssuedAtMs } from "@/lib/auth/options";
import { loadPrincipal, loadPrincipalByToken, type CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { retryRead } from "@/lib/db-unavailable";
import { env } from "@/lib/env";
import { noteDatabaseUnavailable } from "@/lib/http/database-outage-page";

export type { CurrentUser };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
export const API_TOKEN_PREFIX = "pe_";
export const TOTP_ENROL_PATH = "/double-authentification";

export { hashToken };

/** A request's cookies, as Next.js's cookie jar (`cookies()`) and NextRequest's `req.cookies` both read them. */
interface CookieReader {
  get(name: string): { value: string } | undefined;
}

async function userFromCookie(jar: CookieReader): Promise<CurrentUser | null> {
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
  const user = await loadPrincipal(db, token.sub, { issuedAt: sessionIssuedAtMs(token) / 1000 });
  return user ? { ...user, credential: "session" } : null;
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

/**
 * The signed-in user, or null. A Bearer header, when present, is the only credential looked at.
 * Read once per page render (issue 18): the layout and the page of one request share the answer
 * (React `cache`, scoped to that request's render) instead of decoding the cookie and querying the
 * principal twice. Nothing outlives the request — the next one reads the database again — and route
 * handlers and server actions, which run outside a render, read it on every call.
 */
async function readCurrentUser(): Promise<CurrentUser | null> {
  return userOfRequest(await headers(), await cookies());
}

export const getCurrentUser = cache(readCurrentUser);

/**
 * The caller of one request, from that request's own headers and cookies: what API routes use
 * (lib/api/handler.ts). It needs no Next.js request context, so the application server can run the
 * hottest reads without Next.js's request handler (server/api-fast-path.ts, issue 18); the same
 * two credentials, looked at in the same order, as getCurrentUser.
 */
export function userOfRequest(h: Pick<Headers, "get">, jar: CookieReader): Promise<CurrentUser | null> {
  const authorization = h.get("authorization");
  if (authorization?.startsWith("Bearer ")) return userFromBearer(authorization);
  return userFromCookie(jar);
}

/**
 * A page cannot answer 503 once it renders (lib/http/database-outage-page.ts: the application server decides before
 * rendering), so a request let through just before PostgreSQL restarted reads its user again
 * (lib/db-unavailable.ts `retryRead`) instead of answering 500 (issue 16); the next page requests
 * wait for a fresh probe in the application server (server/app-server.ts). The page's other reads retry the same way (lib/db.ts).
 */
export function retryPageRead<T>(fn: () => Promise<T>): Promise<T> {
  return retryRead(fn, noteDatabaseUnavailable);
}

/**
 * The page's user, read once per render like getCurrentUser, with the retries inside the cached
 * call: React `cache` keeps a rejected promise for the whole render, so retrying a cached read would
 * only get the same failure back.
 */
const pageUser = cache(() => retryPageRead(readCurrentUser));

/** For pages: redirect to the login page when signed out, 403 when the role may not do `action`. */
export async function requirePageUser(action: Action = "home.view"): Promise<CurrentUser> {
  const user = await pageUser();
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
