// `npm start` when its Next.js child dies however it dies (issue 16, #7): the launcher must not wait
// for an exit that already happened, and must exit non-zero so that a supervisor restarts it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { hasExited, stopChild, unexpectedExitCode } from "@/scripts/lib/child";

const idleChild = () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });

describe("surveillance du processus Next.js par le lanceur", () => {
  it("un enfant tué par SIGKILL : l'arrêt ne l'attend pas (il est déjà mort) et le code de sortie n'est pas 0", async () => {
    const child = idleChild();
    const [code, signal] = (await Promise.all([once(child, "exit"), Promise.resolve(child.kill("SIGKILL"))]))[0] as [number | null, NodeJS.Signals | null];
    expect(hasExited(child)).toBe(true);
    // Resolves at once (the old launcher waited here forever).
    await expect(Promise.race([stopChild(child).then(() => "arrêté"), new Promise((r) => setTimeout(() => r("bloqué"), 2000))])).resolves.toBe("arrêté");
    expect(unexpectedExitCode(code, signal)).toBe(137);
  });

  it("un enfant qui meurt d'une erreur de segmentation ou sort avec 0 de lui-même : code non nul", async () => {
    const child = spawn(process.execPath, ["-e", "process.kill(process.pid, 'SIGSEGV')"], { stdio: "ignore" });
    const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe("SIGSEGV");
    expect(unexpectedExitCode(code, signal)).toBe(139);
    expect(unexpectedExitCode(0, null)).toBe(1);
    expect(unexpectedExitCode(3, null)).toBe(3);
  });

  it("un enfant vivant est arrêté par SIGTERM et attendu", async () => {
    const child = idleChild();
    await stopChild(child);
    expect(child.signalCode).toBe("SIGTERM");
  });
});
