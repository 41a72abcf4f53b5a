// One "app instance" for the multi-instance test: its own process, its own connection pools, the
// project's scheduler and login code, driven over IPC by the test. Run with
// `node --conditions=react-server --import tsx` (server-only modules load as on the server).
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { env, processEnv } from "@/lib/env";
import { JOBS, type JobDefinition } from "@/lib/jobs/registry";
import { startScheduler } from "@/lib/jobs/scheduler";

/** A job every minute that only records its run: what matters is how many times it runs. */
const TICK: JobDefinition = { name: "test-tick", cron: "* * * * *", description: "test", handler: async () => ({ ticks: 1 }) };

/**
 * INSTANCE_JOBS=circuit-court-reminders: the project's own reminders job (its real handler), every
 * minute instead of 9 h so that a test sees a tick; otherwise the recording job above.
 */
function jobs(): JobDefinition[] {
  const name = processEnv().INSTANCE_JOBS ?? "test-tick";
  if (name === "test-tick") return [TICK];
  const job = JOBS.find((j) => j.name === name);
  if (!job) throw new Error(`INSTANCE_JOBS inconnu : ${name}`);
  return [{ ...job, cron: "* * * * *" }];
}

const scheduler = await startScheduler(db, { databaseUrl: env.DATABASE_URL!, jobs: jobs(), cronCheckSeconds: 1, instance: env.INSTANCE_NAME });

process.on("message", async (msg: { id: number; cmd: "login" | "stop"; email?: string; password?: string; ip?: string }) => {
  if (msg.cmd === "stop") {
    await scheduler.stop();
    await db.$disconnect();
    process.send?.({ id: msg.id, result: "stopped" }, () => process.exit(0));
    return;
  }
  try {
    const user = await authorizeCredentials({ email: msg.email, password: msg.password }, msg.ip ?? "10.9.9.9");
    process.send?.({ id: msg.id, result: user ? "ok" : "refused" });
  } catch (err) {
    process.send?.({ id: msg.id, result: err instanceof Error ? err.message : String(err) });
  }
});
process.send?.({ id: 0, result: "ready" });
