// Several stateless instances on one PostgreSQL: a scheduled job runs once per tick, and the login
// throttle is shared. Each instance is a separate Node process (tests/support/app-instance.ts).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processEnv } from "@/lib/env";
import { createUser, TEST_PASSWORD } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

interface Instance {
  child: ChildProcess;
  call: (msg: Record<string, unknown>) => Promise<string>;
}

function startInstance(name: string): Promise<Instance> {
  const child = fork(path.resolve("tests/support/app-instance.ts"), [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...processEnv(), INSTANCE_NAME: name, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 1;
  const pending = new Map<number, (r: string) => void>();
  return new Promise((resolve, reject) => {
    child.on("message", (m: { id: number; result: string }) => {
      if (m.id === 0) resolve({ child, call });
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    });
    child.once("exit", (code) => reject(new Error(`instance ${name} exited (${code})`)));
  });
  function call(msg: Record<string, unknown>): Promise<string> {
    const id = next++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      child.send({ ...msg, id });
    });
  }
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  await resetDb();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  // One after the other: the first start creates pg-boss's schema.
  a = await startInstance("instance-a");
  b = await startInstance("instance-b");
}, 60_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => i.call({ cmd: "stop" }).catch(() => undefined)));
});

describe("plusieurs instances sur une même base", () => {
  it("une tâche planifiée ne s'exécute qu'une fois par échéance, quelle que soit l'instance", async () => {
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline && (await db.jobRun.count({ where: { name: "test-tick", ok: true } })) === 0) {
      await new Promise((r) => setTimeout(r, 500));
    }
    // Leave time for a duplicate to show up if the election did not work.
    await new Promise((r) => setTimeout(r, 5_000));
    const runs = await db.jobRun.findMany({ where: { name: "test-tick" }, orderBy: { startedAt: "asc" } });
    expect(runs.length).toBeGreaterThanOrEqual(1);
    // The cron is "every minute": at most one run per minute, whichever instance ran it.
    const perMinute = new Map<string, number>();
    for (const r of runs) {
      const minute = r.startedAt.toISOString().slice(0, 16);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect([...perMinute.values()].every((n) => n === 1)).toBe(true);
    expect(runs.every((r) => r.ok === true && ["instance-a", "instance-b"].includes(r.instance))).toBe(true);
  }, 60_000);

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
});
