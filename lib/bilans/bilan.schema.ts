// Inputs of the bilans (API query, close / reopen forms): one schema for the form and the server.
import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { monthKeySchema, PERIOD_KINDS } from "@/lib/indicators/period.rules";

export const monthlyReportQuerySchema = z.object({
  platformId: z.uuid("Plateforme invalide").optional(),
  month: monthKeySchema,
});

export const closeMonthSchema = z.object({
  platformId: z.uuid("Plateforme invalide"),
  month: monthKeySchema,
});

export const reopenMonthSchema = closeMonthSchema.extend({
  reason: z.string().trim().min(10, "Indiquez le motif de la réouverture (10 caractères au moins)").max(1000, "1 000 caractères au plus"),
});
export type ReopenMonthInput = z.infer<typeof reopenMonthSchema>;

export const reopenBodySchema = reopenMonthSchema.pick({ reason: true });

export const dashboardQuerySchema = z.object({
  platformId: z.uuid().optional(),
  period: z.enum(PERIOD_KINDS).default("rolling12"),
  month: monthKeySchema.optional(),
});

const figuresSchema = z.record(z.string(), z.number().nullable());

export const monthlyReportSchema = z.object({
  platformId: z.string().nullable(),
  platformName: z.string(),
  month: z.string(),
  closed: z.boolean(),
  snapshotVersion: z.number().nullable(),
  definitionsVersion: z.string(),
  closedAt: instantOut().nullable(),
  /** Issue 17: when the Région referent reviewed the closed month (null: not yet, or not closed). */
  reviewedAt: instantOut().nullable(),
  figures: figuresSchema,
});

export const indicatorDefinitionSchema = z.object({
  key: z.string(),
  label: z.string(),
  definition: z.string(),
  unit: z.string(),
  family: z.string(),
  aggregation: z.enum(["sum", "stock", "median"]),
});

export const exportQuerySchema = monthlyReportQuerySchema.extend({
  format: z.enum(["xlsx", "csv"], "Format attendu : xlsx ou csv").default("xlsx"),
});
