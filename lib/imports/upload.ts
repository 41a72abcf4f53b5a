import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { UnprocessableError, ValidationError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/imports/read-table";
import { zodFieldErrors } from "@/lib/validation";

/** Reads a multipart upload: the file (field "file") and the other fields, validated by `schema`. */
export async function readUpload<S extends z.ZodType>(req: NextRequest, schema: S): Promise<{ buffer: Buffer; fileName: string; fields: z.infer<S> }> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 1_000_000) throw new UnprocessableError("Le fichier est trop volumineux.", { file: ["Fichier trop volumineux."] });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ValidationError({ file: ["Envoyez le fichier en multipart/form-data (champ « file »)."] });
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new ValidationError({ file: ["Choisissez un fichier CSV ou XLSX."] });
  const rest = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string"));
  const parsed = schema.safeParse(rest);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  // The name is only displayed and recorded, never used as a path.
  const fileName = file.name.replace(/[^\p{L}\p{N} ._-]/gu, "_").slice(0, 200) || "fichier";
  return { buffer: Buffer.from(await file.arrayBuffer()), fileName, fields: parsed.data };
}
