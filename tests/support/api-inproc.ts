// Calls the exported route handlers of app/api in-process, on the real database, authenticated by
// a personal API token (the same path as any API client): used by the security integration tests.
// The test file mocks next/headers with vi.hoisted state and passes it here as `headers`.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { hashToken } from "@/lib/auth/session";
import type { Action } from "@/lib/authz/policy";
import type { Db } from "@/lib/db-client";
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

/** A personal API token for the user with this e-mail. */
export async function tokenFor(db: Db, email: string): Promise<string> {
  const token = `pe_${randomBytes(24).toString("base64url")}`;
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.apiToken.create({ data: { userId: user.id, name: "tests de sécurité", prefix: token.slice(0, 8), tokenHash: hashToken(token) } });
  return token;
}

export async function callRoute(
  state: { headers: Headers },
  h: Handler,
  method: string,
  url: string,
  token: string,
  params: Record<string, string>,
  body: BodyInit | null,
  contentType = "application/json",
): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}`, host: "localhost" });
  if (body !== null && contentType) headers.set("content-type", contentType);
  state.headers = headers;
  const req = new NextRequest(new URL(url, "http://localhost"), { method, headers, body });
  return h(req, { params: Promise.resolve(params) });
}
