import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { blankAsUndefined, booleanField, communeCodeField, dateField, optionalText, requiredText, versionField } from "@/lib/fields.schema";
import { OFFER_STATUSES } from "@/lib/offers/offer.rules";
import { cursorQuerySchema } from "@/lib/pagination/keyset";

export const CONTRACT_TYPES = ["CDI", "CDD", "ALTERNANCE", "APPRENTISSAGE", "INTERIM", "CONTRAT_AIDE", "AUTRE"] as const;
export const CONTRACT_LABELS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  CDI: "CDI",
  CDD: "CDD",
  ALTERNANCE: "Alternance (professionnalisation)",
  APPRENTISSAGE: "Apprentissage",
  INTERIM: "Intérim",
  CONTRAT_AIDE: "Contrat aidé",
  AUTRE: "Autre",
};
export const WORKING_TIMES = ["TEMPS_PLEIN", "TEMPS_PARTIEL"] as const;
export const WORKING_TIME_LABELS: Record<(typeof WORKING_TIMES)[number], string> = { TEMPS_PLEIN: "Temps plein", TEMPS_PARTIEL: "Temps partiel" };
export const OFFER_SOURCES = ["VISITE", "NUMERO_VERT", "EVENEMENT", "CHEF_DE_FILE", "SPONTANEE", "AUTRE"] as const;
export const SOURCE_LABELS: Record<(typeof OFFER_SOURCES)[number], string> = {
  VISITE: "Visite d'entreprise",
  NUMERO_VERT: "Numéro vert",
  EVENEMENT: "Événement",
  CHEF_DE_FILE: "Chef de file métier",
  SPONTANEE: "Démarche spontanée de l'entreprise",
  AUTRE: "Autre",
};
/** Contracts of limited duration, for which the duration is asked. */
export const FIXED_TERM: ReadonlySet<string> = new Set(["CDD", "INTERIM", "CONTRAT_AIDE", "ALTERNANCE", "APPRENTISSAGE"]);

/** ROME code (répertoire opérationnel des métiers) : a letter A–N and four digits, e.g. F1703. */
export const romeCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-N]\d{4}$/, "Code ROME invalide : une lettre de A à N suivie de 4 chiffres (ex. : F1703).");

const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number({ error: `${label} : nombre attendu.` }).int(`${label} : nombre entier attendu.`).min(min, `${label} : ${min} au minimum.`).max(max, `${label} : ${max} au maximum.`).optional());

export const offerFields = {
  title: requiredText("Intitulé du poste", 200),
  romeCode: romeCodeField.optional().or(z.literal("").transform(() => undefined)),
  contractType: z.enum(CONTRACT_TYPES, { error: "Type de contrat inconnu." }),
  contractDurationMonths: optionalInt("Durée du contrat (mois)", 1, 60),
  workingTime: blankAsUndefined(z.enum(WORKING_TIMES, { error: "Temps de travail inconnu." }).default("TEMPS_PLEIN")),
  weeklyHours: optionalInt("Heures par semaine", 1, 48),
  communeCode: communeCodeField.optional().or(z.literal("").transform(() => undefined)),
  positions: z.coerce.number({ error: "Nombre de postes : nombre attendu." }).int("Nombre de postes : nombre entier attendu.").min(1, "Au moins 1 poste.").max(500, "500 postes au plus."),
  hiddenMarket: booleanField.default(false),
  inTension: booleanField.default(false),
  source: z.enum(OFFER_SOURCES, { error: "Origine inconnue." }),
  description: optionalText(5000),
  receivedAt: dateField("Date de réception"),
  expiresAt: dateField("Date limite").optional().or(z.literal("").transform(() => undefined)),
};

export function coherent(v: { contractType: string; contractDurationMonths?: number; receivedAt: Date; expiresAt?: Date }, ctx: z.RefinementCtx) {
  if (v.contractType === "CDD" && v.contractDurationMonths === undefined) ctx.addIssue({ code: "custom", path: ["contractDurationMonths"], message: "Indiquez la durée du CDD en mois." });
  if (v.contractType === "CDI" && v.contractDurationMonths !== undefined) ctx.addIssue({ code: "custom", path: ["contractDurationMonths"], message: "Un CDI n'a pas de durée." });
  if (v.expiresAt && v.expiresAt < v.receivedAt) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "La date limite ne peut pas précéder la réception de l'offre." });
}

export const createOfferSchema = z
  .object({
    companyId: z.string().uuid("Entreprise inconnue."),
    visitId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
    publish: booleanField.default(true),
    ...offerFields,
  })
  .superRefine(coherent);
export type CreateOfferInput = z.infer<typeof createOfferSchema>;

/** The offer collected during a visit (« Visite + offre »): saved with the visit, in one transaction. */
export const visitOfferSchema = z.object({ publish: booleanField.default(true), ...offerFields }).superRefine(coherent);
export type VisitOfferInput = z.infer<typeof visitOfferSchema>;

export const updateOfferSchema = z.object({ ...offerFields, version: versionField }).superRefine(coherent);
export type UpdateOfferInput = z.infer<typeof updateOfferSchema>;

export const offerTransitionSchema = z.object({ to: z.enum(OFFER_STATUSES, { error: "État inconnu." }), version: versionField });

export const offerListQuerySchema = cursorQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum([...OFFER_STATUSES, "ACTIVE"]).optional(),
  contractType: z.enum(CONTRACT_TYPES).optional(),
  hiddenMarket: z.enum(["true", "false"]).optional(),
  romeCode: z.string().trim().toUpperCase().max(5).optional(),
  companyId: z.string().uuid().optional(),
  stale: z.enum(["true"]).optional(),
  sort: z.enum(["receivedAt", "-receivedAt", "title", "-title"]).default("-receivedAt"),
});
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;

export const offerSchema = z.object({
  id: z.string().uuid(),
  companyId: z.string().uuid(),
  company: z.string(),
  visitId: z.string().uuid().nullable(),
  title: z.string(),
  romeCode: z.string().nullable(),
  contractType: z.enum(CONTRACT_TYPES),
  contractDurationMonths: z.number().int().nullable(),
  workingTime: z.enum(WORKING_TIMES),
  weeklyHours: z.number().int().nullable(),
  communeCode: z.string().nullable(),
  place: z.string().nullable(),
  positions: z.number().int(),
  positionsFilled: z.number().int(),
  hiddenMarket: z.boolean(),
  inTension: z.boolean(),
  source: z.enum(OFFER_SOURCES),
  status: z.enum(OFFER_STATUSES),
  description: z.string().nullable(),
  receivedAt: instantOut(),
  expiresAt: instantOut().nullable(),
  lastActivityAt: instantOut(),
  version: z.number().int(),
});
export type OfferDto = z.infer<typeof offerSchema>;
