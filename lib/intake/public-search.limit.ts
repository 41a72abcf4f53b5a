import "server-only";
// Per-client-address limits of the public pickers of the intake forms (no account): the commune
// picker (/api/v1/public/communes) and the register search of the company form
// (/api/v1/public/entreprises). Counters shared by every instance (the atomic counters of
// lib/auth/throttle.ts); limits from the OPERATIONS rule set (`publicIntake`); the client address
// per TRUST_PROXY (lib/security/client-address.ts), so a forged X-Forwarded-For changes nothing
// unless a proxy we trust wrote it.
import { NextResponse } from "next/server";
import { reserveAttempts } from "@/lib/auth/throttle";
import type { DbOrTx } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

export type PublicSearch = "communes" | "register";

const KEY_PREFIX: Record<PublicSearch, string> = { communes: "intake-communes-ip", register: "intake-register-ip" };

function refusal(kind: PublicSearch, retryAfterSeconds: number): string {
  if (kind === "register") return "Trop de recherches en peu de temps : saisissez le SIRET et le nom de l'entreprise, ou appelez le numéro vert.";
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Trop de recherches de commune en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}, ou appelez le numéro vert.`;
}

/** Counts one search of `kind` from `ip`; past the rule set's limit, a French TooManyRequestsError with Retry-After. */
export async function assertPublicSearchAllowed(db: DbOrTx, kind: PublicSearch, ip: string, now = new Date()): Promise<void> {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload.publicIntake;
  const maxFailures = kind === "communes" ? rules.communeSearchesPerIp : rules.searchesPerIp;
  const [over] = await reserveAttempts(db, [{ key: `${KEY_PREFIX[kind]}:${ip}`, limit: { maxFailures, lockMinutes: rules.windowMinutes } }], now);
  if (!over) return;
  if (over.first) logger.warn({ search: kind }, "public search: rate limit reached");
  throw new TooManyRequestsError(refusal(kind, over.retryAfterSeconds), over.retryAfterSeconds);
}

/** The 429 of a public route: French message, Retry-After, never cached. */
export function tooManyRequestsResponse(err: TooManyRequestsError): NextResponse {
  return NextResponse.json(
    { error: { code: err.code, message: err.message } },
    { status: 429, headers: { "cache-control": "no-store", ...(err.retryAfterSeconds !== undefined ? { "retry-after": String(err.retryAfterSeconds) } : {}) } },
  );
}
