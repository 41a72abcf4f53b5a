// The objectives form (one schema for the form and the server): a target per indicator, empty = none.
import { z } from "zod";
import { OBJECTIVE_KEYS } from "@/lib/objectives/objective.rules";

export const objectiveYearSchema = z.coerce.number().int("Année invalide").min(2020, "Année invalide").max(2100, "Année invalide");

export const saveObjectivesSchema = z.object({
  platformId: z.uuid("Plateforme invalide"),
  year: objectiveYearSchema,
  targets: z
    .record(z.string(), z.union([z.null(), z.coerce.number({ error: "Nombre entier attendu" }).int("Nombre entier attendu").min(0, "La cible ne peut être négative").max(1_000_000, "Cible trop grande")]))
    .refine((r) => Object.keys(r).every((k) => OBJECTIVE_KEYS.has(k)), "Indicateur inconnu"),
  /** The version each existing objective was read at (optimistic locking). */
  versions: z.record(z.string(), z.number().int()).default({}),
  /** A signed Région convention's indicators change only under an amendment recorded on its file (its history event's id). */
  amendmentEventId: z.uuid("Avenant invalide").optional(),
});
export type SaveObjectivesInput = z.infer<typeof saveObjectivesSchema>;


export const objectivesApiQuerySchema = z.object({ platformId: z.uuid("Plateforme invalide").optional(), year: objectiveYearSchema });

export const objectivesViewSchema = z.object({
  year: z.number(),
  provisional: z.boolean(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), target: z.number(), achieved: z.number(), percent: z.number(), met: z.boolean() })),
  versions: z.record(z.string(), z.number()),
});
