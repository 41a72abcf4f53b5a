import "server-only";
// Started by instrumentation.ts in each Node.js server instance.
import { startAuditSealer } from "@/lib/audit/audit-sealer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startScheduler } from "@/lib/jobs/scheduler";
import { logger } from "@/lib/logger";
import { startRuleSetListener } from "@/lib/rules/rule-set-cache";

export async function startJobsInThisInstance(): Promise<void> {
  if (!env.DATABASE_URL) return;
  // Rule sets in memory, dropped on every change notified by PostgreSQL (issue 18): until its LISTEN
  // is confirmed, and whenever its connection is lost, the instance reads them from the table. Its
  // socket and timers do not keep the process alive; the server's exit closes it.
  startRuleSetListener(db, env.DATABASE_URL);
  // The audit chain's sealer runs in every instance, jobs or not: events are written unsealed and
  // must be chained within a second (issue 18). The instances take turns (try-lock in audit_seal).
  // Its timer does not keep the process alive and adds no signal handler of its own (one would
  // keep Node from exiting on a signal when the scheduler is off): a process that exits in the
  // middle of a seal leaves that seal's transaction to roll back, the events wait for the next.
  const sealer = env.AUDIT_SEAL_INTERVAL_MS > 0 ? startAuditSealer(db, { intervalMs: env.AUDIT_SEAL_INTERVAL_MS }) : null;
  if (!env.JOBS_ENABLED) return;
  try {
    const scheduler = await startScheduler(db, { databaseUrl: env.DATABASE_URL });
    // Stop the job queue and the sealer first when the server is asked to stop (before the database goes).
    const stop = () => Promise.all([scheduler.stop(), sealer?.stop()]);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop().catch(() => undefined));
  } catch (err) {
    // The application still serves requests; the jobs start again with the next instance start.
    logger.error({ err }, "scheduler failed to start");
  }
}
