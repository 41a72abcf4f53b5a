import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { INFORMATION_CHANNELS, ORIGINS } from "@/lib/job-seekers/job-seeker.schema";

const mappingJson = z
  .string()
  .max(5_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Correspondance des colonnes illisible." });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().max(50), z.number().int().min(0).max(500)));

export const previewFieldsSchema = z.object({ mapping: mappingJson.optional() });
export const runFieldsSchema = z.object({
  mapping: mappingJson,
  duplicateMode: z.enum(["UPDATE", "SKIP"], { error: "Choisissez que faire des SIRET déjà connus." }),
});

/** Job-seeker import: batch-level values for the rows (or columns) that do not give them. */
const jobSeekerDefaults = {
  origin: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ORIGINS, { error: "Origine inconnue." }).optional()),
  informedAt: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date d'information invalide (AAAA-MM-JJ).").optional()),
  informedChannel: z.preprocess((v) => (v === "" ? undefined : v), z.enum(INFORMATION_CHANNELS, { error: "Canal d'information inconnu." }).optional()),
};
export const jobSeekerPreviewFieldsSchema = z.object({ mapping: mappingJson.optional(), ...jobSeekerDefaults });
export const jobSeekerRunFieldsSchema = z.object({
  mapping: mappingJson,
  duplicateMode: z.enum(["UPDATE", "SKIP"], { error: "Choisissez que faire des personnes déjà connues." }),
  ...jobSeekerDefaults,
});

/** One import as listed by GET /api/v1/imports and /api/v1/imports/job-seekers (the mapping and row errors stay out). */
export const importBatchSummarySchema = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  kind: z.enum(["COMPANIES", "JOB_SEEKERS"]),
  fileName: z.string(),
  status: z.enum(["RUNNING", "DONE", "FAILED", "UNDONE"]),
  duplicateMode: z.enum(["UPDATE", "SKIP"]),
  totalRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  skippedCount: z.number().int(),
  errorCount: z.number().int(),
  createdById: z.uuid().nullable(),
  createdAt: instantOut("Instant de l'import"),
  finishedAt: instantOut("Fin de l'import").nullable(),
  undoneAt: instantOut("Annulation").nullable(),
  undoneById: z.uuid().nullable(),
});
