// Table exports: which lists, which formats, and the DTO of a background export.
import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";

export const EXPORT_LIST_KEYS = ["companies", "offers", "jobSeekers", "visits", "events", "prospects"] as const;
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
  createdAt: instantOut(),
  finishedAt: instantOut().nullable(),
  expiresAt: instantOut(),
  downloadUrl: z.string().nullable(),
});
export type TableExportDto = z.infer<typeof tableExportDtoSchema>;

export const startedExportSchema = z.object({ id: z.string(), status: z.string(), totalRows: z.number(), statusUrl: z.string() });

/**
 * Export query: the format plus the list's own filters and sort (checked by the list's schema). A
 * list holding identities also needs the stated purpose (issue 22 §6): a code of the rule set's
 * list (OPERATIONS.identityExportPurposes) and an optional precision.
 */
export const exportQuerySchema = z.looseObject({
  format: z.enum(EXPORT_FORMATS, "Format attendu : csv ou xlsx").default("xlsx"),
  purpose: z.string().trim().max(40, "Finalité inconnue.").optional(),
  purposeText: z.string().trim().max(300, "Précision : 300 caractères au plus.").optional(),
});

/** The purpose stated for an export of identities, as recorded in its audit event. */
export interface StatedPurpose {
  code: string;
  label: string;
  text: string | null;
}
