// Starts the application (issue 18): `node --import tsx server/main.ts [--dev] [-p PORT] [-H HOST]`,
// run by `npm start` / `npm run dev` (scripts/start.ts), the tests' production server
// (scripts/test.ts) and the benchmarks. Next.js's request handler behind Node's http server, with
// the per-request CSP nonce, HSTS and the database-outage page set here (server/app-server.ts)
// instead of a Next.js proxy. Runs in the current directory (a checkout with its `.next` build).
import http from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { pgProbe } from "@/lib/http/database-outage-page";
import { markAppServer } from "@/lib/security/app-server-mark";
import { HTTPS } from "@/lib/security/headers";
import { loadFastPath } from "@/server/api-fast-path";
import { withRequestSecurity } from "@/server/app-server";
import { responseCompression, withCompression } from "@/server/compression";

const argv = process.argv.slice(2);
const arg = (short: string, long: string) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dev = argv.includes("--dev");
const port = Number(arg("-p", "--port") ?? env.PORT);
const hostname = arg("-H", "--hostname") ?? env.HOST ?? "0.0.0.0";

async function main() {
  // Next.js's bundles and React pick their production code from NODE_ENV, which `next start` set
  // itself: the launchers set it here (scripts/lib/next-build.ts appServerArgs callers).
  if (env.NODE_ENV !== (dev ? "development" : "production")) {
    throw new Error(`NODE_ENV=${dev ? "development" : "production"} attendu (reçu : ${env.NODE_ENV}).`);
  }
  // Before Next.js runs instrumentation.ts: its register() refuses a production server without it.
  markAppServer();
  const app = next({ dev, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // One probe per server (its state is kept per probe): the database the pages read.
  const probe = env.DATABASE_URL ? pgProbe(env.DATABASE_URL) : null;
  // Production: the hottest API reads without Next.js's request handler (issue 18, server/api-fast-path.ts),
  // from the build the configuration Next.js has just loaded names (`distDir`).
  const reads = dev ? null : await loadFastPath(process.cwd());
  // Every answer compressed here, pages, API and assets alike (server/compression.ts; Next.js's own is off).
  const listener = withCompression(withRequestSecurity((req, res) => handle(req, res), { dev, https: HTTPS, probe, fastReads: reads }), responseCompression(env.HTTP_COMPRESSION));
  const server = http.createServer((req, res) => {
    Promise.resolve(listener(req, res)).catch((err: unknown) => {
      process.stderr.write(`Erreur du serveur : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Erreur interne du serveur.");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  process.stdout.write(`Prêt sur http://${hostname}:${port}${dev ? " (développement)" : ""}\n`);

  // Like `next start`: stop accepting connections, let the requests under way finish, close Next.js,
  // exit 128 + the signal's number.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        if (dev) server.closeAllConnections();
      });
      await app.close().catch(() => undefined);
      process.exit(signal === "SIGINT" ? 130 : 143);
    })();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`Le serveur n'a pas démarré : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
