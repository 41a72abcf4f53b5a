// Pieces shared by the benches (scripts/bench/*.ts): their command line, how one runs (its database
// client, its servers stopped, the process's exit code), building the app when stale, starting it
// (this checkout and `--compare` ones), the rounds' rotation and N requests in a row, autocannon, a
// free port, waiting for the app's health check, a scale account, an API token and a session cookie
// written directly, a process tree's CPU time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { env, processEnv } from "@/lib/env";
import { appServerArgs, buildIsStale, NEXT_BIN } from "@/scripts/lib/next-build";
import { print, printError } from "@/scripts/lib/print";

/** The value after `--<name>` on the command line. */
export const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** Every value after a repeated `--<name>` (`--only`, `--compare`), in order. */
export const argValues = (name: string) => process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] ? [process.argv[i + 1]!] : []));

export type AutocannonResult = { requests: { average: number }; errors: number; timeouts: number; non2xx: number; duration: number };
export type AutocannonInstance = { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
export type Autocannon = ((opts: Record<string, unknown>, cb: (err: Error | null, res: AutocannonResult) => void) => AutocannonInstance) & {
  track?: unknown;
};
export const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      const port = typeof a === "object" && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("le serveur ne répond pas sur /api/health");
}

/** A personal API token written directly in the database (only its SHA-256 is stored, as lib/tokens does). */
export async function createApiToken(client: pg.Client, userId: string): Promise<string> {
  const token = `pe_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await client.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, 'bench', $2, $3, now() + interval '1 day')`,
    [userId, hash, token.slice(0, 10)],
  );
  return token;
}

/** A next-auth session cookie for the server-rendered pages (same claims as lib/auth/options.ts). */
export async function sessionCookie(secret: string, user: { id: string; email: string }): Promise<string> {
  const jwt = await encode({ token: { sub: user.id, email: user.email, authTime: Math.floor(Date.now() / 1000) }, secret, maxAge: 3600 });
  return `next-auth.session-token=${jwt}`;
}

/** `bytes`: the size of each successful response (headers and body), in the order received. */
/** What Chrome and Firefox send over https: pages are measured compressed as a browser gets them. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export function runAutocannon(opts: Record<string, unknown>): Promise<{ result: AutocannonResult; latencies: number[]; bytes: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const bytes: number[] = [];
    const inst = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies, bytes })));
    inst.on("response", (_c, status, b, ms) => {
      if (status < 400) {
        latencies.push(ms);
        bytes.push(b);
      }
    });
  });
}

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** The 1-minute load average, as the benches report it beside each figure. */
export const load1 = () => Number(os.loadavg()[0]!.toFixed(2));

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** CPU time (ms, user + system) of a process and its descendants. */
export function treeCpuMs(root: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, "utf8");
      const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(d), Number(fields[1]));
      ticks.set(Number(d), Number(fields[11]) + Number(fields[12]));
    } catch {
      // exited
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid);
  return (tree.reduce((s, p) => s + (ticks.get(p) ?? 0), 0) * 1000) / CLK_TCK;
}

/** Stops the app servers a bench started (SIGTERM, then waits for each to exit). */
export async function stopServers(servers: ChildProcess[]): Promise<void> {
  for (const proc of servers) {
    if (proc.exitCode !== null || proc.signalCode !== null) continue;
    proc.kill("SIGTERM");
    await new Promise((res) => proc.once("exit", res));
  }
}

/** Writes a bench's results to bench/results/<prefix><timestamp>.json and returns the file's path. */
export function writeResults(prefix: string, data: Record<string, unknown>): string {
  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${prefix}${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, ...data }, null, 2)}\n`);
  return file;
}

/** An account of the region-scale data set (prisma/seed/scale/scale.ts), or an error saying the base is not one. */
export async function scaleUser(admin: pg.Client, email: string): Promise<{ id: string; email: string }> {
  const r = await admin.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = $1`, [email]);
  if (!r.rows[0]) throw new Error(`compte ${email} absent : la base n'est pas une base de volumétrie (npm run db:seed:scale).`);
  return r.rows[0];
}

/**
 * What the API rows of the benches read on the platform of `manager.p0`: its most common surname among
 * active job seekers, a word of its first company's name, and the active job seeker with the most proposals.
 */
