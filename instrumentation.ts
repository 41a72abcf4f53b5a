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
