// Input of the admin use case "add a rule-set version" (API and form). The payload itself is
// validated by the schema of its kind (rule-set.schema.ts) in the service.
import { z } from "zod";
import { dayOut, instantOut } from "@/lib/api/common.schema";

export const RULE_SET_KINDS = ["REGION_FRAMEWORK", "FRANCE_TRAVAIL", "DEADLINES", "RETENTION", "OPERATIONS"] as const;

export const RULE_SET_KIND_LABELS: Record<(typeof RULE_SET_KINDS)[number], string> = {
  REGION_FRAMEWORK: "Cadre d'intervention Région",
  FRANCE_TRAVAIL: "Convention France Travail",
  DEADLINES: "Délais",
  RETENTION: "Durées de conservation",
  OPERATIONS: "Paramètres de fonctionnement",
};

export const createRuleSetSchema = z.object({
  kind: z.enum(RULE_SET_KINDS, { error: "Choisissez le type de jeu de règles." }),
  validFrom: z.iso.date("Date au format AAAA-MM-JJ."),
  note: z.string().trim().min(3, "Expliquez le changement (3 caractères au moins).").max(500, "500 caractères au plus."),
  payload: z.unknown(),
});
export type CreateRuleSetInput = z.infer<typeof createRuleSetSchema>;

/** The form sends the payload as JSON text. */
export const createRuleSetFormSchema = z
  .object({
    kind: createRuleSetSchema.shape.kind,
    validFrom: createRuleSetSchema.shape.validFrom,
    note: createRuleSetSchema.shape.note,
    payloadJson: z.string().min(2, "Contenu JSON requis."),
  })
  .transform(({ payloadJson, ...rest }, ctx) => {
    try {
      return { ...rest, payload: JSON.parse(payloadJson) as unknown };
    } catch {
      ctx.addIssue({ code: "custom", path: ["payloadJson"], message: "JSON invalide." });
      return z.NEVER;
    }
  });

export const ruleSetListQuerySchema = z.object({ kind: z.enum(RULE_SET_KINDS).optional() });

export const ruleSetSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RULE_SET_KINDS),
  version: z.number().int(),
  validFrom: dayOut("Premier jour d'application"),
  validTo: z.string().nullable(),
  payload: z.unknown(),
  note: z.string().nullable(),
  createdAt: instantOut(),
});
