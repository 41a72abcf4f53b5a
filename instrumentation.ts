// Next.js calls register() once when a server instance starts: refuse a production server that the
// application server did not start (`next start` would serve pages without CSP), then start the
// scheduled jobs.
export async function register() {
  // Must be the literal `process.env.NEXT_RUNTIME`: Next.js replaces it at build time, which keeps
  // the Node-only job code (pg-boss, argon2, pg) out of the edge bundle. lib/env.ts cannot do that.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertStartedByAppServer } = await import("@/lib/security/app-server-mark");
    try {
      // eslint-disable-next-line no-restricted-syntax
      assertStartedByAppServer({ nodeEnv: process.env.NODE_ENV, phase: process.env.NEXT_PHASE });
    } catch (err) {
      // Thrown, `next start` would log it and stay up answering 500 to every request: stop instead.
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
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
