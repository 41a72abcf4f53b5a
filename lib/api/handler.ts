import "server-only";
// The one wrapper every /api/v1 route goes through: it *requires* a permission, resolves the
// caller (cookie or token), parses input with zod, and maps errors to JSON { error: {...} }.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { can, type Action } from "@/lib/authz/policy";
import { AppError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { requestLogger, type Logger } from "@/lib/logger";
import { zodFieldErrors } from "@/lib/validation";

export interface ApiContext<Q, B = unknown> {
  user: CurrentUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  log: Logger;
  requestId: string;
  req: NextRequest;
}

export function jsonError(err: unknown, log: Logger, requestId: string): NextResponse {
  if (err instanceof AppError) {
    return NextResponse.json(
      { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
      { status: err.status, headers: { "x-request-id": requestId } },
    );
  }
  const errorId = randomUUID();
  log.error({ err, errorId }, "unexpected API error");
  return NextResponse.json(
    { error: { code: "INTERNAL_ERROR", message: `Erreur interne. Référence : ${errorId}` } },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions: a state-changing request must come from our own origin.
 * Token-authenticated calls (Authorization: Bearer) carry no ambient credential and are exempt.
 */
function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method) || req.headers.get("authorization")?.startsWith("Bearer ")) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new ForbiddenError("Requête d'une autre origine refusée.");
  if (origin && new URL(origin).host !== req.headers.get("host")) throw new ForbiddenError("Requête d'une autre origine refusée.");
  if (!origin && !site) throw new ForbiddenError("En-tête Origin manquant.");
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError({ _: ["Corps de requête JSON invalide."] });
  }
}

export function created<T>(body: T): NextResponse {
  return NextResponse.json(body, { status: 201 });
}

export function apiRoute<Q extends z.ZodType = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUnknown>(
  opts: { permission: Action; query?: Q; body?: B },
  handler: (ctx: ApiContext<z.infer<Q>, z.infer<B>>) => Promise<unknown>,
) {
  const route = async (req: NextRequest, route: { params: Promise<Record<string, string>> }): Promise<NextResponse> => {
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const started = Date.now();
    let log = requestLogger(requestId);
    try {
      const user = await getCurrentUser();
      if (!user) throw new UnauthenticatedError();
      log = requestLogger(requestId, user.id);
      if (!can(user, opts.permission)) throw new ForbiddenError();
      assertSameOrigin(req);
      const schema = opts.query ?? z.object({});
      const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
      if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
      let body: unknown = undefined;
      if (opts.body) {
        const parsedBody = opts.body.safeParse(await readJson(req));
        if (!parsedBody.success) throw new ValidationError(zodFieldErrors(parsedBody.error));
        body = parsedBody.data;
      }
      const params = (await route.params) ?? {};
      const result = await handler({ user, query: parsed.data as z.infer<Q>, body: body as z.infer<B>, params, log, requestId, req });
      const res = result instanceof NextResponse ? result : NextResponse.json(result);
      res.headers.set("x-request-id", requestId);
      log.info({ method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, "api request");
      return res;
    } catch (err) {
      const res = jsonError(err, log, requestId);
      log.info({ method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, "api request");
      return res;
    }
  };
  // What the route declares (permission, query and body schemas), readable by the security tests
  // that build valid bodies from each route's own schema. Not used at run time.
  return Object.assign(route, { declared: { permission: opts.permission, query: opts.query, body: opts.body } });
}
