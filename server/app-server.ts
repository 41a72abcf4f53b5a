// The application's HTTP server (issue 18): Next.js's request handler behind Node's http server, with
// what must be decided before Next.js sees a request. It replaces `next start` + a Next.js proxy
// (proxy.ts, removed): running any proxy cost ≈ 1.6 ms of Node CPU per page in Next.js's adapter,
// the same work here costs a few microseconds (docs/performance.md, « serveur de l'application »).
//
// For every request, before Next.js:
// - the socket's address goes to the app in PEER_ADDRESS_HEADER, overwriting anything the client
//   sent (lib/security/client-address.ts believes X-Forwarded-For only as far as TRUST_PROXY says);
// - a page (anything outside /api/ and Next.js's static assets) gets a fresh CSP nonce: request
//   headers `x-nonce` and `Content-Security-Policy` (Next.js reads the nonce from the latter and puts
//   it on its scripts), the same CSP on the response, HSTS in production over https; while the
//   database does not answer, a French 503 page instead (lib/http/database-outage-page.ts);
// - /api/ outside /api/v1 (sign-in, health, callbacks, calendar) gets the API's CSP and HSTS; /api/v1
//   sets its own (next.config.ts, lib/api/handler.ts);
// - a few /api/v1 reads are served here without Next.js's request handler (server/api-fast-path.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { databaseOutagePage, type DatabaseProbe } from "@/lib/http/database-outage-page";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { API_CSP, HSTS, newNonce, pageCsp } from "@/lib/security/headers";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppServerOptions {
  /** Development: the CSP allows eval (React's debugging stacks). */
  dev: boolean;
  /** Production over https: HSTS and `upgrade-insecure-requests`. */
  https: boolean;
  /** The database the pages read; null: never an outage page. */
  probe: DatabaseProbe | null;
  /** The API reads served without Next.js (server/api-fast-path.ts): a promise when served, null for Next.js. */
  fastReads?: ((req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> | null) | null;
}

/** Next.js's assets: no rendering, no nonce. */
const ASSET = /^\/(?:_next\/(?:static|image)(?:\/|$)|favicon\.ico$)/;

/**
 * The path as Next.js will route it: parsed like Next.js parses it (WHATWG URL: `..` and `%2e%2e`
 * segments resolved, backslashes as slashes, absolute-form targets), so that `/api/v1/../../x`
 * or `/_next/static/..%2f..%2fx` is the page `/x` here too and gets its nonce.
 */
export function pathnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://n").pathname;
  } catch {
    return "/";
  }
}

/** Wraps Next.js's request handler with the headers above. Exported for the tests. */
export function withRequestSecurity(handle: NodeHandler, { dev, https, probe, fastReads = null }: AppServerOptions): NodeHandler {
  return async (req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    const pathname = pathnameOf(req.url);
    if (pathname.startsWith("/api/")) {
      if (!pathname.startsWith("/api/v1/")) {
        res.setHeader("Content-Security-Policy", API_CSP);
        if (https) res.setHeader("Strict-Transport-Security", HSTS);
      }
      return fastReads?.(req, res, pathname) ?? handle(req, res);
    }
    if (ASSET.test(pathname)) return handle(req, res);
    const nonce = newNonce();
    const csp = pageCsp({ nonce, dev, https });
    res.setHeader("Content-Security-Policy", csp);
    if (https) res.setHeader("Strict-Transport-Security", HSTS);
    // Issue 16: while the database does not answer, a page is a French 503, not a 500.
    const outage = await databaseOutagePage(pathname, nonce, probe);
    if (outage) {
      outage.headers.forEach((value, key) => res.setHeader(key, value));
      res.writeHead(outage.status);
      res.end(req.method === "HEAD" ? undefined : await outage.text());
      return;
    }
    // Whatever the client sent under these names is replaced.
    req.headers["x-nonce"] = nonce;
    req.headers["content-security-policy"] = csp;
    return handle(req, res);
  };
}
