import "server-only";
// The policy's scope in SQL. scopeFor() (policy.ts) speaks Prisma `where`; the statements written in
// SQL (accent-insensitive search, lists and details whose JSON PostgreSQL writes) need the same limit.
// This translates the few shapes scopeFor returns. Any other shape is a programming error (a new
// shape added to scopeFor and not here): it fails closed, like the policy everywhere else — the
// condition matches nothing, so the caller reads "no record" (a list is empty, a record is not found)
// rather than answering 500 — and it is logged as an error so that the gap is seen and fixed.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ScopeWhere } from "@/lib/authz/policy";
import { logger } from "@/lib/logger";

/** The SQL condition limiting the rows of `alias` to `scope` (a scopeFor() result). */
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
  // Only the keys are logged: the values are ids of platforms and people.
  logger.error({ scopeKeys: keys, alias }, "Périmètre non traduisible en SQL : la requête ne renvoie aucune ligne (à ajouter à sqlScope).");
  return Prisma.sql`FALSE`;
}

function isIn(v: unknown): v is { in: string[] } {
  return typeof v === "object" && v !== null && Object.keys(v).length === 1 && Array.isArray((v as { in?: unknown }).in) && (v as { in: unknown[] }).in.every((x) => typeof x === "string");
}
