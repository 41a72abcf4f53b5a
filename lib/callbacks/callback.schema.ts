// One schema per use: the forms (zodResolver) and the API validate with the same objects.
import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { ATTEMPT_OUTCOMES, CALLBACK_STATUSES } from "@/lib/callbacks/callback.rules";
import { pageQuerySchema } from "@/lib/validation";

const instant = z.iso.datetime({ local: true, offset: true, error: "Date et heure invalides (AAAA-MM-JJTHH:MM)." });
const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).optional();
const uuid = (msg: string) => z.string().uuid(msg);

export const callbackListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(CALLBACK_STATUSES).optional(),
  /** "1": only callbacks past their due date and still to do. */
  overdue: z.enum(["1"]).optional(),
  /** "1": only the callbacks the caller is in charge of. */
  mine: z.enum(["1"]).optional(),
  sort: z.enum(["dueAt", "-dueAt", "receivedAt", "-receivedAt", "company", "-company"]).default("dueAt"),
});
export type CallbackListQuery = z.infer<typeof callbackListQuerySchema>;

export const callbackSummarySchema = z.object({
  id: z.string().uuid(),
  platform: z.string(),
  companyId: z.string().uuid(),
  companyName: z.string(),
  companyCity: z.string().nullable(),
  /** Issue 23: how the request came (a call to the numéro vert, or the public form). */
  origin: z.enum(["NUMERO_VERT", "FORMULAIRE_EN_LIGNE"]),
  receivedAt: instantOut(),
  dueAt: instantOut(),
  status: z.enum(CALLBACK_STATUSES),
  urgency: z.enum(["CLOSED", "OVERDUE", "DUE_TODAY", "UPCOMING"]),
  attemptCount: z.number().int(),
  assignedTo: z.string().nullable(),
  version: z.number().int(),
});
export type CallbackSummary = z.infer<typeof callbackSummarySchema>;

export const callbackAttemptSchema = z.object({
  id: z.string().uuid(),
  at: instantOut(),
  by: z.string().nullable(),
  outcome: z.enum(CALLBACK_STATUSES),
  note: z.string().nullable(),
});

export const callbackDetailSchema = callbackSummarySchema.extend({
  assignedToId: z.string().uuid().nullable(),
  qualifiedNeed: z.string().nullable(),
  closedAt: instantOut().nullable(),
  attemptsLeft: z.number().int(),
  attempts: z.array(callbackAttemptSchema),
});
export type CallbackDetail = z.infer<typeof callbackDetailSchema>;

export const createCallbackSchema = z.object({
  companyId: uuid("Choisissez une entreprise."),
  receivedAt: instant,
  assignedToId: z.union([uuid("Personne invalide."), z.literal("")]).optional(),
});
export type CreateCallbackInput = z.infer<typeof createCallbackSchema>;

export const updateCallbackSchema = z.object({
  receivedAt: instant.optional(),
  assignedToId: z.union([uuid("Personne invalide."), z.literal("")]).optional(),
  qualifiedNeed: optionalText(2000),
  version: z.number().int().positive(),
});
export type UpdateCallbackInput = z.infer<typeof updateCallbackSchema>;

export const attemptFormSchema = z
  .object({
    outcome: z.enum(ATTEMPT_OUTCOMES, { error: "Indiquez le résultat de l'appel." }),
    /** Defaults to now on the server. */
    at: instant.optional().or(z.literal("")),
    note: optionalText(1000),
    qualifiedNeed: optionalText(2000),
  })
  .refine((a) => a.outcome !== "BESOIN_QUALIFIE" || (a.qualifiedNeed ?? "").length > 0, {
    message: "Décrivez le besoin qualifié.",
    path: ["qualifiedNeed"],
  });
export type AttemptFormInput = z.infer<typeof attemptFormSchema>;

/** The API body: the form plus the callback version the caller saw (optimistic locking). */
export const createAttemptSchema = attemptFormSchema.and(z.object({ version: z.number().int().positive() }));
export type CreateAttemptInput = z.infer<typeof createAttemptSchema>;
