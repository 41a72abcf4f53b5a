import "server-only";
// Runs the scheduled jobs with pg-boss on the application's PostgreSQL. Every instance starts a
// scheduler; pg-boss elects one sender per cron tick (singleton per minute) and hands each job to
// exactly one worker (SKIP LOCKED), so a job runs once whatever the number of instances.
import os from "node:os";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { JOBS, type JobDefinition } from "@/lib/jobs/registry";
import { logger } from "@/lib/logger";

export const JOB_TIMEZONE = env.JOBS_TIMEZONE;

export function instanceName(): string {
  return env.INSTANCE_NAME ?? `${os.hostname()}:${process.pid}`;
}

/** Runs one job now and records the run (JobRun): start, end, counts or error. */
export async function runJob(db: Db, job: JobDefinition, instance = instanceName(), now = new Date()): Promise<void> {
  const run = await db.jobRun.create({ data: { name: job.name, instance, startedAt: now }, select: { id: true } });
  const log = logger.child({ job: job.name, instance });
  log.info("job started");
  try {
    const result = await job.handler({ db, now });
    await db.jobRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), ok: true, result } });
    log.info({ result }, "job finished");
  } catch (err) {
    await db.jobRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), ok: false, result: { error: err instanceof Error ? err.message : String(err) } as Prisma.InputJsonValue } });
    log.error({ err }, "job failed");
    throw err;
  }
}

/** PostgreSQL's "terminating connection due to administrator command" and connection loss at shutdown. */
export function isShutdownError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === "57P01" || e?.code === "57P02" || e?.code === "57P03" || /Connection terminated|administrator command/i.test(e?.message ?? "");
}

export interface SchedulerOptions {
  databaseUrl: string;
  jobs?: JobDefinition[];
  /** Seconds between cron checks (tests use 1 to see a tick quickly). */
  cronCheckSeconds?: number;
  instance?: string;
}

export async function startScheduler(db: Db, opts: SchedulerOptions): Promise<{ stop: () => Promise<void> }> {
  const jobs = opts.jobs ?? JOBS;
  const instance = opts.instance ?? instanceName();
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    schema: "pgboss",
    max: 3,
    cronMonitorIntervalSeconds: opts.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: opts.cronCheckSeconds ?? 5,
  });
  let stopping = false;
  boss.on("error", (err) => {
    // The database going away under a stop (Ctrl-C reaches PostgreSQL too): one line, not a stack per connection.
    if (isShutdownError(err)) {
      if (!stopping) logger.info({ instance }, "job queue stopped: the database is shutting down");
      stopping = true;
      return;
    }
    logger.error({ err, instance }, "pg-boss error");
  });
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: JOB_TIMEZONE });
    await boss.work(job.name, { pollingIntervalSeconds: opts.cronCheckSeconds ?? 2 }, async () => {
      await runJob(db, job, instance);
    });
  }
  logger.info({ instance, jobs: jobs.map((j) => j.name) }, "scheduler started");
  return {
    stop: () => {
      stopping = true;
      return boss.stop({ graceful: true, wait: true });
    },
  };
}
