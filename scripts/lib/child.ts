// Supervising the Next.js child of `npm start`. A child killed by a signal (kill -9, OOM killer)
// has exitCode null and signalCode set: its "exit" event has already fired, so waiting for it again
// would hang forever (issue 16, #7).
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Asks the child to stop and waits for it; returns at once when it is already gone. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (hasExited(child)) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

/**
 * The launcher's exit code when its child ended without being asked to: never 0 (a supervisor
 * must restart it); 128 + the signal number when killed by a signal, as shells report it.
 */
export function unexpectedExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return 128 + (constants.signals[signal] ?? 0);
  return code || 1;
}
