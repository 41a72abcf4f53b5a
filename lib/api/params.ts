import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

const uuid = z.string().uuid();

/** A malformed id cannot name a record: answer 404, as for a record out of scope. */
export function idParam(params: Record<string, string>, message = "Ressource introuvable."): string {
  const parsed = uuid.safeParse(params.id);
  if (!parsed.success) throw new NotFoundError(message);
  return parsed.data;
}

/** DELETE carries the version the caller saw in the query string (a DELETE has no body). */
export const versionQuerySchema = z.object({ version: z.coerce.number().int().positive({ error: "Version requise." }) });
