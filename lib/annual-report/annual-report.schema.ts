// Annual report of a platform: the year, and the free qualitative section (saved with a version).
import { z } from "zod";
import { objectiveYearSchema } from "@/lib/objectives/objective.schema";

export const annualReportQuerySchema = z.object({ platformId: z.uuid("Plateforme invalide"), year: objectiveYearSchema });

export const saveQualitativeSchema = z.object({
  platformId: z.uuid("Plateforme invalide"),
  year: objectiveYearSchema,
  qualitative: z.string().max(50_000, "50 000 caractères au plus"),
  /** Version read when the form was opened; 0 when no text had been saved yet. */
  version: z.coerce.number().int().min(0).max(2_147_483_647),
});
export type SaveQualitativeInput = z.infer<typeof saveQualitativeSchema>;
