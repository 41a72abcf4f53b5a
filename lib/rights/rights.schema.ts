// Rights requests (annex 1 art. 3.6): one zod schema per input, shared by the forms and the API.
import { z } from "zod";
import { dayOut, instantOut } from "@/lib/api/common.schema";
import { dateField } from "@/lib/fields.schema";
import { pageQuerySchema } from "@/lib/validation";

export const RIGHTS_KINDS = ["ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "PORTABILITY", "AUTHORITY"] as const;
export const RIGHTS_KIND_LABELS: Record<(typeof RIGHTS_KINDS)[number], string> = {
  ACCESS: "Accès",
  RECTIFICATION: "Rectification",
  ERASURE: "Effacement",
  RESTRICTION: "Limitation du traitement",
  OBJECTION: "Opposition",
  PORTABILITY: "Portabilité",
  // Région convention annex 1 art. 3.5: recorded and the controller informed « sans délai ».
  AUTHORITY: "Requête d'une autorité administrative ou judiciaire",
};

/** Whom a request is about (issue 22: company contacts and chefs de file have the same rights). */
export const SUBJECT_TYPES = ["JOB_SEEKER", "COMPANY_CONTACT", "CHEF_DE_FILE"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  JOB_SEEKER: "Demandeur·se d'emploi",
  COMPANY_CONTACT: "Contact d'entreprise",
  CHEF_DE_FILE: "Chef de file",
};

/** A checkbox in a form ("on"), a boolean in JSON. */
export const checkbox = z.union([z.boolean(), z.enum(["on", "true", "false", ""]).transform((v) => v !== "false" && v !== "")]).optional();
const optionalUuid = (message: string) => z.union([z.string().uuid(message), z.literal("")]).optional();
export const RIGHTS_STATUSES = ["RECEIVED", "FORWARDED", "IN_PROGRESS", "ANSWERED", "REJECTED"] as const;
export const RIGHTS_STATUS_LABELS: Record<(typeof RIGHTS_STATUSES)[number], string> = {
  RECEIVED: "Reçue",
  FORWARDED: "Transmise au responsable",
  IN_PROGRESS: "En cours",
  ANSWERED: "Répondue",
  REJECTED: "Refusée",
};
export const RIGHTS_CHANNELS = ["COURRIER", "EMAIL", "TELEPHONE", "SUR_PLACE", "FORMULAIRE"] as const;
export const RIGHTS_CHANNEL_LABELS: Record<(typeof RIGHTS_CHANNELS)[number], string> = {
  COURRIER: "Courrier",
  EMAIL: "Courriel",
  TELEPHONE: "Téléphone",
  SUR_PLACE: "Sur place (plateforme)",
  FORMULAIRE: "Formulaire en ligne",
};

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).optional();

export const rightsListQuerySchema = pageQuerySchema.extend({
  status: z.enum(["open", "closed", ...RIGHTS_STATUSES]).optional(),
  kind: z.enum(RIGHTS_KINDS).optional(),
  overdue: z.enum(["true"]).optional(),
});
export type RightsListQuery = z.infer<typeof rightsListQuerySchema>;

export const createRightsRequestSchema = z.object({
  kind: z.enum(RIGHTS_KINDS, { error: "Choisissez le droit exercé." }),
  requesterName: z.string().trim().min(1, "Indiquez qui fait la demande.").max(200, "200 caractères au plus."),
  requesterContact: text(300),
  channel: z.enum(RIGHTS_CHANNELS, { error: "Choisissez le canal de réception." }),
  receivedAt: dateField("Reçue le"),
  details: text(4000),
  jobSeekerId: optionalUuid("Personne invalide."),
  companyContactId: optionalUuid("Contact invalide."),
  chefDeFileId: optionalUuid("Chef de file invalide."),
  /** France Travail convention annex 1, 2.7: the request concerns the data returned to France Travail. */
  concernsFranceTravail: checkbox,
  /** A user of several platforms says which one received it. */
  platformId: optionalUuid("Plateforme invalide."),
}).refine((v) => [v.jobSeekerId, v.companyContactId, v.chefDeFileId].filter(Boolean).length <= 1, {
  message: "Reliez la demande à une seule personne.", path: ["jobSeekerId"],
});
export type CreateRightsRequestInput = z.infer<typeof createRightsRequestSchema>;

