// pg-boss job runner. pg-boss keeps its tables in its own `pgboss` schema, outside Prisma's.
// Every queue uses the `singleton` policy: PostgreSQL's unique index on active jobs guarantees
// that, however many app or worker instances run, one job of a kind runs at a time; pg-boss's
// cron also creates one job per tick across instances.
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { JOBS, type JobDefinition } from "@/lib/jobs/registry";
import type { JobSchedule } from "@/lib/jobs/schedules";
import { logger } from "@/lib/logger";

export interface RunnerOptions {
  connectionString: string;
  db: Db;
  timezone: string;
  schedules: JobSchedule[];
  jobs?: readonly JobDefinition<never>[];
  pollingIntervalSeconds?: number;
}

export async function startJobRunner(opts: RunnerOptions): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: opts.connectionString, schema: "pgboss", max: 3 });
  boss.on("error", (err) => logger.error({ err }, "pg-boss error"));
  await boss.start();
  for (const job of opts.jobs ?? JOBS) {
    // The retention run can take long on a large base; it resumes anyway if cut short.
    await boss.createQueue(job.name, { name: job.name, policy: "singleton", expireInHours: 6, retryLimit: 2, retryDelay: 600 });
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10, batchSize: 1 }, async ([j]) => {
      const log = logger.child({ job: job.name, jobId: j!.id });
      const data = job.schema.parse(j!.data ?? {});
      log.info("job started");
      const result = await job.handler(opts.db, data as never);
      log.info({ result }, "job finished");
      return result;
    });
  }
  for (const s of opts.schedules) {
    await boss.schedule(s.job, s.cron, s.data, { tz: opts.timezone });
  }
  return boss;
}
