import "server-only";
// The one wrapper for server actions: requires a permission, validates FormData with the same zod
// schema as the form, and returns field-level French errors instead of throwing.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { can, denialMessage, type Action } from "@/lib/authz/policy";
import { AppError, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { zodFieldErrors } from "@/lib/validation";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fields?: FieldErrors };

/**
 * Rich forms (lists, nested rows) post their values as one JSON field "__json"; plain forms post
 * fields, where a repeated name (checkbox group) becomes a list.
 */
function formDataInput(formData: FormData): unknown {
  const json = formData.get("__json");
  if (typeof json === "string") {
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return null;
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function serverAction<S extends z.ZodType, T>(
  opts: { permission: Action; schema: S },
  handler: (user: CurrentUser, input: z.infer<S>) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Votre session a expiré. Reconnectez-vous." };
    if (!can(user, opts.permission)) return { ok: false, message: denialMessage(opts.permission) ?? "Vous n'avez pas le droit d'effectuer cette action." };
    const parsed = opts.schema.safeParse(formDataInput(formData));
    if (!parsed.success) return { ok: false, message: "Certains champs sont invalides.", fields: zodFieldErrors(parsed.error) };
    try {
      return { ok: true, data: await handler(user, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, message: err.message, fields: err.fields };
      const errorId = randomUUID();
      logger.error({ err, errorId, userId: user.id }, "server action failed");
      return { ok: false, message: `Erreur interne. Référence : ${errorId}` };
    }
  };
}
