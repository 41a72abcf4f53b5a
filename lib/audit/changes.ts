// The "what changed" part of an audit event: field → { from, to }. Personal fields are listed by
// name only, so the audit log (kept longer than the data) never becomes a copy of personal data.
import type { Prisma } from "@/lib/generated/prisma/client";

type Plain = string | number | boolean | null;

function plain(v: unknown): Plain {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === "object") return JSON.stringify(v);
  return v as Plain;
}

export const REDACTED = "[donnée personnelle]";

/** Fields of `after` whose value differs from `before`; keys absent from `after` are unchanged. */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  redact: readonly string[] = [],
): Prisma.InputJsonObject {
  const out: Record<string, { from: Plain; to: Plain }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const from = plain(before?.[key]);
    const to = plain(value);
    if (before && from === to) continue;
    out[key] = redact.includes(key) ? { from: before && from !== null ? REDACTED : null, to: to === null ? null : REDACTED } : { from, to };
  }
  return out;
}
