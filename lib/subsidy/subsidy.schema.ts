import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const subsidyListQuerySchema = pageQuerySchema.extend({
  funder: z.enum(["REGION", "FRANCE_TRAVAIL"]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(["year", "-year", "platform", "-platform", "requested", "-requested"]).default("-year"),
});
export type SubsidyListQuery = z.infer<typeof subsidyListQuerySchema>;

export const subsidyFileSummarySchema = z.object({
  id: z.string().uuid(),
  platform: z.object({ id: z.string().uuid(), name: z.string() }),
  year: z.number().int(),
  funder: z.enum(["REGION", "FRANCE_TRAVAIL"]),
  status: z.string(),
  requestedCents: z.number().int(),
  awardedCents: z.number().int().nullable(),
  paidCents: z.number().int(),
});
export type SubsidyFileSummary = z.infer<typeof subsidyFileSummarySchema>;
