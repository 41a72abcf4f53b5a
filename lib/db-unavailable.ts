// Is this error « the database cannot be reached right now » (try again) rather than a bug? Issue 16,
// reliability: during a PostgreSQL restart the API answered 500; it must answer 503 with Retry-After,
// and an idempotent read is retried once. Recognises Prisma's connection codes, the pg driver
// adapter's kinds, PostgreSQL's shutdown / cannot-connect SQLSTATEs and the socket errors, anywhere
// in the error's cause chain. No "server-only": scripts (load test) classify with it too.

/** Prisma: can't reach (P1001), timed out (P1002, P1008), closed (P1017), pool timeout (P2024). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** @prisma/adapter-pg error kinds for a connection problem. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
/** Class 08 (connection exception), 57P01–57P03 (admin / crash shutdown, cannot connect now), 53300 (too many connections). */
const SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;
const SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const MESSAGES = /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length > 0) {
    const e = stack.pop();
    if (!e || typeof e !== "object" || seen.has(e) || seen.size > 20) continue;
    seen.add(e);
    const x = e as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown; driverAdapterError?: unknown };
    if (typeof x.code === "string" && (PRISMA_CODES.has(x.code) || SQLSTATE.test(x.code) || SOCKET.has(x.code))) return true;
    if (typeof x.originalCode === "string" && SQLSTATE.test(x.originalCode)) return true;
    if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return true;
    if (typeof x.message === "string" && MESSAGES.test(x.message)) return true;
    stack.push(x.cause, x.meta, x.driverAdapterError);
  }
  return false;
}

/** Seconds a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Pauses between the tries of a read whose database connection failed: a fast PostgreSQL restart
 * takes 0.3–0.4 s (`npm run load`), so the third try at the latest lands after it; a longer outage
 * ends in the error (the API's 503, the application server's outage page for the next page requests).
 */
export const READ_RETRY_DELAYS_MS = [250, 500, 1000] as const;

/** Runs a read again while the database is unreachable (never a write: it may have been applied). */
export async function retryRead<T>(fn: () => Promise<T>, onUnavailable: () => void = () => undefined): Promise<T> {
  for (const delay of READ_RETRY_DELAYS_MS) {
    try {
      return await fn();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      onUnavailable();
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  return fn();
}