/** Steps of a request and the actions that carry out the right exercised. */
export const rightsActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("forward"), at: dateField("Transmise le").optional() }),
  z.object({ action: z.literal("controllerOrder"), at: dateField("Ordre reçu le").optional() }),
  z.object({ action: z.literal("link"), jobSeekerId: z.string().uuid("Personne invalide.") }),
  z.object({ action: z.literal("linkContact"), companyContactId: z.string().uuid("Contact invalide.") }),
  z.object({ action: z.literal("linkChefDeFile"), chefDeFileId: z.string().uuid("Chef de file invalide.") }),
  /** France Travail convention annex 1, 2.7: sent to France Travail's DPO (by e-mail, recorded). */
  z.object({ action: z.literal("forwardFranceTravail") }),
  z.object({ action: z.literal("answer"), response: z.string().trim().min(1, "Indiquez la réponse faite.").max(4000) }),
  z.object({ action: z.literal("reject"), response: z.string().trim().min(1, "Indiquez le motif du refus.").max(4000) }),
  /** Erasure: destroys the person at once, through the retention's destruction. */
  z.object({ action: z.literal("erase"), confirm: z.literal(true, { error: "Confirmez l'effacement définitif." }) }),
  z.object({ action: z.literal("restrict") }),
  z.object({ action: z.literal("unrestrict") }),
  /** The controller's order (rectification, objection…) has been carried out. */
  z.object({ action: z.literal("execute") }),
]);
export type RightsActionInput = z.infer<typeof rightsActionSchema>;

export const exportQuerySchema = z.object({ format: z.enum(["html", "json", "csv"]).default("html") });

const clockSchema = z.object({
  name: z.enum(["forward", "answer", "order", "franceTravail"]),
  label: z.string(),
  dueAt: instantOut(),
  doneAt: instantOut().nullable(),
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
  late: z.boolean(),
  countdown: z.string(),
});

export const rightsRequestDtoSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(RIGHTS_KINDS),
  status: z.enum(RIGHTS_STATUSES),
  requesterName: z.string().nullable(),
  requesterContact: z.string().nullable(),
  channel: z.string().nullable(),
  details: z.string().nullable(),
  response: z.string().nullable(),
  receivedAt: instantOut(),
  forwardedAt: instantOut().nullable(),
  answeredAt: instantOut().nullable(),
  controllerOrderAt: instantOut().nullable(),
  executedAt: instantOut().nullable(),
  dueAt: instantOut(),
  platform: z.string().nullable(),
  jobSeeker: z.object({ id: z.string().uuid(), name: z.string(), lifecycle: z.string(), restricted: z.boolean() }).nullable(),
  /** A company contact or chef de file the request is about (issue 22). */
  otherSubject: z.object({ type: z.enum(["COMPANY_CONTACT", "CHEF_DE_FILE"]), id: z.string().uuid(), name: z.string(), lifecycle: z.string() }).nullable(),
  recordedAt: instantOut(),
  recordedByPlatform: z.boolean(),
  concernsFranceTravail: z.boolean(),
  franceTravailForwardedAt: instantOut().nullable(),
  clocks: z.array(clockSchema),
  next: clockSchema.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type RightsRequestDto = z.infer<typeof rightsRequestDtoSchema>;

export const subjectSearchQuerySchema = z.object({ q: z.string().trim().min(2, "2 caractères au moins.").max(100) });
/** What the person search finds: the subjects above, and waiting public-form requests (issue 23), which are not linkable. */
export const SUBJECT_MATCH_TYPES = [...SUBJECT_TYPES, "INTAKE_REQUEST"] as const;
export type SubjectMatchType = (typeof SUBJECT_MATCH_TYPES)[number];
export const SUBJECT_MATCH_LABELS: Record<SubjectMatchType, string> = { ...SUBJECT_TYPE_LABELS, INTAKE_REQUEST: "Demande de rappel en ligne en attente" };
export const subjectMatchSchema = z.object({ type: z.enum(SUBJECT_MATCH_TYPES), id: z.string().uuid(), name: z.string(), birthDate: dayOut().nullable(), city: z.string().nullable(), platform: z.string(), lifecycle: z.string() });

/** Register of processing activities (art. 30): XLSX or printable HTML. */
export const registerExportQuerySchema = z.object({ format: z.enum(["xlsx", "html"]).default("xlsx") });
