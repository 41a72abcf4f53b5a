// Reusable zod fields with French messages, shared by forms and API inputs.
import { fromParisWallTime, parisDate } from "@/lib/paris-day";
import { z } from "zod";

/**
 * What an empty form field sends ("" or blanks) means « not given »: the field's default, or
 * undefined. Wrap an optional field whose own checks would refuse "" (a code, an enum, a number).
 */
export const blankAsUndefined = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);

/** Optional text: "" (empty form field) becomes undefined; trimmed; bounded. */
/** PostgreSQL cannot store a NUL character in text: refused with a message instead of a 500. */
const NO_NUL: [(v: string) => boolean, string] = [(v) => !v.includes("\u0000"), "Caractère nul (U+0000) interdit."];

export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .refine(...NO_NUL)
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => (v === "" ? undefined : v));

export const requiredText = (label: string, max = 200) =>
  z.string({ error: `${label} : champ obligatoire.` }).trim().min(1, `${label} : champ obligatoire.`).max(max, `${max} caractères au plus.`).refine(...NO_NUL);

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "254 caractères au plus.")
  .email("Adresse e-mail invalide (ex. : prenom.nom@entreprise.fr).")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** French phone numbers: 10 digits starting with 0, or +33 followed by 9 digits; separators allowed. */
export const phoneField = z
  .string()
  .trim()
  .optional()
  .or(z.literal("").transform(() => undefined))
  .transform((v) => (v ? v.replace(/[\s.\-()]/g, "") : undefined))
  .refine((v) => v === undefined || /^(0[1-9]\d{8}|\+33[1-9]\d{8}|\+\d{8,15})$/.test(v), "Numéro de téléphone invalide (ex. : 03 21 00 00 00 ou +33 3 21 00 00 00).");

/** INSEE commune code: 5 characters (2A/2B for Corsica). Existence is checked by the service. */
export const communeCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "Code commune INSEE invalide (5 caractères, ex. : 62498).");

/** Checkbox or JSON boolean. */
export const booleanField = z.union([z.boolean(), z.enum(["true", "false", "on", "1", "0", ""])]).transform((v) => v === true || v === "true" || v === "on" || v === "1");

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/** How the API reads a date-time without an offset (OpenAPI descriptions and docs/architecture.md say the same). */
export const LOCAL_TIME_RULE =
  "Date AAAA-MM-JJ, ou date-heure ISO 8601. Une date-heure sans décalage (ex. 2026-03-29T10:00) est l'heure légale de Paris (Europe/Paris, heure d'été comprise) ; avec un décalage (Z, +01:00…), elle est lue telle quelle. Heure inexistante au passage à l'heure d'été : décalée d'une heure ; heure ambiguë au retour à l'heure d'hiver : heure d'hiver.";

/**
 * Parses a date or date-time from an API body or a form. A date-time without an offset (forms send
 * « 2026-03-29T10:00 ») is a wall-clock time in Europe/Paris, not UTC and not the server's zone,
 * so a legal deadline never shifts by an hour. Calendar dates « AAAA-MM-JJ » stay midnight UTC (the
 * project's day convention); anything with an offset is read as written.
 */
export function parseInstant(value: string): Date {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return new Date(value);
  const [, y, mo, d, h, mi, sec, ms] = m;
  // A wall time that does not exist on the calendar (30 February, 25:00) is invalid, not rolled over.
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (calendar.getUTCMonth() !== Number(mo) - 1 || calendar.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return new Date(Number.NaN);
  return fromParisWallTime(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), Number((ms ?? "0").padEnd(3, "0"))));
}

/**
 * A calendar day for a date-only column (PostgreSQL `date`): « AAAA-MM-JJ » as is (midnight UTC, the
 * project's day convention); a date-time (offset or Paris wall time) becomes the day it falls on in
 * Paris. Storing the instant itself would keep its UTC day: « 2027-03-01T00:30 » Paris is
 * 28 February 23:30 UTC and the record would land in February's figures.
 */
export function parseCalendarDay(value: string): Date {
  const at = parseInstant(value);
  if (Number.isNaN(at.getTime()) || /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return at;
  return parisDate(at);
}

/**
 * « Not in the future » for a value that may be a calendar day. A day « AAAA-MM-JJ » is midnight UTC
 * (the project's day convention), so today's Paris day read at 23:30 UTC the evening before (00:30 in
 * Paris, 01:30 in summer) is an instant after `now`: it is still today, not the future. A date-time
 * is compared as an instant.
 */
export function isInFuture(value: Date, now: Date): boolean {
  if (value.getTime() <= now.getTime()) return false;
  return value.getTime() !== parisDate(now).getTime();
}

/** zod preprocess step: strings through parseInstant, anything else unchanged. */
export const toInstant = (v: unknown): unknown => (typeof v === "string" && v !== "" ? parseInstant(v) : v);

/** A calendar date "YYYY-MM-DD" or ISO date-time (without offset: Paris time, see parseInstant), as a Date. */
export const dateField = (label: string) =>
  z
    .preprocess(toInstant, z.coerce.date({ error: `${label} : date invalide.` }))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2100, `${label} : date invalide.`)
    .meta({ type: "string", description: LOCAL_TIME_RULE });

export const versionField = z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide.").max(2_147_483_647, "Version invalide.");
