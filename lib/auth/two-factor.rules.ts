// Two-factor login (TOTP, RFC 6238) as pure functions: who must use it, code checks with an
// injected clock, recovery codes. No Prisma, no Next: unit-tested on their own.
import { createHash } from "node:crypto";
import { generateURI, verifySync } from "otplib";
import type { Principal } from "@/lib/authz/policy";

type Role = Principal["role"];

/** France Travail requires a second factor for its data; the Région extends it to these roles. */
export const TOTP_REQUIRED_ROLES: ReadonlySet<Role> = new Set(["FRANCE_TRAVAIL_REVIEWER", "DPO", "ADMIN", "REGION_FINANCE"]);

export function totpRequired(role: Role): boolean {
  return TOTP_REQUIRED_ROLES.has(role);
}

/** Accepted clock drift: one 30-second step either side (authenticator apps and slow typing). */
export const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = "SI Proch'Emploi";

/** Digits only, spaces allowed ("123 456"). */
export function normaliseTotp(raw: string): string {
  return raw.replace(/\s+/g, "");
}

export function isTotpShaped(raw: string): boolean {
  return /^\d{6}$/.test(normaliseTotp(raw));
}

/**
 * The time step (30-second counter since the epoch) whose code `code` is, when it is the secret's
 * code at `now` or one step before / after, and later than `afterStep` (the last step already
 * accepted for this user: a code works once, RFC 6238 §5.2); null otherwise.
 */
export function matchTotpStep(secret: string, code: string, now: Date, afterStep: number | null = null): number | null {
  const token = normaliseTotp(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = verifySync({
      secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return r.valid && "timeStep" in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

/** True when `code` is the secret's code at `now` or one step before / after. */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  return matchTotpStep(secret, code, now) !== null;
}

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** Recovery codes look like "k7p2m-9xq4t": 10 characters from an alphabet without look-alikes. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

export function formatRecoveryCode(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

export function normaliseRecoveryCode(raw: string): string {
  return raw.toLowerCase().replace(/[^0-9a-z]/g, "");
}

export function hashRecoveryCode(raw: string): string {
  return createHash("sha256").update(`recovery:${normaliseRecoveryCode(raw)}`).digest("hex");
}

/** The hashes left once `code` is used, or null when it is not one of them (each code works once). */
export function consumeRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  if (normaliseRecoveryCode(code).length !== 10) return null;
  const h = hashRecoveryCode(code);
  const i = hashes.indexOf(h);
  if (i < 0) return null;
  return [...hashes.slice(0, i), ...hashes.slice(i + 1)];
}
