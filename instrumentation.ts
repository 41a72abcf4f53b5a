// Next.js calls register() once when a server instance starts: start the scheduled jobs there.
export async function register() {
  const { env } = await import("@/lib/env");
  if (env.NEXT_RUNTIME !== "nodejs" || !env.JOBS_ENABLED || !env.DATABASE_URL) return;
  const [{ startScheduler }, { db }, { logger }] = await Promise.all([import("@/lib/jobs/scheduler"), import("@/lib/db"), import("@/lib/logger")]);
  try {
    await startScheduler(db, { databaseUrl: env.DATABASE_URL });
  } catch (err) {
    // The application still serves requests; the jobs are retried at the next start.
    logger.error({ err }, "scheduler failed to start");
  }
}
