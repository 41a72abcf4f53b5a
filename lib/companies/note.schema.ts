import { z } from "zod";
import { dateField, requiredText } from "@/lib/fields.schema";

export const INTERACTION_KINDS = ["APPEL", "EMAIL", "RENCONTRE", "NOTE"] as const;
export const INTERACTION_LABELS: Record<(typeof INTERACTION_KINDS)[number], string> = { APPEL: "Appel", EMAIL: "E-mail", RENCONTRE: "Rencontre", NOTE: "Note" };

export const createNoteSchema = z.object({
  kind: z.enum(INTERACTION_KINDS, { error: "Type d'échange inconnu." }),
  at: dateField("Date"),
  summary: requiredText("Résumé", 2000),
});
export type CreateNoteInput = z.infer<typeof createNoteSchema>;
