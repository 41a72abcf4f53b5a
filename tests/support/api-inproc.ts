// Calls the exported route handlers of app/api in-process, on the real database, authenticated the
// way each role really reaches the API: a personal API token for the roles that may hold one
// (API_TOKEN_ROLES, lib/authz/policy.ts), a signed-in session (cookie, same origin) for the others —
// their tokens authenticate nobody (issue 22 §6). Used by the security integration tests.
// The test file mocks next/headers with vi.hoisted state ({ headers, cookie }) and passes it here:
// its cookies() must answer `next-auth.session-token` with `state.cookie`.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { API_TOKEN_PREFIX, hashToken } from "@/lib/auth/session";
import { API_TOKEN_ROLES, type Action } from "@/lib/authz/policy";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import type { ApiRoute } from "@/tests/support/route-inventory";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type Handler = ((req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  declared?: { permission: Action; query?: z.ZodType; body?: z.ZodType };
};

export async function handlerOf(route: ApiRoute): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, route.file))) as Record<string, Handler>;
  const h = mod[route.method];
  if (!h) throw new Error(`${route.file}: ${route.method} introuvable`);
  return h;
}

/** A credential of `credentialFor` that is a session, not a token: the session cookie's value after it. */
const SESSION = "session:";

/** A signed-in session's cookie (next-auth JWT) for this user, as the login page would set it. */
export async function sessionCookieFor(userId: string): Promise<string> {
  return encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
}

/**
 * How the user with this e-mail reaches the API: a new personal API token when the role may hold one
 * (API_TOKEN_ROLES), else a signed-in session (issue 22 §6: the other roles work in the screens, and
 * their tokens are refused at authentication). Pass it to callRoute or apiClient as is.
 */
export async function credentialFor(db: Db, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  if (!API_TOKEN_ROLES.has(user.role)) return SESSION + (await sessionCookieFor(user.id));
  const token = `${API_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: user.id, name: "tests de sécurité", prefix: token.slice(0, 8), tokenHash: hashToken(token) } });
  return token;
}

/**
 * The session of the test's next/headers mock (`state.cookie`) as the request's own cookie, as a
 * browser sends it: API routes read the caller from the request (lib/api/handler.ts), pages and
 * actions from next/headers. Returns the headers.
 */
export function withSessionCookie(state: { cookie?: string }, headers: Headers): Headers {
  if (state.cookie) headers.set("cookie", `next-auth.session-token=${state.cookie}`);
  return headers;
}

/** Whether a credential of `credentialFor` is a personal API token (not a session). */
export function isToken(credential: string): boolean {
  return !credential.startsWith(SESSION);
}

/**
 * Sets the request's credential: `Authorization: Bearer` for a token; for a session, the cookie (on
 * the request, and in `state.cookie` for the test's next/headers mock) and a same-origin browser's headers.
 * The caller puts `state.cookie` back once the handler has answered (see withCredential).
 */
export function authenticate(state: { headers: Headers; cookie?: string }, headers: Headers, credential: string): void {
  if (isToken(credential)) {
    headers.set("authorization", `Bearer ${credential}`);
    headers.delete("cookie");
    state.cookie = undefined;
  } else {
    headers.delete("authorization");
    headers.set("origin", `http://${headers.get("host") ?? "localhost"}`);
    headers.set("sec-fetch-site", "same-origin");
    state.cookie = credential.slice(SESSION.length);
    withSessionCookie(state, headers);
  }
}

export async function callRoute(
  state: { headers: Headers; cookie?: string },
  h: Handler,
  method: string,
  url: string,
  credential: string,
  params: Record<string, string>,
  body: BodyInit | null,
  contentType = "application/json",
): Promise<Response> {
  const headers = new Headers({ host: "localhost" });
  return withCredential(state, headers, credential, () => {
    if (body !== null && contentType) headers.set("content-type", contentType);
    state.headers = headers;
    const req = new NextRequest(new URL(url, "http://localhost"), { method, headers, body });
    return h(req, { params: Promise.resolve(params) });
  });
}

/**
 * Runs one request with `credential` and puts the state's cookie back afterwards: a session used for
 * one call does not leak into the next one (an anonymous client's, or a test's own cookie).
 */
export async function withCredential<T>(state: { headers: Headers; cookie?: string }, headers: Headers, credential: string, run: () => Promise<T>): Promise<T> {
  const before = state.cookie;
  authenticate(state, headers, credential);
  try {
    return await run();
  } finally {
    state.cookie = before;
  }
}
