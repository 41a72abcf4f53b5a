// Pieces shared by the benches (scripts/bench/bench.ts, scripts/bench/cluster.ts): autocannon, a
// free port, waiting for the app's health check, an API token and a session cookie written directly.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import net from "node:net";
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
