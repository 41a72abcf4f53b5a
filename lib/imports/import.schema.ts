import { z } from "zod";

const mappingJson = z
  .string()
  .max(5_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Correspondance des colonnes illisible." });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().max(50), z.number().int().min(0).max(500)));

export const previewFieldsSchema = z.object({ mapping: mappingJson.optional() });
export const runFieldsSchema = z.object({
  mapping: mappingJson,
  duplicateMode: z.enum(["UPDATE", "SKIP"], { error: "Choisissez que faire des SIRET déjà connus." }),
});
