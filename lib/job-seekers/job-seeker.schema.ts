// One zod schema for the job-seeker form, the server action and the API. Exactly the annex 1
// art. 2 fields (data minimisation); lastContactAt and lifecycle are derived, never input.
import { cursorQuerySchema } from "@/lib/pagination/keyset";
import { dayOut, instantOut } from "@/lib/api/common.schema";
import { z } from "zod";
import { parseInstant } from "@/lib/fields.schema";
import { FRANCE_TRAVAIL_ID, FRANCE_TRAVAIL_ID_MESSAGE, normalizeFranceTravailId, normalizePhone, PHONE_MESSAGE } from "@/lib/job-seekers/job-seeker.rules";
import { CONTRACT_TYPES } from "@/lib/proposals/proposal.rules";
import { CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS } from "@/lib/validation";

export const CIVILITIES = ["MADAME", "MONSIEUR"] as const;
export const TRANSPORT_MODES = ["VOITURE", "DEUX_ROUES", "TRANSPORTS_EN_COMMUN", "VELO", "MARCHE", "COVOITURAGE", "AUCUN"] as const;
export const MOBILITY_SCOPES = ["COMMUNE", "EPCI", "DEPARTEMENT", "REGION"] as const;
export const SUPPORT_NEEDS = ["LOGEMENT", "GARDE_ENFANTS", "FINANCIER", "AUTRE"] as const;
export const EMPLOYMENT_SITUATIONS = ["SALARIE", "ARTISAN", "COMMERCANT", "AUTO_ENTREPRENEUR", "AUTRE"] as const;
export const ORIGINS = ["NUMERO_VERT", "CIRCUIT_COURT", "OFFRE", "PARTENAIRE", "SPONTANE", "AUTRE", "FORMULAIRE_EN_LIGNE"] as const;
export const INFORMATION_CHANNELS = ["EN_PERSONNE", "TELEPHONE", "EMAIL", "COURRIER"] as const;
export const INTERACTION_KINDS = ["APPEL", "EMAIL", "RENCONTRE", "NOTE"] as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, `${max} caractères au maximum.`).nullable().optional());
const date = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : typeof v === "string" ? parseInstant(v) : v),
    z.date({ error: `${label} : date invalide.` }).nullable().optional(),
  );
const bool = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v === "true" || v === "on" ? true : v === "false" ? false : v),
  z.boolean({ error: "Choisissez oui ou non." }).nullable().optional(),
);
const int = (min: number, max: number, label: string) =>
  z.preprocess(blankToNull, z.coerce.number({ error: `${label} : nombre attendu.` }).int(`${label} : nombre entier attendu.`).min(min, `${label} : au moins ${min}.`).max(max, `${label} : au plus ${max}.`).nullable().optional());
/** Arrays arrive as JSON arrays (API) or comma-separated strings (form). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v ?? []), z.array(item).max(20));

export const jobSeekerInputSchema = z.object({
  // identité
  civility: z.preprocess(blankToNull, z.enum(CIVILITIES, { error: "Civilité invalide." }).nullable().optional()),
  lastName: z.string({ error: "Le nom est obligatoire." }).trim().min(1, "Le nom est obligatoire.").max(100).refine((v) => !CONTROL_CHARACTERS.test(v), NO_CONTROL_CHARACTERS),
  firstName: z.string({ error: "Le prénom est obligatoire." }).trim().min(1, "Le prénom est obligatoire.").max(100).refine((v) => !CONTROL_CHARACTERS.test(v), NO_CONTROL_CHARACTERS),
  // Issue 22 §6: optional. Annex 1 art. 2 lists the field among what may be collected; no convention
  // requires it to take a call or make a proposal. The minimum age is checked when it is given.
  birthDate: z.preprocess(
    (v) => (v === "" || v == null ? undefined : typeof v === "string" ? parseInstant(v) : v),
    z.date({ error: "Date de naissance invalide (format AAAA-MM-JJ)." }).optional(),
  ),
  // coordonnées
  addressLine: text(200),
  postalCode: z.preprocess(blankToNull, z.string().trim().regex(/^\d{5}$/, "Code postal : 5 chiffres.").nullable().optional()),
  city: text(100),
  communeCode: z.preprocess(blankToNull, z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, "Code INSEE de la commune : 5 caractères.").nullable().optional()),
  phone: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : (normalizePhone(v) ?? v)) : v),
    z.string().regex(/^0[1-9]( \d{2}){4}$/, PHONE_MESSAGE).nullable().optional(),
  ),
  email: z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toLowerCase()) : v), z.email("Adresse e-mail invalide.").max(200).refine((v) => !CONTROL_CHARACTERS.test(v), NO_CONTROL_CHARACTERS).nullable().optional()),
  franceTravailId: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : normalizeFranceTravailId(v)) : v),
    z.string().regex(FRANCE_TRAVAIL_ID, FRANCE_TRAVAIL_ID_MESSAGE).nullable().optional(),
  ),
  // mobilité
  transportModes: list(z.enum(TRANSPORT_MODES, { error: "Moyen de transport invalide." })),
  maxTravelMinutes: int(0, 240, "Temps de trajet maximum"),
  mobilityScope: z.preprocess(blankToNull, z.enum(MOBILITY_SCOPES, { error: "Périmètre invalide." }).nullable().optional()),
  mobilityCodes: list(z.string().regex(/^[0-9AB]{2,9}$/, "Code de commune, d'EPCI ou de département invalide.")),
  // besoins d'accompagnement
  supportNeeds: list(z.enum(SUPPORT_NEEDS, { error: "Besoin invalide." })),
  supportNeedsOther: text(300),
  // formation
  lastClassAttended: text(100),
  diplomasObtained: text(300),
  diplomasInProgress: text(300),
  trainingType: text(200),
  trainingStartDate: date("Début de formation"),
  // situation
  employmentSituation: z.preprocess(blankToNull, z.enum(EMPLOYMENT_SITUATIONS, { error: "Situation invalide." }).nullable().optional()),
  inActivity: bool,
  monthsWithoutEmployment: int(0, 600, "Durée sans emploi"),
  contractType: z.preprocess(blankToNull, z.enum(CONTRACT_TYPES, { error: "Type de contrat invalide." }).nullable().optional()),
  wantsChange: bool,
  situationDuringFollowUp: text(300),
  desiredRomeCodes: list(z.string().trim().toUpperCase().regex(/^[A-N]\d{4}$/, "Code ROME invalide (une lettre et 4 chiffres, ex. N1103).")),
  desiredJobLabel: text(200),
  experiences: text(2000),
  // compétences
  skillLanguages: text(300),
  skillCertifications: text(300),
  skillProfessionalLicences: text(300),
  skillIt: text(300),
  // statuts
  csp: bool,
  rsa: bool,
  rqth: bool,
  indemnise: bool,
  strengthsAndObstacles: text(2000),
  // suivi
  origin: z.enum(ORIGINS, { error: "Indiquez comment la personne est arrivée." }),
  referentId: z.preprocess(blankToNull, z.uuid("Référent invalide.").nullable().optional()),
  informedAt: z.preprocess(
    (v) => (v === "" || v == null ? undefined : typeof v === "string" ? parseInstant(v) : v),
    z.date({ error: "Indiquez la date à laquelle la personne a été informée du traitement de ses données." }),
  ),
  informedChannel: z.enum(INFORMATION_CHANNELS, { error: "Indiquez comment la personne a été informée." }),
});
export type JobSeekerInput = z.infer<typeof jobSeekerInputSchema>;

/** Creation: `confirmNotDuplicate` is the user's answer to the duplicate warning. */
export const createJobSeekerSchema = jobSeekerInputSchema.extend({
  confirmNotDuplicate: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
});
export type CreateJobSeekerInput = z.infer<typeof createJobSeekerSchema>;

