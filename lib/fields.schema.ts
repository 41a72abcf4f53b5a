// Reusable zod fields with French messages, shared by forms and API inputs.
import { z } from "zod";

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

/** A calendar date "YYYY-MM-DD" or ISO timestamp, as a Date. */
export const dateField = (label: string) =>
  z.coerce.date({ error: `${label} : date invalide.` }).refine((d) => !Number.isNaN(d.getTime()) && d.getFullYear() >= 1900 && d.getFullYear() <= 2100, `${label} : date invalide.`);

export const versionField = z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide.");
