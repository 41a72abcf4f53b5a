// Query of the France Travail monthly files (cross-team contract: ?month=YYYY-MM&file=indicators|beneficiaries).
import { z } from "zod";
import { monthKeySchema } from "@/lib/indicators/period.rules";

export const ftMonthlyQuerySchema = z.object({
  month: monthKeySchema,
  file: z.enum(["indicators", "beneficiaries"], "Fichier attendu : indicators ou beneficiaries"),
});
export type FtMonthlyQuery = z.infer<typeof ftMonthlyQuerySchema>;
