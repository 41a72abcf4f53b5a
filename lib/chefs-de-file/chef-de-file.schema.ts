import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { pageQuerySchema } from "@/lib/validation";

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).optional();

export const chefDeFileListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sector: z.string().trim().max(100).optional(),
  active: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "-name", "sector", "-sector", "since", "-since"]).default("name"),
});
export type ChefDeFileListQuery = z.infer<typeof chefDeFileListQuerySchema>;

export const chefDeFileSummarySchema = z.object({
  id: z.string().uuid(),
  platform: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  sector: z.string(),
  companyId: z.string().uuid().nullable(),
  companyName: z.string().nullable(),
  active: z.boolean(),
  since: instantOut("Chef de file depuis (jour, à minuit UTC)").nullable(),
  eventCount: z.number().int(),
});
export type ChefDeFileSummary = z.infer<typeof chefDeFileSummarySchema>;

export const chefDeFileDetailSchema = z.object({
  id: z.string().uuid(),
  platform: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  proEmail: z.string().nullable(),
  proPhone: z.string().nullable(),
  sector: z.string(),
  commitments: z.string().nullable(),
  since: instantOut("Chef de file depuis (jour, à minuit UTC)").nullable(),
  active: z.boolean(),
  company: z.object({ id: z.string().uuid(), name: z.string(), city: z.string().nullable() }).nullable(),
  events: z.array(z.object({ id: z.string().uuid(), title: z.string(), date: instantOut(), kind: z.string(), status: z.string() })),
  version: z.number().int(),
});
export type ChefDeFileDetail = z.infer<typeof chefDeFileDetailSchema>;

/** Professional contact data only (annex 1: no personal address, no personal phone). */
const chefDeFileFields = z.object({
  firstName: text(100),
  lastName: z.string().trim().min(1, "Indiquez le nom.").max(100, "100 caractères au plus."),
  jobTitle: text(120),
  proEmail: z.union([z.email("Adresse e-mail professionnelle invalide.").max(254), z.literal("")]).optional(),
  proPhone: z
    .union([z.string().trim().regex(/^\+?[0-9 .-]{10,20}$/, "Numéro de téléphone professionnel invalide."), z.literal("")])
    .optional(),
  sector: z.string().trim().min(1, "Indiquez la filière.").max(100, "100 caractères au plus."),
  companyId: z.union([z.string().uuid("Entreprise invalide."), z.literal("")]).optional(),
  commitments: text(2000),
  since: z.union([z.iso.date({ error: "Date invalide (AAAA-MM-JJ)." }), z.literal("")]).optional(),
  active: z.boolean(),
});

export const chefDeFileInputSchema = chefDeFileFields.extend({ active: z.boolean().default(true) });
export type ChefDeFileInput = z.output<typeof chefDeFileInputSchema>;

// Built from the fields without defaults: an absent field in a PATCH stays unchanged.
export const updateChefDeFileSchema = chefDeFileFields.partial().extend({ version: z.number().int().positive() });
export type UpdateChefDeFileInput = z.output<typeof updateChefDeFileSchema>;
