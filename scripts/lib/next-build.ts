// Decides whether the production build is stale: any source newer than .next/BUILD_ID.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const SOURCE_ROOTS = ["app", "components", "lib", "public", "types"];
// instrumentation.ts (server start-up) is compiled into the build too. server/ is not: it runs from
// its sources (server/main.ts under tsx) and wraps whatever build is there.
export const SOURCE_FILES = ["next.config.ts", "instrumentation.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** `root`: the checkout (the current directory by default). */
export function buildIsStale(root = "."): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return [...SOURCE_ROOTS, ...SOURCE_FILES].some((p) => newestMtime(path.join(root, p)) > built);
}

export const NEXT_BIN = "node_modules/next/dist/bin/next";

/** The application server (server/main.ts: Next.js behind Node's http server, CSP nonce set there). */
export const APP_SERVER = "server/main.ts";

/**
 * Node's arguments that start the application in `root` (a checkout with its `.next` build): the
 * application server under tsx. A checkout without it (an older commit measured beside this one by
 * `npm run bench:pages -- --compare`) gets `next start`, as it was run then. `nodeArgs` go first
 * (e.g. `--cpu-prof`).
 */
export function appServerArgs({ root = ".", port, host, dev = false, nodeArgs = [] }: { root?: string; port: number; host?: string; dev?: boolean; nodeArgs?: string[] }): string[] {
  const where = ["-p", String(port), ...(host ? ["-H", host] : [])];
  if (!existsSync(path.join(root, APP_SERVER))) return [...nodeArgs, path.resolve(root, NEXT_BIN), dev ? "dev" : "start", ...where];
  return [...nodeArgs, "--import", "tsx", APP_SERVER, ...(dev ? ["--dev"] : []), ...where];
}