export const updateJobSeekerSchema = jobSeekerInputSchema.partial().extend({
  version: z.coerce.number({ error: "Version manquante." }).int().min(1),
});
export type UpdateJobSeekerInput = z.infer<typeof updateJobSeekerSchema>;

export const jobSeekerListQuerySchema = cursorQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  origin: z.enum(ORIGINS).optional(),
  sort: z.enum(["name", "-name", "lastContact", "-lastContact", "createdAt", "-createdAt"]).default("name"),
});
export type JobSeekerListQuery = z.infer<typeof jobSeekerListQuerySchema>;

export const interactionInputSchema = z.object({
  kind: z.enum(INTERACTION_KINDS, { error: "Type d'échange invalide." }),
  at: z.preprocess((v) => (v === "" || v == null ? undefined : typeof v === "string" ? parseInstant(v) : v), z.date({ error: "Indiquez la date de l'échange." })),
  summary: z.string({ error: "Résumez l'échange." }).trim().min(1, "Résumez l'échange.").max(2000, "2000 caractères au maximum."),
});
export type InteractionInput = z.infer<typeof interactionInputSchema>;

export const jobSeekerSummarySchema = z.object({
  id: z.uuid(),
  platform: z.string(),
  civility: z.enum(CIVILITIES).nullable(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: dayOut().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  franceTravailId: z.string().nullable(),
  communeCode: z.string().nullable(),
  city: z.string().nullable(),
  origin: z.enum(ORIGINS),
  informedAt: instantOut().nullable(),
  lastContactAt: instantOut(),
  lifecycle: z.enum(["ACTIVE", "ARCHIVED", "DESTROYED"]),
  version: z.number().int(),
});
export type JobSeekerSummary = z.infer<typeof jobSeekerSummarySchema>;

export const interactionSchema = z.object({ id: z.uuid(), kind: z.enum(INTERACTION_KINDS), at: instantOut(), summary: z.string().nullable() });

export const LABELS = {
  civility: { MADAME: "Madame", MONSIEUR: "Monsieur" },
  transport: { VOITURE: "Voiture", DEUX_ROUES: "Deux-roues motorisé", TRANSPORTS_EN_COMMUN: "Transports en commun", VELO: "Vélo", MARCHE: "Marche", COVOITURAGE: "Covoiturage", AUCUN: "Aucun" },
  scope: { COMMUNE: "Communes", EPCI: "EPCI (intercommunalité)", DEPARTEMENT: "Département", REGION: "Région" },
  support: { LOGEMENT: "Logement", GARDE_ENFANTS: "Garde d'enfants", FINANCIER: "Financier", AUTRE: "Autre" },
  situation: { SALARIE: "Salarié·e", ARTISAN: "Artisan", COMMERCANT: "Commerçant·e", AUTO_ENTREPRENEUR: "Auto-entrepreneur·e", AUTRE: "Autre" },
  origin: { NUMERO_VERT: "Numéro vert", CIRCUIT_COURT: "Circuit court", OFFRE: "Recruté·e sur une offre", PARTENAIRE: "Orienté·e par un partenaire", SPONTANE: "Démarche spontanée", AUTRE: "Autre", FORMULAIRE_EN_LIGNE: "Formulaire en ligne" },
  channel: { EN_PERSONNE: "En personne", TELEPHONE: "Téléphone", EMAIL: "E-mail", COURRIER: "Courrier" },
  interaction: { APPEL: "Appel", EMAIL: "E-mail", RENCONTRE: "Rencontre", NOTE: "Note" },
} as const;
