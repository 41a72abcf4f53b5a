// Next.js calls register() once when a server instance starts: start the scheduled jobs there.
export async function register() {
  // Must be the literal `process.env.NEXT_RUNTIME`: Next.js replaces it at build time, which keeps
  // the Node-only job code (pg-boss, argon2, pg) out of the edge bundle. lib/env.ts cannot do that.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobsInThisInstance } = await import("@/lib/jobs/start");
    await startJobsInThisInstance();
  }
}

/**
 * Next.js calls this for an error it could not hand to a route (a page that threw while rendering).
 * A page that failed because the database is unreachable makes the next page requests check the
 * database first and answer a French 503 while it is down (lib/http/database-outage-page.ts).
 */
export async function onRequestError(err: unknown) {
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ isDatabaseUnavailable }, { noteDatabaseUnavailable }] = await Promise.all([import("@/lib/db-unavailable"), import("@/lib/http/database-outage-page")]);
    if (isDatabaseUnavailable(err)) noteDatabaseUnavailable();
  }
}
