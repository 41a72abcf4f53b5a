import "server-only";
// The one wrapper every /api/v1 route goes through: it *requires* a permission, resolves the
// caller (cookie or token), parses input with zod, and maps errors to JSON { error: {...} }.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { assertDeclaredLength, BODY_LIMITS, readBodyLimited, readFormDataLimited } from "@/lib/api/body-limit";
import { userOfRequest, type CurrentUser } from "@/lib/auth/session";
import { can, denialMessage, type Action } from "@/lib/authz/policy";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { noteDatabaseUnavailable } from "@/lib/http/database-outage-page";
import { AppError, ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ServiceUnavailableError, TooManyRequestsError, UnprocessableError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestLogger, type Logger } from "@/lib/logger";
import { HSTS, HTTPS } from "@/lib/security/headers";
import { NUL_IN_QUERY, nulInQuery, zodFieldErrors } from "@/lib/validation";
import { COMMITMENT_FREE_ACTIONS, COMMITMENT_REQUIRED_MESSAGE } from "@/lib/auth/charter.rules";

export interface ApiContext<Q, B = unknown> {
  user: CurrentUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  log: Logger;
  requestId: string;
  req: NextRequest;
  /** The multipart body, read within the route's limit (413 beyond it); null when it is not multipart. */
  formData: () => Promise<FormData | null>;
}

/**
 * A database constraint the code did not map itself is still the caller's problem, never a 500:
 * unique value taken → 409, missing linked record → 422, record gone → 404, malformed value (a
 * non-uuid identifier in the path) → 404.
 */
export function databaseError(err: unknown): AppError | null {
  // The database is down or restarting: « try again », never a 500 (checked before the codes below).
  if (!(err instanceof AppError) && isDatabaseUnavailable(err)) {
    // Pages re-check the database before rendering from now on (lib/http/database-outage-page.ts).
    noteDatabaseUnavailable();
    return new ServiceUnavailableError(undefined, DATABASE_RETRY_AFTER_SECONDS);
  }
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return null;
  switch (err.code) {
    case "P2002":
      return new ConflictError("Un enregistrement avec cette valeur existe déjà.");
    case "P2003":
      return new UnprocessableError("Un enregistrement lié est introuvable ou encore utilisé.");
    case "P2025":
      return new NotFoundError();
    case "P2007":
    case "P2023":
      return new NotFoundError();
    default:
      return null;
  }
}

export function jsonError(raw: unknown, log: Logger, requestId: string): NextResponse {
  const err = databaseError(raw) ?? raw;
  if (err instanceof AppError) {
    const headers: Record<string, string> = { "x-request-id": requestId };
    if (err instanceof ServiceUnavailableError) {
      headers["retry-after"] = String(err.retryAfterSeconds);
      log.warn({ err: raw }, "database unreachable: 503");
    }
    if (err instanceof TooManyRequestsError && err.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.retryAfterSeconds);
    return NextResponse.json(
      { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
      { status: err.status, headers },
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
/** A client's X-Request-Id is kept only when it is a short token; anything else gets a fresh id. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: NextRequest): string {
  const given = req.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * HSTS on an /api/v1 answer in production over https. The application server (server/app-server.ts)
 * leaves /api/v1 alone (issue 18: Node CPU per request); the API's CSP is a static header of next.config.ts.
 */
export function withHsts<R extends Response>(res: R): R {
  if (HTTPS) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/** API answers carry personal data: never stored by a browser or a shared cache. */
function noStore(res: NextResponse): NextResponse {
  if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
  return withHsts(res);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file://) and garbage: not our origin.
    return null;
  }
}

/**
 * CSRF defence for cookie sessions: a state-changing request must come from our own origin, and so
 * must an (audited) read when the browser says where it comes from. Token-authenticated calls
 * (Authorization: Bearer) carry no ambient credential and are exempt.
 */
function assertSameOrigin(req: NextRequest): void {
  if (req.headers.get("authorization")?.startsWith("Bearer ")) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (SAFE_METHODS.has(req.method)) {
    // Reads are audited, some with a purpose taken from the address (issue 16 §13): one sent by another
    // site (a link in an e-mail, an <img>, a form) must not put a reading, or the sender's purpose,
    // on the victim's name. Browsers say where a request comes from; a client without these headers
    // (curl, scripts with a token) is not a browser and carries no ambient credential by accident.
    if (site === "cross-site" || site === "same-site") throw new ForbiddenError("Lecture demandée depuis un autre site refusée.");
    if (origin && originHost(origin) !== req.headers.get("host")) throw new ForbiddenError("Lecture demandée depuis un autre site refusée.");
    return;
  }
  if (site && site !== "same-origin" && site !== "none") throw new ForbiddenError("Requête d'une autre origine refusée.");
  if (origin && originHost(origin) !== req.headers.get("host")) throw new ForbiddenError("Requête d'une autre origine refusée.");
  if (!origin && !site) throw new ForbiddenError("En-tête Origin manquant.");
}

/** No API body needs more nesting than this; deeper bodies are refused before anything walks them. */
const MAX_BODY_DEPTH = 32;

/**
 * What a parsed body must not hold: a NUL character in any key or string (PostgreSQL cannot store it in
 * text), or nesting deeper than MAX_BODY_DEPTH. Iterative: a hostile body cannot exhaust the call stack.
 */
function bodyProblem(body: unknown): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: body, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return "Caractère nul (U+0000) interdit dans le corps de la requête.";
    } else if (v && typeof v === "object") {
      if (depth >= MAX_BODY_DEPTH) return "Corps de requête trop imbriqué.";
      for (const [k, x] of Object.entries(v)) {
        if (k.includes("\u0000")) return "Caractère nul (U+0000) interdit dans le corps de la requête.";
        stack.push({ v: x, depth: depth + 1 });
      }
    }
  }
  return null;
}

async function readJson(req: NextRequest, maxBytes: number): Promise<unknown> {
  const text = (await readBodyLimited(req, maxBytes)).toString("utf8");
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError({ _: ["Corps de requête JSON invalide."] });
  }
  const problem = bodyProblem(body);
  if (problem) throw new ValidationError({ _: [problem] });
  return body;
}

