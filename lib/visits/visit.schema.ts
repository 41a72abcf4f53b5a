import { cursorQuerySchema } from "@/lib/pagination/keyset";
import { instantOut } from "@/lib/api/common.schema";
import { z } from "zod";
import { dateField, optionalText, requiredText, versionField } from "@/lib/fields.schema";
import { visitOfferSchema } from "@/lib/offers/offer.schema";

export const NEED_KINDS = ["RECRUTEMENT", "FORMATION", "GPEC", "AUTRE"] as const;
export const NEED_LABELS: Record<(typeof NEED_KINDS)[number], string> = { RECRUTEMENT: "Recrutement", FORMATION: "Formation", GPEC: "GPEC", AUTRE: "Autre" };

/** Form fields arrive as a string or a list of strings; the API sends arrays. */
const stringList = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

export const followUpInputSchema = z.object({
  label: requiredText("Action de suivi", 300),
  dueAt: dateField("Échéance"),
});

export const visitFields = {
  date: dateField("Date de la visite"),
  /** Optional hour ("HH:MM", Paris); without it the visit is « dans la journée ». */
  time: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure au format HH:MM (ex. : 14:30).")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  purpose: requiredText("Objet de la visite", 300),
  staffIds: stringList.pipe(z.array(z.string().uuid("Intervenant inconnu.")).min(1, "Indiquez au moins un intervenant de la plateforme.").max(10)),
  partnersPresent: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) : v ?? []),
    z.array(z.string().trim().min(1).max(150, "150 caractères au plus par partenaire.")).max(20, "20 partenaires au plus."),
  ),
  needs: stringList.pipe(z.array(z.enum(NEED_KINDS, { error: "Besoin inconnu." }))),
  outcome: optionalText(2000),
  notes: optionalText(4000),
};

export const createVisitSchema = z.object({
  companyId: z.string().uuid("Entreprise inconnue."),
  ...visitFields,
  followUps: z.array(followUpInputSchema).max(20).default([]),
  /** « Visite + offre »: the offer collected during the visit, saved with it. */
  offer: visitOfferSchema.optional(),
});
export type CreateVisitInput = z.infer<typeof createVisitSchema>;

/** Editing a visit: its own fields (optimistic locking), plus optional new follow-up actions (existing ones are ticked on the visit page). */
export const updateVisitSchema = z.object({
  ...visitFields,
  followUps: z.array(followUpInputSchema).max(20).default([]),
  version: versionField,
});
export type UpdateVisitInput = z.infer<typeof updateVisitSchema>;

export const visitListQuerySchema = cursorQuerySchema.extend({
  when: z.enum(["upcoming", "past", "all"]).default("all"),
  mine: z.enum(["true", "false"]).optional(),
  companyId: z.string().uuid().optional(),
  sort: z.enum(["date", "-date"]).default("-date"),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitSchema = z.object({
  id: z.string().uuid(),
  companyId: z.string().uuid(),
  company: z.string(),
  date: instantOut("Jour et heure de la visite (minuit UTC si l'heure n'est pas fixée : timeSet)"),
  /** false: a date-only visit (« dans la journée »). */
  timeSet: z.boolean(),
  purpose: z.string(),
  staff: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  partnersPresent: z.array(z.string()),
  needs: z.array(z.enum(NEED_KINDS)),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  followUps: z.array(z.object({ id: z.string().uuid(), label: z.string(), dueAt: instantOut(), doneAt: instantOut().nullable(), version: z.number().int() })),
  offers: z.array(z.object({ id: z.string().uuid(), title: z.string(), status: z.string() })),
  version: z.number().int(),
});
export type VisitDto = z.infer<typeof visitSchema>;
export type VisitSummary = Pick<VisitDto, "id" | "companyId" | "company" | "date" | "timeSet" | "purpose" | "staff" | "needs">;

export const followUpDoneSchema = z.object({ done: z.boolean(), version: z.coerce.number().int().min(1) });
