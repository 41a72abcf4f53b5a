// The typed API client of the integration tests: openapi-fetch over the types openapi-typescript
// generates from docs/openapi.json (tests/support/openapi-types.ts), so a call that no longer matches
// the contract fails the typecheck. Its fetch hands each Request to the route handler the Next.js
// router would pick (app/api/**/route.ts, app/donnees-ouvertes/[fichier]/route.ts), in-process, on
// the real database: the same path as any client with a personal API token, without a server.
// The test file mocks next/headers with vi.hoisted state and passes that state here.
import createClient from "openapi-fetch";
import { NextRequest } from "next/server";
import { handlerOf, withCredential, withSessionCookie } from "@/tests/support/api-inproc";
import type { paths } from "@/tests/support/openapi-types";
import { listApiRoutes, type ApiRoute } from "@/tests/support/route-inventory";

export const BASE_URL = "http://localhost";

const PUBLIC_FILES: ApiRoute = { kind: "api", file: "app/donnees-ouvertes/[fichier]/route.ts", path: "/donnees-ouvertes/[fichier]", method: "GET", action: "public" };

interface Compiled {
  route: ApiRoute;
  re: RegExp;
  names: string[];
  /** Static segments first, as Next.js matches them. */
  weight: number;
}

function compile(route: ApiRoute): Compiled {
  const names: string[] = [];
  const segs = route.path.split("/").filter(Boolean);
  const re = new RegExp(
    "^/" + segs.map((s) => {
      const m = /^\[(\w+)\]$/.exec(s);
      if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(m[1]!);
      return "([^/]+)";
    }).join("/") + "$",
  );
  return { route, re, names, weight: segs.filter((s) => !s.startsWith("[")).length };
}

let compiled: Compiled[] | null = null;

/** The route a request reaches, with its path parameters; null when Next.js would answer 404. */
export function routeFor(method: string, pathname: string): { route: ApiRoute; params: Record<string, string> } | null {
  compiled ??= [...listApiRoutes().filter((r) => !r.path.startsWith("/api/auth")), PUBLIC_FILES].map(compile).sort((a, b) => b.weight - a.weight);
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.re.exec(pathname);
    if (m) return { route: c.route, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

/**
 * A fetch that answers through the route handlers (next/headers reads `state.headers`, and
 * `state.cookie` for a session). With a credential of credentialFor (tests/support/api-inproc.ts),
 * each request carries it: a token as Bearer, a session as its cookie.
 */
export function inProcessFetch(state: { headers: Headers; cookie?: string }, credential?: string) {
  return async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    const found = routeFor(req.method, url.pathname);
    if (!found) return new Response(null, { status: 404 });
    const headers = new Headers(req.headers);
    headers.set("host", url.host);
    const body = req.method === "GET" || req.method === "HEAD" ? null : await req.arrayBuffer();
    const handler = await handlerOf(found.route);
    const send = () => {
      if (!headers.has("cookie")) withSessionCookie(state, headers);
      state.headers = headers;
      return handler(new NextRequest(url, { method: req.method, headers, body }), { params: Promise.resolve(found.params) });
    };
    return credential ? withCredential(state, headers, credential, send) : send();
  };
}

/**
 * The typed client, authenticated by a credential of credentialFor (a personal API token, or the
 * session of a role that may not hold one), or anonymous without one.
 */
export function apiClient(state: { headers: Headers; cookie?: string }, credential: string | null) {
  return createClient<paths>({ baseUrl: BASE_URL, fetch: inProcessFetch(state, credential ?? undefined) });
}
export type ApiClient = ReturnType<typeof apiClient>;
