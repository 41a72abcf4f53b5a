import { z } from "zod";
import { hasNul, NUL_IN_QUERY } from "@/lib/validation";

export const refSearchQuerySchema = z.object({
  q: z.string().trim().max(100, "Recherche trop longue (100 caractères au plus).").refine((v) => !hasNul(v), NUL_IN_QUERY).default(""),
});

/** NAF search: sub-classes (a company's code) by default; every level, division to sub-class, with `levels=all` (a sector filter's prefix). */
export const nafSearchQuerySchema = refSearchQuerySchema.extend({ levels: z.enum(["all"], { error: "levels : seule la valeur « all » est admise." }).optional() });

/** Job-seeker picker: the search, and optionally one platform (an event's). */
export const jobSeekerPickerQuerySchema = refSearchQuerySchema.extend({ platformId: z.uuid("Plateforme invalide.").optional() });

export const refOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  description: z.string().optional(),
});
export type RefOption = z.infer<typeof refOptionSchema>;

export const refSearchResultSchema = z.object({ items: z.array(refOptionSchema) });
