import "server-only";
// Server actions reachable without a session (set a password through a link, forgotten password):
// same validation and error mapping as serverAction(), plus the caller's IP for the audit log.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { requestAddress } from "@/lib/security/client-address";
import { zodFieldErrors } from "@/lib/validation";

export async function callerIp(): Promise<string> {
  const h = await headers();
  return requestAddress((name) => h.get(name));
}

export function publicAction<S extends z.ZodType, T>(opts: { schema: S }, handler: (input: z.infer<S>, ip: string) => Promise<T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const parsed = opts.schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Certains champs sont invalides.", fields: zodFieldErrors(parsed.error) };
    try {
      return { ok: true, data: await handler(parsed.data, await callerIp()) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, message: err.message, fields: err.fields };
      const errorId = randomUUID();
      logger.error({ err, errorId }, "public action failed");
      return { ok: false, message: `Erreur interne. Référence : ${errorId}` };
    }
  };
}
