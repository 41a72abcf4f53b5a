// Prisma client factory without "server-only", so scripts (migrations, seed, bench) can use it.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export interface ClientOptions {
  /**
   * Issue 16: a page already rendering when PostgreSQL restarts cannot answer 503 any more, so a
   * statement that only reads is run again (lib/db-unavailable.ts `retryRead`) instead of turning the
   * page into a 500. Given here, the retry wraps the driver adapter's outside-transaction `queryRaw`
   * for statements that begin with SELECT — a plain function call per statement, where a Prisma query
   * extension cost 2.4 ms of Node CPU per list request (docs/performance.md). Writes (INSERT … RETURNING,
   * `$executeRaw`, among them the audit append) and transactions are never retried.
   */
  retryRead?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** A statement that only reads: SELECT first (after comments and spaces), no locking clause. */
export function isPlainSelect(sql: string): boolean {
  const text = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, "");
  return /^select\b/i.test(text) && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text);
}

export function createPrismaClient(connectionString: string, max = 10, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max, allowExitOnIdle: true });
  const retry = options.retryRead;
  if (retry) {
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connected = await connect();
      const queryRaw = connected.queryRaw.bind(connected);
      connected.queryRaw = (query: SqlQuery) => (isPlainSelect(query.sql) ? retry(() => queryRaw(query)) : queryRaw(query));
      return connected;
    };
  }
  return new PrismaClient({ adapter });
}
