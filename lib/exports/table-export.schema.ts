// Table exports: which lists, which formats, and the DTO of a background export.
import { z } from "zod";

export const EXPORT_LIST_KEYS = ["companies", "offers", "jobSeekers", "visits", "events"] as const;
export type ExportListKey = (typeof EXPORT_LIST_KEYS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];


export const tableExportDtoSchema = z.object({
  id: z.string(),
  list: z.string(),
  listLabel: z.string(),
  format: z.string(),
  status: z.enum(["PENDING", "RUNNING", "DONE", "FAILED"]),
  totalRows: z.number(),
  processedRows: z.number(),
  percent: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
  downloadUrl: z.string().nullable(),
});
export type TableExportDto = z.infer<typeof tableExportDtoSchema>;

export const startedExportSchema = z.object({ id: z.string(), status: z.string(), totalRows: z.number(), statusUrl: z.string() });

/** Export query: the format plus the list's own filters and sort (checked by the list's schema). */
export const exportQuerySchema = z.looseObject({ format: z.enum(EXPORT_FORMATS, "Format attendu : csv ou xlsx").default("xlsx") });
