// Breach register (annex 1 art. 3.8): what the controller must be told within the deadline.
import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { blankAsUndefined, dateField, versionField } from "@/lib/fields.schema";
import { checkbox } from "@/lib/rights/rights.schema";
import { pageQuerySchema } from "@/lib/validation";

export const BREACH_STATUSES = ["DETECTED", "NOTIFIED", "CLOSED"] as const;
export const BREACH_STATUS_LABELS: Record<(typeof BREACH_STATUSES)[number], string> = {
  DETECTED: "Détectée",
  NOTIFIED: "Notifiée au responsable",
  CLOSED: "Clôturée",
};

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).optional();
// An empty count is « unknown », not 0.
const count = (label: string) => blankAsUndefined(z.coerce.number({ error: `${label} : nombre entier attendu.` }).int(`${label} : nombre entier attendu.`).min(0, `${label} : 0 ou plus.`).max(100_000_000).optional());
/** Comma- or line-separated list in a form, an array in JSON. */
const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,\n]/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200)).max(50));

export const breachFieldsSchema = z.object({
  detectedAt: dateField("Détectée le"),
  nature: z.string().trim().min(1, "Décrivez la nature de la violation.").max(4000, "4000 caractères au plus."),
  dataCategories: list,
  peopleCategories: list,
  approxPeople: count("Nombre approximatif de personnes"),
  approxRecords: count("Nombre approximatif d'enregistrements"),
  contact: text(500),
  consequences: text(4000),
  measures: text(4000),
  notifiedAt: z.union([dateField("Notifiée le"), z.literal("")]).optional(),
  status: blankAsUndefined(z.enum(BREACH_STATUSES).optional()),
});
export const createBreachSchema = breachFieldsSchema.extend({
  /** France Travail convention annex 1, 2.8 and art. 11: the breach concerns the data returned to France Travail. */
  concernsFranceTravail: checkbox,
  /** A user of several platforms says which one detected it. */
  platformId: z.union([z.string().uuid("Plateforme invalide."), z.literal("")]).optional(),
});
export type CreateBreachInput = z.infer<typeof createBreachSchema>;
export const updateBreachSchema = breachFieldsSchema.partial().extend({ version: versionField });
export type UpdateBreachInput = z.infer<typeof updateBreachSchema>;

export const breachListQuerySchema = pageQuerySchema.extend({ status: z.enum(BREACH_STATUSES).optional() });
export type BreachListQuery = z.infer<typeof breachListQuerySchema>;

export const breachExportQuerySchema = z.object({ format: z.enum(["xlsx", "html"]).default("xlsx") });

export const breachDtoSchema = z.object({
  id: z.string().uuid(),
  detectedAt: instantOut(),
  notifiedAt: instantOut().nullable(),
  deadlineAt: instantOut(),
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
  late: z.boolean(),
  countdown: z.string(),
  nature: z.string(),
  dataCategories: z.array(z.string()),
  peopleCategories: z.array(z.string()),
  approxPeople: z.number().int().nullable(),
  approxRecords: z.number().int().nullable(),
  contact: z.string().nullable(),
  consequences: z.string().nullable(),
  measures: z.string().nullable(),
  status: z.enum(BREACH_STATUSES),
  platform: z.string().nullable(),
  recordedAt: instantOut(),
  recordedByPlatform: z.boolean(),
  concernsFranceTravail: z.boolean(),
  /** France Travail's own clock (36 h from detection), null when its data are not concerned. */
  franceTravail: z.object({ dueAt: instantOut(), doneAt: instantOut().nullable(), overdue: z.boolean(), countdown: z.string() }).nullable(),
  version: z.number().int(),
});
export type BreachDto = z.infer<typeof breachDtoSchema>;
