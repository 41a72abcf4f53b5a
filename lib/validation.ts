// zod helpers shared by forms and the API: French messages, field-level errors.
import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

z.config(z.locales.fr());

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Pagination query shared by every list endpoint. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Services parse their input again (callers may be the API, a form or a script): 400 with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * No control character (line break, tab, escape…) in a one-line value such as a name: a name with a
 * newline could forge a line in an e-mail or an export (issue 16 §15).
 */
export const CONTROL_CHARACTERS = /\p{Cc}/u;
export const NO_CONTROL_CHARACTERS = "Caractères de contrôle (retour à la ligne, tabulation…) interdits.";

/** PostgreSQL cannot hold U+0000 in text: a search, filter or cursor carrying one answered 500 (22021). */
export const hasNul = (s: string) => s.includes("\u0000");
export const NUL_IN_QUERY = "Caractère nul (U+0000) interdit dans l'adresse.";

/** The first query parameter (by name) whose name or value holds U+0000, else null. */
export function nulInQuery(params: Iterable<[string, string]>): string | null {
  for (const [k, v] of params) if (hasNul(k) || hasNul(v)) return k.replace(/\u0000/g, "") || "_";
  return null;
}
