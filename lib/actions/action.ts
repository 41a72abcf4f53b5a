import "server-only";
// The one wrapper for server actions: requires a permission, validates FormData with the same zod
// schema as the form, and returns field-level French errors instead of throwing.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { can, type Action } from "@/lib/authz/policy";
import { AppError, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { zodFieldErrors } from "@/lib/validation";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fields?: FieldErrors };

/** A field sent several times (a group of checkboxes) becomes an array; any other stays a string. */
function formValues(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
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
    if (!can(user, opts.permission)) return { ok: false, message: "Vous n'avez pas le droit d'effectuer cette action." };
    const parsed = opts.schema.safeParse(formValues(formData));
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
