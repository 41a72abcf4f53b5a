"use client";
// Forms validate with the shared zod schema (zodResolver), then call the /api/v1 route that
// validates again with the same schema. Field errors come back on their fields; a 409 offers a reload.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields?: Record<string, string[]> };

export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<ApiOutcome<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: body === undefined ? undefined : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, message: "Le serveur est injoignable. Vérifiez votre connexion et réessayez." };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  const json = (await res.json().catch(() => null)) as { error?: { message: string; fields?: Record<string, string[]> } } | null;
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, status: res.status, message: json?.error?.message ?? "Erreur inattendue.", fields: json?.error?.fields };
}

/** Puts the server's field errors on the form's fields; returns true when at least one matched. */
export function applyFieldErrors<F extends FieldValues>(fields: Record<string, string[]> | undefined, setError: UseFormSetError<F>, known: readonly string[]): boolean {
  let matched = false;
  for (const [name, messages] of Object.entries(fields ?? {})) {
    if (known.includes(name) && messages[0]) {
      setError(name as Path<F>, { type: "server", message: messages[0] });
      matched = true;
    }
  }
  return matched;
}

/** @deprecated Import FormAlert from `@/components/ui/form-alert` (re-exported here for older imports). */
export { FormAlert } from "@/components/ui/form-alert";
