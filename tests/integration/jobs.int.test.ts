// The job runner on real PostgreSQL: two instances never run the same job at once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/registry";
import { startJobRunner } from "@/lib/jobs/runner";
import { schedules } from "@/lib/jobs/schedules";
import { db, resetDb } from "@/tests/support/db";

const bosses: PgBoss[] = [];
beforeEach(resetDb);
afterEach(async () => {
  await Promise.all(bosses.splice(0).map((b) => b.stop({ graceful: false, wait: true, timeout: 5_000 })));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job runner (pg-boss)", () => {
  it("runs a job kind on one instance at a time, and every job eventually", { timeout: 60_000 }, async () => {
    let active = 0;
    let maxActive = 0;
    let done = 0;
    const probe: JobDefinition<{ n: number }> = {
      name: "test-probe",
      schema: z.object({ n: z.number() }),
      handler: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(400);
        active -= 1;
        done += 1;
      },
    };
    const start = () =>
      startJobRunner({ connectionString: env.DATABASE_URL!, db, timezone: "Europe/Paris", schedules: [], jobs: [probe as unknown as JobDefinition<never>], pollingIntervalSeconds: 0.5 });
    bosses.push(await start(), await start());
    for (let n = 0; n < 4; n++) await bosses[n % 2]!.send("test-probe", { n });
    const deadline = Date.now() + 40_000;
    while (done < 4 && Date.now() < deadline) await sleep(200);
    expect(done).toBe(4);
    expect(maxActive).toBe(1);
  });

  it("schedules the nightly retention in Europe/Paris, from the configuration", { timeout: 60_000 }, async () => {
    const boss = await startJobRunner({ connectionString: env.DATABASE_URL!, db, timezone: "Europe/Paris", schedules: schedules({ RETENTION_CRON: "15 3 * * *" }), pollingIntervalSeconds: 30 });
    bosses.push(boss);
    const all = await boss.getSchedules();
    expect(all).toEqual([expect.objectContaining({ name: "retention", cron: "15 3 * * *", data: { dryRun: false } })]);
    expect(JSON.stringify(all)).toContain("Europe/Paris");
  });
});
