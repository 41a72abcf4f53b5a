// `npm run jobs`: the background worker (retention, …). Run one or more next to the web app:
// pg-boss's singleton queues make extra instances safe (see lib/jobs/runner.ts).
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/db-client";
import { startJobRunner } from "@/lib/jobs/runner";
import { schedules } from "@/lib/jobs/schedules";
import { logger } from "@/lib/logger";
import { resolveDatabaseUrl } from "@/scripts/lib/database";

const handle = await resolveDatabaseUrl({ quiet: true });
const db = createPrismaClient(handle.url);
const boss = await startJobRunner({ connectionString: handle.url, db, timezone: env.JOBS_TIMEZONE, schedules: schedules(env) });
logger.info({ timezone: env.JOBS_TIMEZONE, schedules: schedules(env) }, "job worker started");

async function shutdown() {
  await boss.stop({ graceful: true, timeout: 30_000 });
  await db.$disconnect();
  await handle.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
