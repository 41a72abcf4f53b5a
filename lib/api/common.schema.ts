import { z } from "zod";

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "unreachable"]),
  version: z.string(),
  /** The dependencies that do not answer (issue 16: the health check names them). */
  failing: z.array(z.enum(["database"])),
  message: z.string(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}

/** A keyset page (lib/pagination/keyset.ts): cursors of the neighbouring pages, total exact or not. */
export function keysetPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().nullable().describe("Numéro de page s'il est connu (transmis avec un curseur, sinon null)"),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalKind: z.enum(["exact", "about", "atLeast"]).describe("exact ; about : estimation (« environ ») ; atLeast : « plus de » total"),
    next: z.string().nullable().describe("Curseur de la page suivante (paramètre after), null à la fin"),
    prev: z.string().nullable().describe("Curseur de la page précédente (paramètre before), null au début"),
  });
}

/** The rule every date-time of an API answer follows (OpenAPI descriptions). */
export const INSTANT_RULE = "Date-heure ISO 8601 avec décalage ; dans les réponses, toujours en UTC (suffixe Z, ex. 2026-03-29T08:00:00.000Z).";
/** The rule every calendar day of an API answer follows (OpenAPI descriptions). */
export const DAY_RULE = "Jour calendaire AAAA-MM-JJ, jour légal de Paris (Europe/Paris), sans heure.";

/** A date-time in an answer (`format: date-time`), e.g. what `Date#toISOString()` writes. */
export const instantOut = (what?: string) => z.iso.datetime({ offset: true }).describe(what ? `${what}. ${INSTANT_RULE}` : INSTANT_RULE);
/** A calendar day in an answer (`format: date`). */
export const dayOut = (what?: string) => z.iso.date().describe(what ? `${what}. ${DAY_RULE}` : DAY_RULE);
