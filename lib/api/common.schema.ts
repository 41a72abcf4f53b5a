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
