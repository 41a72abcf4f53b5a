import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, ROOT_CLIENT, type Db } from "@/lib/db-client";
import { retryRead } from "@/lib/db-unavailable";
import { Prisma } from "@/lib/generated/prisma/client";
import { noteDatabaseUnavailable } from "@/lib/http/database-outage-page";

export type { Db };
/** A Prisma client or an interactive transaction client: repositories accept either. */
export type DbOrTx = Db | Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { __db?: Db };

function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL manquant : démarrez l'application avec `npm start`, qui le fournit.");
  }
  return env.DATABASE_URL;
}

/** Lazily created so that `next build` never needs a database. */
export function getDb(): Db {
  // Reads run again while PostgreSQL restarts (issue 16; lib/db-client.ts).
  globalForDb.__db ??= createPrismaClient(databaseUrl(), 10, { retryRead: (fn) => retryRead(fn, noteDatabaseUnavailable) });
  return globalForDb.__db;
}

export const db: Db = new Proxy({} as Db, {
  has(_t, prop) {
    return prop in getDb();
  },
  get(_t, prop) {
    // The client behind this proxy: lib/rules/rule-set-cache.ts keys its copies by client, and
    // each Next.js bundle (instrumentation, routes) has its own proxy in front of the one client.
    if (prop === ROOT_CLIENT) return getDb();
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
