import { cursorQuerySchema } from "@/lib/pagination/keyset";
import { instantOut } from "@/lib/api/common.schema";
import { z } from "zod";
import { isValidNaf, normalizeNaf, normalizeSiret, siretError } from "@/lib/companies/company.rules";
import { blankAsUndefined, booleanField, communeCodeField, dateField, emailField, optionalText, phoneField, requiredText, versionField } from "@/lib/fields.schema";

export const HEADCOUNT_BANDS = ["H0", "H1_9", "H10_49", "H50_249", "H250_999", "H1000_PLUS"] as const;
export const HEADCOUNT_LABELS: Record<(typeof HEADCOUNT_BANDS)[number], string> = {
  H0: "0 salarié",
  H1_9: "1 à 9 salariés",
  H10_49: "10 à 49 salariés",
  H50_249: "50 à 249 salariés",
  H250_999: "250 à 999 salariés",
  H1000_PLUS: "1 000 salariés et plus",
};

export const siretField = z
  .string({ error: "SIRET : champ obligatoire." })
  .trim()
  .superRefine((v, ctx) => {
    const err = siretError(v);
    if (err) ctx.addIssue({ code: "custom", message: err });
  })
  .transform(normalizeSiret);

// Optional: an empty field is « no NAF code », not an invalid one (issue 14 §6).
const nafField = blankAsUndefined(
  z
    .string()
    .trim()
    .refine((v) => isValidNaf(v), "Code NAF/APE invalide (ex. : 47.11D).")
    .transform(normalizeNaf)
    .optional(),
);

const companyFields = {
  siret: siretField,
  name: requiredText("Raison sociale", 200),
  nafCode: nafField,
  sector: optionalText(100),
  headcountBand: z.enum(HEADCOUNT_BANDS, { error: "Tranche d'effectif inconnue." }).optional().or(z.literal("").transform(() => undefined)),
  address: optionalText(300),
  communeCode: communeCodeField.optional().or(z.literal("").transform(() => undefined)),
  numeroVert: booleanField.default(false),
  numeroVertCalledAt: dateField("Date d'appel au numéro vert").optional().or(z.literal("").transform(() => undefined)),
};

function numeroVertDate<T extends { numeroVert: boolean; numeroVertCalledAt?: Date }>(v: T, ctx: z.RefinementCtx) {
  if (v.numeroVert && !v.numeroVertCalledAt) {
    ctx.addIssue({ code: "custom", path: ["numeroVertCalledAt"], message: "Indiquez la date de l'appel au numéro vert." });
  }
}

export const createCompanySchema = z
  .object({ ...companyFields, platformId: z.string().uuid("Plateforme invalide.").optional().or(z.literal("").transform(() => undefined)) })
  .superRefine(numeroVertDate);
export type CreateCompanyInput = z.infer<typeof createCompanySchema>;

export const updateCompanySchema = z.object({ ...companyFields, version: versionField }).superRefine(numeroVertDate);
export type UpdateCompanyInput = z.infer<typeof updateCompanySchema>;

export const contactFields = {
  lastName: requiredText("Nom", 100),
  firstName: optionalText(100),
  jobTitle: optionalText(150),
  proAddress: optionalText(300),
  proEmail: emailField,
  proPhone: phoneField,
};
export const createContactSchema = z.object(contactFields);
export type CreateContactInput = z.infer<typeof createContactSchema>;
export const updateContactSchema = z.object({ ...contactFields, version: versionField });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const companyListQuerySchema = cursorQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sector: z.string().trim().max(100).optional(),
  headcountBand: z.enum(HEADCOUNT_BANDS).optional(),
  numeroVert: z.enum(["true", "false"]).optional(),
  /** Companies not contacted for at least N months (0 = never contacted). */
  noContactMonths: z.coerce.number().int().min(0).max(120).optional(),
  hasOpenOffers: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "-name", "lastContact", "-lastContact", "city", "-city"]).default("name"),
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

export const companySummarySchema = z.object({
  id: z.string().uuid(),
  platform: z.string(),
  siret: z.string(),
  name: z.string(),
  sector: z.string().nullable(),
  city: z.string().nullable(),
  numeroVert: z.boolean(),
  openOffers: z.number().int(),
  lastContactAt: instantOut("Dernier contact").nullable(),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const companySchema = z.object({
  id: z.string().uuid(),
  platformId: z.string().uuid(),
  platform: z.string(),
  siret: z.string(),
  siren: z.string(),
  name: z.string(),
  nafCode: z.string().nullable(),
  sector: z.string().nullable(),
  headcountBand: z.enum(HEADCOUNT_BANDS).nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  city: z.string().nullable(),
  numeroVert: z.boolean(),
  numeroVertCalledAt: instantOut().nullable(),
  lastContactAt: instantOut("Dernier contact").nullable(),
  version: z.number().int(),
});
export type CompanyDto = z.infer<typeof companySchema>;

export const contactSchema = z.object({
  id: z.string().uuid(),
  companyId: z.string().uuid(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  proAddress: z.string().nullable(),
  proEmail: z.string().nullable(),
  proPhone: z.string().nullable(),
  version: z.number().int(),
});
export type ContactDto = z.infer<typeof contactSchema>;
