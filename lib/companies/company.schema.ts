import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const companyListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sector: z.string().trim().max(100).optional(),
  sort: z.enum(["name", "-name", "lastContact", "-lastContact", "city", "-city"]).default("name"),
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

export const companySummarySchema = z.object({
  id: z.string().uuid(),
  platform: z.string(),
  siret: z.string(),
  name: z.string(),
  sector: z.string().nullable(),
  city: z.string().nullable(),
  viaNumeroVert: z.boolean(),
  lastContactAt: z.string().nullable(),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;