/** Pause before the one retry of a read whose connection failed (a pool reconnecting, a restart). */
const READ_RETRY_DELAY_MS = 250;

/**
 * An idempotent read is tried once more when the database connection failed (issue 16: a restart
 * answered hundreds of 500s); a second failure becomes the 503. Writes are never retried here.
 */
export async function retryReadOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError || !isDatabaseUnavailable(err)) throw err;
    await new Promise((r) => setTimeout(r, READ_RETRY_DELAY_MS));
    return fn();
  }
}

export function created<T>(body: T): NextResponse {
  return NextResponse.json(body, { status: 201 });
}

export function apiRoute<Q extends z.ZodType = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUnknown>(
  opts: {
    permission: Action;
    query?: Q;
    body?: B;
    /** Largest body accepted (lib/api/body-limit.ts); JSON routes keep the default. */
    maxBodyBytes?: number;
  },
  handler: (ctx: ApiContext<z.infer<Q>, z.infer<B>>) => Promise<unknown>,
) {
  const route = async (req: NextRequest, route: { params: Promise<Record<string, string>> }): Promise<NextResponse> => {
    const requestId = requestIdOf(req);
    const started = Date.now();
    let log = requestLogger(requestId);
    const maxBodyBytes = opts.maxBodyBytes ?? BODY_LIMITS.json;
    try {
      // Before anything else: a body declared too large is refused without reading a byte of it.
      if (!SAFE_METHODS.has(req.method)) assertDeclaredLength(req.headers, maxBodyBytes);
      const read = SAFE_METHODS.has(req.method);
      // From the request itself, not Next.js's request context: server/api-fast-path.ts runs some GETs without it.
      const caller = () => userOfRequest(req.headers, req.cookies);
      const user = await (read ? retryReadOnce(caller) : caller());
      if (!user) throw new UnauthenticatedError();
      log = requestLogger(requestId, user.id);
      // Annex 1 art. 3.10.1 (issue 22 §7): the commitment in force is enforced here too, not only by
      // the pages' layout — a session cookie or a token reaches no data before it is accepted.
      if (user.charterAccepted === false && !COMMITMENT_FREE_ACTIONS.has(opts.permission)) throw new ForbiddenError(COMMITMENT_REQUIRED_MESSAGE);
      if (!can(user, opts.permission)) throw new ForbiddenError(denialMessage(opts.permission, user));
      assertSameOrigin(req);
      const schema = opts.query ?? z.object({});
      const nul = nulInQuery(req.nextUrl.searchParams);
      if (nul !== null) throw new ValidationError({ [nul]: [NUL_IN_QUERY] });
      const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
      if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
      let body: unknown = undefined;
      if (opts.body) {
        const parsedBody = opts.body.safeParse(await readJson(req, maxBodyBytes));
        if (!parsedBody.success) throw new ValidationError(zodFieldErrors(parsedBody.error));
        body = parsedBody.data;
      }
      const params = (await route.params) ?? {};
      const run = () => handler({ user, query: parsed.data as z.infer<Q>, body: body as z.infer<B>, params, log, requestId, req, formData: () => readFormDataLimited(req, maxBodyBytes) });
      const result = await (read ? retryReadOnce(run) : run());
      const res = result instanceof NextResponse ? result : NextResponse.json(result);
      res.headers.set("x-request-id", requestId);
      log.info({ method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, "api request");
      return noStore(res);
    } catch (err) {
      const res = jsonError(err, log, requestId);
      log.info({ method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, "api request");
      return noStore(res);
    }
  };
  // What the route declares (permission, query and body schemas), readable by the security tests
  // that build valid bodies from each route's own schema. Not used at run time.
  return Object.assign(route, { declared: { permission: opts.permission, query: opts.query, body: opts.body, maxBodyBytes: opts.maxBodyBytes ?? BODY_LIMITS.json } });
}
