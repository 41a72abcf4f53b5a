// Job-seeker rules: identifier and contact formats, age limits, duplicate detection.
// Pure: no Prisma, no Next, no clock (callers pass `now` and the active OPERATIONS rule set).
import { differenceInYearsUtc } from "@/lib/calendar-day";
import { parisDate } from "@/lib/paris-day";
import { isInFuture } from "@/lib/fields.schema";

/** France Travail (ex-Pôle emploi) identifier: 7 digits then a letter or a digit, e.g. 1234567A. */
export const FRANCE_TRAVAIL_ID = /^\d{7}[A-Z0-9]$/;
export const FRANCE_TRAVAIL_ID_MESSAGE = "Identifiant France Travail invalide : 7 chiffres puis une lettre ou un chiffre (ex. 1234567A).";

export function normalizeFranceTravailId(raw: string): string {
  return raw.replace(/\s/g, "").toUpperCase();
}

/** French numbers (0X XX XX XX XX, +33 X XX XX XX XX, 0033…); stored as "06 12 34 56 78". */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, "");
  const national = compact.startsWith("+33") ? `0${compact.slice(3)}` : compact.startsWith("0033") ? `0${compact.slice(4)}` : compact;
  if (!/^0[1-9]\d{8}$/.test(national)) return null;
  return national.replace(/(\d{2})(?=\d)/g, "$1 ");
}
export const PHONE_MESSAGE = "Numéro de téléphone invalide : 10 chiffres commençant par 0 (ex. 06 12 34 56 78) ou +33.";

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A birth date is refused when in the future or when the person is younger than `minAge` today. */
export function checkBirthDate(birthDate: Date, now: Date, minAge: number): RuleResult<Date> {
  if (isInFuture(birthDate, now)) return { ok: false, message: "La date de naissance ne peut pas être dans le futur." };
  // Age on the Paris calendar: birth day (stored at midnight UTC) to today's day in Paris.
  const age = differenceInYearsUtc(parisDate(now), birthDate);
  if (age < minAge) {
    return { ok: false, message: `La personne doit avoir au moins ${minAge} ans.` };
  }
  if (age > 120) return { ok: false, message: "Date de naissance invraisemblable (plus de 120 ans)." };
  return { ok: true, value: birthDate };
}

/** "Jeune" for the bilan: strictly under `youngAgeLimit` on the given date. */
export function isYoung(birthDate: Date | null, at: Date, youngAgeLimit: number): boolean {
  return birthDate !== null && differenceInYearsUtc(parisDate(at), birthDate) < youngAgeLimit;
}

/** Accent-, case-, hyphen- and space-insensitive form of a name ("Lefèvre-Dupont" = "lefevre dupont"). */
export function normalizeName(name: string | null | undefined): string {
  return (name ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface IdentityKeys {
  lastName?: string | null;
  firstName?: string | null;
  birthDate?: Date | null;
  email?: string | null;
  franceTravailId?: string | null;
}

export type DuplicateReason = "FRANCE_TRAVAIL_ID" | "EMAIL" | "NAME_BIRTH_DATE";

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  FRANCE_TRAVAIL_ID: "même identifiant France Travail",
  EMAIL: "même adresse e-mail",
  NAME_BIRTH_DATE: "mêmes nom, prénom et date de naissance",
};

function sameDay(a: Date, b: Date): boolean {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}

/** Why `existing` is probably the same person as `candidate` (empty: not a duplicate). */
export function duplicateReasons(candidate: IdentityKeys, existing: IdentityKeys): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (candidate.franceTravailId && existing.franceTravailId && normalizeFranceTravailId(candidate.franceTravailId) === normalizeFranceTravailId(existing.franceTravailId)) {
    reasons.push("FRANCE_TRAVAIL_ID");
  }
  if (candidate.email && existing.email && candidate.email.trim().toLowerCase() === existing.email.trim().toLowerCase()) reasons.push("EMAIL");
  if (
    candidate.birthDate && existing.birthDate && sameDay(candidate.birthDate, existing.birthDate) &&
    normalizeName(candidate.lastName) !== "" && normalizeName(candidate.lastName) === normalizeName(existing.lastName) &&
    normalizeName(candidate.firstName) === normalizeName(existing.firstName)
  ) {
    reasons.push("NAME_BIRTH_DATE");
  }
  return reasons;
}

/** Fields never copied by a merge: identity of the row, bookkeeping and derived values. */
const NOT_MERGED = new Set(["id", "platformId", "version", "createdAt", "updatedAt", "createdById", "lifecycle", "lastContactAt", "archivedAt", "destroyedAt"]);

/**
 * What a merge writes on the kept record: every field empty there (null, "" or empty list) that the
 * duplicate has. The kept record's own values always win.
 */
export function mergeFields(keep: Record<string, unknown>, duplicate: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const empty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  for (const [k, v] of Object.entries(duplicate)) {
    if (NOT_MERGED.has(k) || empty(v)) continue;
    if (empty(keep[k])) out[k] = v;
  }
  return out;
}
