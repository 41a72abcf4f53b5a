import { z } from "zod";
import { dayOut } from "@/lib/api/common.schema";
import { LOCAL_TIME_RULE, parseCalendarDay } from "@/lib/fields.schema";
import { pageQuerySchema } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const flag = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const int = (min: number, max: number, label: string) =>
  z.preprocess(blankToNull, z.coerce.number({ error: `${label} : nombre attendu.` }).int(`${label} : nombre entier.`).min(min, `${label} : au moins ${min}.`).max(max, `${label} : au plus ${max}.`).nullable().optional());

export const diagnosticInputSchema = z.object({
  jobSeekerId: z.uuid("Demandeur d'emploi invalide."),
  subsidyFileId: z.preprocess(blankToNull, z.uuid("Dossier invalide.").nullable().optional()),
  date: z.preprocess((v) => (v === "" || v == null ? undefined : typeof v === "string" ? parseCalendarDay(v) : v), z.date({ error: "Indiquez la date du diagnostic." }))
    .meta({ type: "string", description: `Jour du diagnostic (jour de Paris ; une date-heure est ramenée au jour où elle tombe à Paris). ${LOCAL_TIME_RULE}` }),
  diagnosticDone: flag,
  accompanimentDone: flag,
  accompanimentDurationDays: int(1, 3650, "Durée de l'accompagnement"),
  solutionRecommended: flag,
  solutionType: z.preprocess(blankToNull, z.string().trim().max(200).nullable().optional()),
  orientationMaterialFinancial: flag,
  distanceBeforeKm: int(0, 1000, "Distance aller-retour avant"),
  distanceAfterKm: int(0, 1000, "Distance aller-retour après"),
  satisfaction: int(1, 5, "Satisfaction"),
});
export type DiagnosticInput = z.infer<typeof diagnosticInputSchema>;

/** Editing a diagnostic: the same facts (the person does not change), with optimistic locking. */
export const updateDiagnosticSchema = diagnosticInputSchema.omit({ jobSeekerId: true }).extend({
  version: z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide."),
});
export type UpdateDiagnosticInput = z.infer<typeof updateDiagnosticSchema>;

export const diagnosticListQuerySchema = pageQuerySchema.extend({ jobSeekerId: z.uuid().optional() });
export type DiagnosticListQuery = z.infer<typeof diagnosticListQuerySchema>;

export const diagnosticSchema = z.object({
  id: z.uuid(), jobSeekerId: z.uuid(), subsidyFileId: z.uuid().nullable(), date: dayOut("Jour du diagnostic"), diagnosticDone: z.boolean(), accompanimentDone: z.boolean(),
  accompanimentDurationDays: z.number().int().nullable(), solutionRecommended: z.boolean(), solutionType: z.string().nullable(),
  orientationMaterialFinancial: z.boolean(), distanceBeforeKm: z.number().int().nullable(), distanceAfterKm: z.number().int().nullable(),
  satisfaction: z.number().int().nullable(), version: z.number().int(),
});
export type DiagnosticDto = z.infer<typeof diagnosticSchema>;
