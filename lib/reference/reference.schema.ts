import { z } from "zod";

export const refSearchQuerySchema = z.object({ q: z.string().trim().max(100).default("") });

export const refOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  description: z.string().optional(),
});
export type RefOption = z.infer<typeof refOptionSchema>;

export const refSearchResultSchema = z.object({ items: z.array(refOptionSchema) });
