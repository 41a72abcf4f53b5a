// Several stateless instances on one PostgreSQL: a scheduled job runs once per tick, and the login
// throttle is shared. Each instance is a separate Node process (tests/support/app-instance.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { minuteOf, startInstance, stopInstance, type Instance } from "@/tests/support/instance-process";

let a: Instance;
let b: Instance;

beforeAll(async () => {
  await resetDb();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  // One after the other: the first start creates pg-boss's schema.
  a = await startInstance("instance-a");
  b = await startInstance("instance-b");
}, 60_000);

const stop = stopInstance;

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => stop(i).catch(() => undefined)));
});

describe("plusieurs instances sur une même base", () => {
  it("le blocage après échecs de connexion est partagé : des échecs sur A et B bloquent le compte sur les deux", async () => {
    await createUser(db, { role: "ADMIN", email: "cible@region.test", totp: false });
    const attempt = (i: Instance, password: string) => i.call({ cmd: "login", email: "cible@region.test", password, ip: "10.1.1.1" });
    expect(await attempt(a, TEST_PASSWORD)).toBe("ok");
    // Five failures (the default limit), alternating between the instances.
    for (let n = 0; n < 5; n++) expect(await attempt(n % 2 ? b : a, "mauvais-mot-de-passe")).toBe("refused");
    // Locked everywhere, even with the right password.
    expect(await attempt(a, TEST_PASSWORD)).toBe("TooManyAttempts");
    expect(await attempt(b, TEST_PASSWORD)).toBe("TooManyAttempts");
  }, 60_000);

  // Last test of the file: it stops both instances.
  it("une tâche planifiée ne s'exécute qu'une fois par échéance, quelle que soit l'instance", async () => {
    const deadline = Date.now() + 70_000;
    let first: { startedAt: Date } | null = null;
    while (Date.now() < deadline && !(first = await db.jobRun.findFirst({ where: { name: "test-tick", ok: true }, orderBy: { startedAt: "asc" } }))) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(first, "aucune exécution de la tâche planifiée en 70 s").not.toBeNull();
    // A cron tick of minute M can only be sent during minute M ("* * * * *"): once the database
    // clock has left that minute, no instance can send it any more. Then both instances are
    // stopped gracefully, which waits for the jobs they are running to complete: what the
    // tables hold afterwards is final (no time window to guess).
    const tick = minuteOf(first!.startedAt);
    for (;;) {
      const now = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`)[0]!.now;
      if (minuteOf(now) > tick) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await Promise.all([stop(a), stop(b)]);

    const runs = await db.jobRun.findMany({ where: { name: "test-tick" }, orderBy: { startedAt: "asc" } });
    expect(runs.every((r) => r.ok === true && r.finishedAt !== null && ["instance-a", "instance-b"].includes(r.instance))).toBe(true);
    // What pg-boss sent, whatever its state. A tick is pg-boss's cron job `__pgboss__send-it` for
    // one minute (`singleton_on`); it then creates the job the workers run. Under load that job can be
    // created in the next minute (CI at load 13: the 00:43 tick's job was created at 00:44:00.5, the
    // 00:44 tick's at 00:44:01.7, each run once), so jobs and runs are counted per tick, not grouped
    // by the minute they were created or started in.
    const ticks = await db.$queryRaw<{ minute: string; n: number }[]>`
      SELECT to_char(singleton_on, 'YYYY-MM-DD"T"HH24:MI') AS minute, count(*)::int AS n
      FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'test-tick' GROUP BY 1 ORDER BY 1`;
    const jobs = (await db.$queryRaw<{ n: number; done: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS done FROM pgboss.job WHERE name = 'test-tick'`)[0]!;
    expect(ticks.find((t) => t.minute === tick), `échéance de ${tick} envoyée`).toBeDefined();
    // One send per tick, whichever instance sent it (a second scheduler would have sent its own).
    expect(ticks.filter((t) => t.n !== 1), "une seule tâche envoyée par échéance").toEqual([]);
    // One job per tick sent (at most one for a tick still in flight when the instances stopped).
    expect(jobs.n).toBeLessThanOrEqual(ticks.length);
    expect(jobs.n).toBeGreaterThanOrEqual(ticks.length - 1);
    // Each job run exactly once: as many runs as completed jobs (a job run by both instances would add one).
    expect(runs).toHaveLength(jobs.done);
  }, 150_000);
});