export async function benchSubjects(admin: pg.Client, platformId: string): Promise<{ surname: string; companyWord: string; seekerId: string }> {
  const surname = (await admin.query<{ lastName: string }>(
    `SELECT "lastName" FROM "JobSeeker" WHERE "platformId" = $1 AND lifecycle = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [platformId],
  )).rows[0]!.lastName;
  const companyWord = (await admin.query<{ w: string }>(`SELECT split_part(name, ' ', 1) AS w FROM "Company" WHERE "platformId" = $1 ORDER BY id LIMIT 1`, [platformId])).rows[0]!.w;
  const seekerId = (await admin.query<{ id: string }>(
    `SELECT j.id FROM "JobSeeker" j JOIN "Proposal" p ON p."jobSeekerId" = j.id WHERE j."platformId" = $1 AND j.lifecycle = 'ACTIVE' GROUP BY j.id ORDER BY count(*) DESC, j.id LIMIT 1`, [platformId],
  )).rows[0]!.id;
  return { surname, companyWord, seekerId };
}

/** Builds the application (next build) when its build is older than its sources, like npm start. */
export function buildIfStale(): void {
  if (!buildIsStale()) return;
  print("Construction de l'application (next build)…");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...processEnv(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("La construction de l'application a échoué.");
}

/** An application server a bench started: `label` "" alone, "courant" or the compared checkout's folder name beside others. */
export interface BenchServer {
  label: string;
  base: string;
  proc: ChildProcess;
  /** performance.now() when it was spawned (the start of a --cpu-prof profile). */
  spawnedAt: number;
}

/**
 * Starts this checkout's build and each `--compare` checkout's (another commit with its `.next`,
 * started as that commit started it: scripts/lib/next-build.ts `appServerArgs`), one after the other,
 * each on a free port of 127.0.0.1, in production, on the database `url`, without scheduled jobs;
 * waits for each health check. Each is added to `servers` as soon as spawned, for `stopServers`.
 * `nodeArgs` (e.g. --cpu-prof) go to this checkout's server only. `compareNodes`: Node.js binaries that
 * each start this checkout's build once more (labelled with their version), to measure the runtime.
 */
export async function startBuilds({ compare, compareNodes = [], url, secret, servers, nodeArgs = [] }: { compare: string[]; compareNodes?: string[]; url: string; secret: string; servers: ChildProcess[]; nodeArgs?: string[] }): Promise<BenchServer[]> {
  const start = async (label: string, cwd: string, args: string[], node = process.execPath): Promise<BenchServer> => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const spawnedAt = performance.now();
    const proc = spawn(node, appServerArgs({ root: cwd, port, host: "127.0.0.1", nodeArgs: args }), {
      cwd, stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...processEnv(), NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1",
        JOBS_ENABLED: "false", LOG_LEVEL: "warn",
      },
    });
    servers.push(proc);
    await waitForHealth(base, proc);
    return { label, base, proc, spawnedAt };
  };
  const builds = [await start(compare.length || compareNodes.length ? "courant" : "", process.cwd(), nodeArgs)];
  for (const dir of compare) builds.push(await start(path.basename(path.resolve(dir)), path.resolve(dir), []));
  // `--compare-node <binary>`: this same build under another Node.js (the runtime's share of the cost).
  for (const node of compareNodes) {
    const version = (spawnSync(node, ["--version"], { encoding: "utf8" }).stdout ?? "").trim();
    if (!version) throw new Error(`--compare-node ${node} : ce n'est pas un exécutable Node.js.`);
    builds.push(await start(`node ${version}`, process.cwd(), [], node));
  }
  return builds;
}

/** What a bench's body gets: the database measured, a client on it, and the servers it starts (stopped at the end). */
export interface BenchContext {
  url: string;
  admin: pg.Client;
  servers: ChildProcess[];
}

/**
 * Runs a bench on BENCH_DATABASE_URL (or DATABASE_URL): a client on it, `body`, then — whatever
 * happened — the servers it started stopped and the client closed; ends the process with body's
 * code, or 1 with the error printed. The process exits explicitly (everything is stopped and closed
 * by then): a handle left open (an HTTP agent's socket) must not keep it waiting.
 */
export function runBench(body: (ctx: BenchContext) => Promise<number>): void {
  const main = async () => {
    const url = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
    if (!url) throw new Error("BENCH_DATABASE_URL (base de volumétrie) est requis.");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const servers: ChildProcess[] = [];
    try {
      return await body({ url, admin, servers });
    } finally {
      await stopServers(servers);
      await admin.end().catch(() => undefined);
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      printError(`Échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}

/** The builds in round `round`'s order: a rotation, so that no build always runs first or last. */
export const inRoundOrder = <T>(builds: T[], round: number): T[] => builds.map((_, i) => builds[(i + round) % builds.length]!);

/**
 * `n` requests one after the other to the server `proc`: its CPU time per request (ms, the process
 * tree's, from /proc) and each request's latency (ms), in order.
 */
export async function sequentialRequests(proc: ChildProcess, n: number, request: () => Promise<unknown>): Promise<{ cpuMsPerRequest: number; times: number[] }> {
  const cpu0 = treeCpuMs(proc.pid!);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await request();
    times.push(performance.now() - t);
  }
  return { cpuMsPerRequest: (treeCpuMs(proc.pid!) - cpu0) / n, times };
}
