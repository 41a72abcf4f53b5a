"use client";
// Glue between react-hook-form (client-side zod validation) and a server action (the same zod
// schema again on the server): field errors from the server land on the same fields.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/action";

export function toFormData(values: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((item) => fd.append(k, String(item)));
    else if (v instanceof Date) fd.append(k, v.toISOString());
    else fd.append(k, String(v));
  }
  return fd;
}

/** Rich forms (lists, nested rows) travel as one JSON field, parsed by serverAction(). */
export function toJsonFormData(values: unknown): FormData {
  const fd = new FormData();
  fd.append("__json", JSON.stringify(values));
  return fd;
}

/** Puts server field errors on the form; returns the message to show above it (or null). */
export function applyServerResult<T extends FieldValues, R>(result: ActionResult<R>, setError: UseFormSetError<T>): string | null {
  if (result.ok) return null;
  for (const [field, messages] of Object.entries(result.fields ?? {})) {
    if (field !== "_" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return result.message;
}
