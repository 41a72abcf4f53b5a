// "What changed" for the audit log: field → [before, after], for the fields that differ.
type Plain = string | number | boolean | null;

function plain(v: unknown): Plain {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === "object") return JSON.stringify(v);
  return v as Plain;
}

export function diffChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): Record<string, [Plain, Plain]> {
  const changes: Record<string, [Plain, Plain]> = {};
  for (const f of fields) {
    const a = plain(before[f]);
    const b = plain(after[f]);
    if (a !== b) changes[f] = [a, b];
  }
  return changes;
}
