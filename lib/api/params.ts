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

export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}

/** For pages: a malformed id and an out-of-scope record both read as "not found" (null). */
export async function loadOrNull<T>(id: string, load: (id: string) => Promise<T>): Promise<T | null> {
  if (!isUuid(id)) return null;
  try {
    return await load(id);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
