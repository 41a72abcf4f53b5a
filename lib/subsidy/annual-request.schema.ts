// Issue 22 §4 — input and output of the Région annual request (convention cadre art. 5, cadre
// d'intervention §5). The financing plan and the detailed budget are the file's amounts and budget
// lines (their own forms and routes); the previous year's bilan is the platform's annual report of
// year − 1 or a document joined to the file (receipt kind PREVIOUS_YEAR_BILAN).
import { z } from "zod";
import { dayOut, instantOut } from "@/lib/api/common.schema";
import { ANNUAL_REQUEST_ELEMENTS, ANNUAL_REQUEST_TEXT_MIN } from "@/lib/subsidy/annual-request.rules";

const text = (what: string) =>
  z
    .string()
    .trim()
    .max(8000, "8 000 caractères au plus.")
    .refine((s) => s === "" || s.length >= ANNUAL_REQUEST_TEXT_MIN, `${what} : ${ANNUAL_REQUEST_TEXT_MIN} caractères au moins.`)
    .optional();

/** Absent field = unchanged; "" = cleared. `version`: the file's (optimistic lock, 409). */
export const updateAnnualRequestSchema = z.object({
  version: z.coerce.number().int().positive(),
  description: text("Description de l'opération").describe("Descriptif du fonctionnement de la plateforme : locaux, moyens humains et matériels mis à disposition"),
  actionProgramme: text("Programme d'action").describe("Programme d'action de l'année"),
});
export type UpdateAnnualRequestInput = z.infer<typeof updateAnnualRequestSchema>;

const cents = z.number().int();

export const annualRequestDtoSchema = z.object({
  year: z.number().int(),
  previousYear: z.number().int(),
  version: z.number().int().describe("Version du dossier (à renvoyer pour modifier)"),
  description: z.string().nullable(),
  actionProgramme: z.string().nullable(),
  financingPlan: z.object({
    requestedCents: cents.describe("Demande à la Région"),
    territoryCofundingCents: cents.describe("Cofinancement du territoire"),
    otherCofundingCents: cents.describe("Autres cofinancements"),
    resourcesCents: cents.describe("Total des ressources"),
    expensesCents: cents.describe("Total des dépenses prévues (budget détaillé)"),
    eligibleCents: cents.describe("Dont dépenses éligibles"),
  }),
  budget: z.object({ lineCount: z.number().int(), totalCents: cents }),
  previousBilan: z.object({
    annualReport: z.object({ written: z.boolean(), updatedAt: instantOut().nullable() }).describe("Rapport annuel de l'année précédente de la plateforme (bilan qualitatif)"),
    documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), createdAt: instantOut() })).describe("Bilans joints au dossier (justificatifs de type « Bilan de l'année précédente »)"),
  }),
  checklist: z.array(z.object({
    element: z.enum(ANNUAL_REQUEST_ELEMENTS), label: z.string(), met: z.boolean(), missing: z.string().nullable(), source: z.string(),
  })),
  complete: z.boolean(),
  canEdit: z.boolean().describe("L'appelant peut modifier la demande (responsable de la plateforme, dossier en brouillon ou renvoyé)"),
});

/** The activity bilan the payment waits for (cadre d'intervention §5). */
export const activityBilanDtoSchema = z.object({
  required: z.boolean().describe("Le jeu de règles subordonne le versement au bilan d'activité"),
  receivedAt: dayOut().nullable(),
  missing: z.boolean(),
});
