// The hottest API reads served without Next.js's request handler (issue 18: Node CPU per request).
// Next.js spends ≈ 1 ms of Node CPU on any route before and after the route's own code (routing over
// every page, the request and work contexts, the response conversion) — a third of an offers page.
// For the few GET routes below, the application server calls the route's own `GET` — the same
// compiled module, from the same `.next` build, that Next.js runs (Node's module cache: one copy of
// every module, one database pool) — with the same NextRequest and the same response headers.
//
// What a route here must be: a GET wrapped by `apiRoute` (lib/api/handler.ts), which reads the caller
// from the request itself (lib/auth/session.ts `userOfRequest`), checks the permission, the origin,
// the query, and answers every error as JSON; it uses nothing from Next.js's request context
// (next/headers, after, cookies()). Anything else — another method, a trailing slash, an encoded or
// unusual path segment, a route not in the table — goes to Next.js unchanged.
import { createRequire } from "node:module";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextRequest } from "next/server";
import { API_CSP, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

type RouteGet = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface FastRead {
  /** The route as Next.js names it (its folder under app/). */
  page: string;
  /** The normalised path (server/app-server.ts `pathnameOf`) it serves; groups are the dynamic segments, in order. */
  pattern: RegExp;
  /** The names of the dynamic segments, in the pattern's order. */
  params: string[];
}

/**
 * The reads served here: the lists and the record a platform's day is made of (bench rows of
 * docs/performance.md). A dynamic segment takes only the characters of an identifier: anything
 * encoded or odd goes to Next.js, which decodes and answers it its own way. A dynamic route's folder
 * must have no static sibling, which Next.js would route first (tests/integration/server/api-fast-path.int.test.ts).
 */
export const FAST_READS: FastRead[] = [
  { page: "/api/v1/offers", pattern: /^\/api\/v1\/offers$/, params: [] },
  { page: "/api/v1/companies", pattern: /^\/api\/v1\/companies$/, params: [] },
  { page: "/api/v1/job-seekers", pattern: /^\/api\/v1\/job-seekers$/, params: [] },
  { page: "/api/v1/job-seekers/[id]", pattern: /^\/api\/v1\/job-seekers\/([A-Za-z0-9-]{1,64})$/, params: ["id"] },
];

/** A fast read with its route's GET. */
export interface LoadedRead extends FastRead {
  get: RouteGet;
}

/** The reads and how to make their request (next/server is loaded once Next.js has set up its request storage). */
export interface LoadedReads {
  reads: LoadedRead[];
  request: (url: URL, headers: Headers) => NextRequest;
}

/** The headers Next.js puts on every /api/v1 answer before the route's own (next.config.ts `headers`). */
const CONFIG_HEADERS: [string, string][] = [...STATIC_SECURITY_HEADERS.map((h): [string, string] => [h.key, h.value]), ["Content-Security-Policy", API_CSP]];

/**
 * Loads each route's GET from the production build in `distDir` (`.next`), through Next.js's own
 * compiled route module. A route that cannot be loaded is an error: the server must not start
 * silently slower or, worse, half-wired (a Next.js upgrade that changed the build's shape).
 */
export async function loadFastReads(distDir: string, reads: FastRead[] = FAST_READS): Promise<LoadedReads> {
  const { NextRequest } = await import("next/server");
  const load = createRequire(path.join(distDir, "server", "noop.js"));
  const loaded: LoadedRead[] = [];
  for (const read of reads) {
    const file = path.join(distDir, "server", "app", ...read.page.split("/").filter(Boolean), "route.js");
    const mod = load(file) as { routeModule?: { ensureUserland?: () => Promise<void>; userland?: { GET?: unknown } } };
    const routeModule = mod.routeModule;
    if (typeof routeModule?.ensureUserland === "function") await routeModule.ensureUserland();
    const get = routeModule?.userland?.GET;
    if (typeof get !== "function") throw new Error(`Route ${read.page} : GET introuvable dans ${file}.`);
    loaded.push({ ...read, get: get as RouteGet });
  }
  return { reads: loaded, request: (url, headers) => new NextRequest(url, { method: "GET", headers }) };
}

/** Node's request headers as the Web Headers a NextRequest carries (repeated headers appended, like Next.js). */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

/** An answer no route gave (a route's code threw past `apiRoute`): the API's JSON error, never an HTML page. */
function internalError(res: ServerResponse, err: unknown): void {
  process.stderr.write(`Erreur d'une lecture servie par le serveur : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { code: "INTERNAL_ERROR", message: "Erreur interne." } }));
}

/** What the fast path reads of Next.js's configuration. */
export type NextServerConfig = { distDir: string };

/**
 * The configuration Next.js's server runs with: next.config.ts with Next.js's defaults, loaded by
 * Next.js's own loader with the phase and directory its router server uses (next/dist/server/lib/router-server.js
 * `initialize`). Once `app.prepare()` has run, the loader's per-process cache returns the very object
 * Next.js loaded: one source of truth, no copy of a setting here.
 */
export async function loadNextConfig(dir: string): Promise<NextServerConfig> {
  const require = createRequire(import.meta.url);
  const { default: loadConfig } = require("next/dist/server/config") as typeof import("next/dist/server/config");
  const { PHASE_PRODUCTION_SERVER } = require("next/constants") as typeof import("next/constants");
  return loadConfig(PHASE_PRODUCTION_SERVER, dir);
}

/**
 * The fast reads of the project in `dir`, as its Next.js server is configured: the routes of its build
 * (`distDir`). Used by server/main.ts, which compresses them with every other answer (server/compression.ts).
 */
export async function loadFastPath(dir: string): Promise<ReturnType<typeof fastReads>> {
  const config = await loadNextConfig(dir);
  return fastReads(await loadFastReads(path.join(dir, config.distDir)));
}

/**
 * The handler of the fast reads: given a request and its normalised path, serves it and returns a
 * promise when it is one of `reads`, or returns null for Next.js to serve.
 */
export function fastReads({ reads, request }: LoadedReads): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> | null {
  return (req, res, pathname) => {
    if (req.method !== "GET" || reads.length === 0) return null;
    let match: RegExpExecArray | null = null;
    const read = reads.find((r) => (match = r.pattern.exec(pathname)) !== null);
    if (!read || !match) return null;
    let url: URL;
    try {
      // As Next.js builds it: the Host header and the request target (dot segments resolved alike).
      url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    } catch {
      return null;
    }
    if (url.pathname !== pathname) return null;
    const groups: RegExpExecArray = match;
    const params = Object.fromEntries(read.params.map((name, i) => [name, groups[i + 1]!]));
    return serve(read, request(url, webHeaders(req)), params, res);
  };
}

async function serve(read: LoadedRead, request: NextRequest, params: Record<string, string>, res: ServerResponse): Promise<void> {
  try {
    const answer = await read.get(request, { params: Promise.resolve(params) });
    const body = Buffer.from(await answer.arrayBuffer());
    for (const [name, value] of CONFIG_HEADERS) res.setHeader(name, value);
    answer.headers.forEach((value, name) => {
      if (name !== "set-cookie") res.setHeader(name, value);
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    res.statusCode = answer.status;
    res.end(body);
  } catch (err) {
    internalError(res, err);
  }
}
