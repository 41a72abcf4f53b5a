// Decides whether the production build is stale: any source newer than .next/BUILD_ID.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SOURCE_ROOTS = ["app", "components", "lib", "public", "types"];
// proxy.ts (request proxy: CSP, headers) and instrumentation.ts (server start-up) are compiled into the build too.
export const SOURCE_FILES = ["next.config.ts", "proxy.ts", "instrumentation.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];

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

/**
 * Environment for a Next.js server process: preloads scripts/lib/peer-address.mjs (the socket's
 * address for lib/security/client-address.ts) through NODE_OPTIONS, so that `next dev`'s worker
 * gets it too.
 */
export function nextServerEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const preload = `--import ${pathToFileURL(path.resolve("scripts/lib/peer-address.mjs")).href}`;
  return { ...base, NODE_OPTIONS: [base.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
}
