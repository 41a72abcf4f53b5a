import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

/** Archived people (intermediate archive, retention): who may list them and why they read one. */
export const archivedListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
});
export type ArchivedListQuery = z.infer<typeof archivedListQuerySchema>;

/** The reason typed before each reading: stored as the audit event's purpose. */
export const archivedReadReasonSchema = z
  .string({ error: "Indiquez le motif de la consultation." })
  .trim()
  .min(10, { error: "Indiquez le motif de la consultation (10 caractères au moins)." })
  .max(500, { error: "Motif trop long (500 caractères au plus)." });
