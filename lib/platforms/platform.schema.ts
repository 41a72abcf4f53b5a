import { z } from "zod";
import { dayOut } from "@/lib/api/common.schema";
import { isValidSiret } from "@/lib/rules/siret.rules";
import { versionField } from "@/lib/fields.schema";

export const CARRYING_STRUCTURE_TYPES = ["EPCI", "ASSOCIATION", "GIP", "CHAMBRE_CONSULAIRE", "AUTRE"] as const;
export const CARRYING_STRUCTURE_LABELS: Record<(typeof CARRYING_STRUCTURE_TYPES)[number], string> = {
  EPCI: "EPCI (intercommunalité)",
  ASSOCIATION: "Association",
  GIP: "Groupement d'intérêt public",
  CHAMBRE_CONSULAIRE: "Chambre consulaire",
  AUTRE: "Autre",
};

const toArray = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== "");
/** Codes typed in a text area: separated by spaces, commas, semicolons or new lines. */
const codeList = (v: unknown) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : toArray(v));
const lines = (v: unknown) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : toArray(v));
const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, `${max} caractères au plus.`).optional());
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date({ error: "Date invalide (AAAA-MM-JJ)." }).optional());

export const platformInputSchema = z
  .object({
    name: z.string().trim().min(2, "Indiquez le nom de la plateforme.").max(120, "120 caractères au plus."),
    carryingStructureName: z.string().trim().min(2, "Indiquez la structure porteuse.").max(200, "200 caractères au plus."),
    carryingStructureType: z.enum(CARRYING_STRUCTURE_TYPES, { error: "Choisissez la forme juridique." }),
    carryingStructureSiret: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s/g, "") || undefined : v),
      z.string().regex(/^\d{14}$/, "Le SIRET compte 14 chiffres.").refine(isValidSiret, "Ce SIRET n'est pas valide (clé de contrôle).").optional(),
    ),
    hostingPlace: optionalText(200),
    /** Issue 22 §7: the carrying structure's DPO (processor), due within 15 days of notification; shown on the register. */
    dpoContact: optionalText(300),
    employmentZone: optionalText(200),
    epciCodes: z.preprocess(toArray, z.array(z.string().regex(/^\d{9}$/, "Code EPCI invalide.")).max(50)),
    communeCodes: z.preprocess(codeList, z.array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/, "Code INSEE de commune invalide (5 caractères).")).max(2000)),
    companyCount: z.coerce.number({ error: "Nombre attendu." }).int("Nombre entier attendu.").min(0, "Nombre positif attendu.").max(10_000_000),
    staffEtp: z.coerce.number({ error: "Nombre attendu." }).min(0, "Nombre positif attendu.").max(999, "999 au plus.").multipleOf(0.01, "Deux décimales au plus."),
    conventionStartDate: optionalDate,
    conventionEndDate: optionalDate,
    notificationDate: optionalDate,
    coPresidents: z.preprocess(lines, z.array(z.string().max(200, "200 caractères au plus par ligne.")).max(6, "6 coprésident·es au plus.")),
  })
  .refine((p) => p.epciCodes.length + p.communeCodes.length > 0, { path: ["communeCodes"], message: "Choisissez au moins un EPCI ou une commune." })
  .refine((p) => !p.conventionStartDate || !p.conventionEndDate || p.conventionStartDate <= p.conventionEndDate, {
    path: ["conventionEndDate"],
    message: "La fin de la convention ne peut précéder son début.",
  });
export type PlatformInput = z.infer<typeof platformInputSchema>;

export const platformUpdateSchema = platformInputSchema.and(z.object({ version: versionField }));

export const platformDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  carryingStructureName: z.string(),
  carryingStructureType: z.enum(CARRYING_STRUCTURE_TYPES),
  carryingStructureSiret: z.string().nullable(),
  hostingPlace: z.string().nullable(),
  dpoContact: z.string().nullable(),
  employmentZone: z.string().nullable(),
  perimeterInseeCodes: z.array(z.string()),
  population: z.number(),
  companyCount: z.number(),
  staffEtp: z.number(),
  conventionStartDate: dayOut().nullable(),
  conventionEndDate: dayOut().nullable(),
  notificationDate: dayOut().nullable(),
  coPresidents: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
});
export type PlatformDto = z.infer<typeof platformDtoSchema>;
