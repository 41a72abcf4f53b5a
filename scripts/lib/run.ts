// Child processes for the project scripts: inherit output, resolve with the exit code.
import { spawn, type SpawnOptions } from "node:child_process";

export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

export const NODE = process.execPath;
export const bin = (name: string): string => `node_modules/.bin/${name}`;
