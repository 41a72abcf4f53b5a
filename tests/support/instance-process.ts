// An "app instance" in its own Node process (tests/support/app-instance.ts), driven over IPC: the
// multi-instance tests start two on one PostgreSQL. `jobs` chooses what its scheduler runs.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { processEnv } from "@/lib/env";

export interface Instance {
  name: string;
  child: ChildProcess;
  call: (msg: Record<string, unknown>) => Promise<string>;
}

export function startInstance(name: string, opts: { jobs?: "test-tick" | "circuit-court-reminders" } = {}): Promise<Instance> {
  const child = fork(path.resolve("tests/support/app-instance.ts"), [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...processEnv(), INSTANCE_NAME: name, INSTANCE_JOBS: opts.jobs ?? "test-tick", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 1;
  const pending = new Map<number, (r: string) => void>();
  return new Promise((resolve, reject) => {
    child.on("message", (m: { id: number; result: string }) => {
      if (m.id === 0) resolve({ name, child, call });
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

const stopped = new WeakSet<Instance>();

/** Graceful stop: pg-boss stops fetching and waits for the jobs in progress to complete; then the process exits. */
export async function stopInstance(i: Instance): Promise<void> {
  if (stopped.has(i)) return;
  stopped.add(i);
  const exited = new Promise((r) => i.child.once("exit", r));
  const answer = await i.call({ cmd: "stop" });
  if (answer !== "stopped") throw new Error(`instance ${i.name}: ${answer}`);
  await exited;
}

export const minuteOf = (d: Date) => d.toISOString().slice(0, 16);
