import "server-only";
// scopeFor() speaks Prisma `where`; the accent-insensitive search needs SQL. This translates the
// few shapes scopeFor returns, and refuses anything else (fail closed): a new shape must be added
// here on purpose. Results are filtered by the Prisma scope a second time anyway.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ScopeWhere } from "@/lib/authz/policy";
import { likeLiteral } from "@/lib/search/like";

export function sqlScope(scope: ScopeWhere, alias: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const keys = Object.keys(scope);
  if (keys.length === 0) return Prisma.sql`TRUE`;
  if (keys.length === 1) {
    const [key] = keys as [string];
    const value = scope[key] as unknown;
    if ((key === "platformId" || key === "id") && isIn(value)) {
      return value.in.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`${col(key)} = ANY(${value.in}::uuid[])`;
    }
    if (key === "referentId" && typeof value === "string") return Prisma.sql`${col(key)} = ${value}::uuid`;
  }
  throw new Error(`Search scope not translatable to SQL: ${JSON.stringify(scope)}`);
}

function isIn(v: unknown): v is { in: string[] } {
  return typeof v === "object" && v !== null && Object.keys(v).length === 1 && Array.isArray((v as { in?: unknown }).in);
}

/** A LIKE pattern matching `q` anywhere, wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${likeLiteral(q.toLowerCase())}%`;
}
