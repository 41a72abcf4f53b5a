import "server-only";
// The one handler of the providers' webhooks (the SMS provider's delivery reports, the e-mail relay's
// events). These routes are public: the provider calls them, and the credential is a secret in the
// URL. Every webhook takes the same steps, in this order:
// 1. a declared length over the limit → 413, before anything else (issue 16 §11);
// 2. no secret configured on our side → 404 (the route does not exist for anyone);
// 3. the secret compared in constant time → 403 in French when it differs (length included);
// 4. the body read chunk by chunk and abandoned past the limit → 413; not JSON → 400;
// 5. parsed with the provider's zod schema (one event or a batch, lib/api/webhook-events.schema.ts)
//    → 400 in French when it is neither;
// 6. the service applies the events and audits each change it makes (invitation.deliveryReport);
//    an unexpected failure is logged with the request id and answered 503, so the provider retries.
// Each call is logged (status, time, request id); a refused secret is logged as a warning.
import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { assertDeclaredLength, readBodyLimited } from "@/lib/api/body-limit";
import { requestIdOf } from "@/lib/api/handler";
import { db, type Db } from "@/lib/db";
import { INVALID_EVENTS_MESSAGE } from "@/lib/api/webhook-events.schema";
import { AppError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";

export const INVALID_SECRET_MESSAGE = "Secret de rappel invalide.";
export const INVALID_JSON_MESSAGE = "Corps JSON invalide.";

/** Constant-time comparison of the secret given in the URL with ours (a different length is refused too). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function error(status: number, code: string, message: string, requestId: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
}

export interface ProviderWebhook<S extends z.ZodType> {
  /** For the logs: "sms callback", "email callback". */
  name: string;
  /** Our secret (read at each call: the settings may change); unset → 404. */
  secret: () => string | undefined;
  /** French message of the 404 when no secret is configured. */
  notConfigured: string;
  maxBodyBytes: number;
  schema: S;
  handle: (db: Db, events: z.output<S>) => Promise<unknown>;
}

export function providerWebhook<S extends z.ZodType>(opts: ProviderWebhook<S>) {
  const route = async (req: NextRequest): Promise<NextResponse> => {
    const requestId = requestIdOf(req);
    const log = requestLogger(requestId);
    const started = Date.now();
    const done = (res: NextResponse) => {
      log.info({ method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, opts.name);
      return res;
    };
    try {
      assertDeclaredLength(req.headers, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof AppError) return done(error(err.status, err.code, err.message, requestId));
      throw err;
    }
    const expected = opts.secret();
    if (!expected) return done(error(404, "NOT_FOUND", opts.notConfigured, requestId));
    if (!sameSecret(req.nextUrl.searchParams.get("secret") ?? "", expected)) {
      log.warn({ path: req.nextUrl.pathname }, `${opts.name}: invalid secret`);
      return done(error(403, "FORBIDDEN", INVALID_SECRET_MESSAGE, requestId));
    }
    let json: unknown;
    try {
      json = JSON.parse((await readBodyLimited(req, opts.maxBodyBytes)).toString("utf8"));
    } catch (err) {
      if (err instanceof AppError) return done(error(err.status, err.code, err.message, requestId));
      return done(error(400, "VALIDATION_ERROR", INVALID_JSON_MESSAGE, requestId));
    }
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) return done(error(400, "VALIDATION_ERROR", INVALID_EVENTS_MESSAGE, requestId));
    try {
      const res = NextResponse.json(await opts.handle(db, parsed.data), { headers: { "x-request-id": requestId, "cache-control": "no-store" } });
      return done(res);
    } catch (err) {
      log.error({ err }, `${opts.name} failed`);
      return done(error(503, "UNAVAILABLE", "Réessayez plus tard.", requestId));
    }
  };
  // What the route declares, readable by the security tests (as apiRoute's `declared`).
  return Object.assign(route, { declared: { permission: null, maxBodyBytes: opts.maxBodyBytes } });
}
