import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation";

/**
 * Reads a multipart upload: the file (field "file") and the other fields, validated by `schema`.
 * `formData` is the route's own reader (ApiContext.formData), bounded by the route's body limit (413).
 */
export async function readUpload<S extends z.ZodType>(formData: () => Promise<FormData | null>, schema: S): Promise<{ buffer: Buffer; fileName: string; fields: z.infer<S> }> {
  const form = await formData();
  if (!form) throw new ValidationError({ file: ["Envoyez le fichier en multipart/form-data (champ « file »)."] });
  const file = form.get("file");
  if (!(file instanceof File)) throw new ValidationError({ file: ["Choisissez un fichier CSV ou XLSX."] });
  const rest = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string"));
  const parsed = schema.safeParse(rest);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  // The name is only displayed and recorded, never used as a path.
  const fileName = file.name.replace(/[^\p{L}\p{N} ._-]/gu, "_").slice(0, 200) || "fichier";
  return { buffer: Buffer.from(await file.arrayBuffer()), fileName, fields: parsed.data };
}
