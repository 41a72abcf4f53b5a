import "server-only";
// Started by instrumentation.ts in each Node.js server instance.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startScheduler } from "@/lib/jobs/scheduler";
import { logger } from "@/lib/logger";

export async function startJobsInThisInstance(): Promise<void> {
  if (!env.JOBS_ENABLED || !env.DATABASE_URL) return;
  try {
    const scheduler = await startScheduler(db, { databaseUrl: env.DATABASE_URL });
    // Stop the job queue first when the server is asked to stop (before the database goes).
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void scheduler.stop().catch(() => undefined));
  } catch (err) {
    // The application still serves requests; the jobs start again with the next instance start.
    logger.error({ err }, "scheduler failed to start");
  }
}
