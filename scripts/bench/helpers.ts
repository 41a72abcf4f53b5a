// Pieces shared by the benches (scripts/bench/*.ts): autocannon, a free port, waiting for the app's
// health check, an API token and a session cookie written directly, a process tree's CPU time.
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type pg from "pg";

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
