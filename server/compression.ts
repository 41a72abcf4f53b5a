// Response compression in the application server (issue 18, Node CPU per page). Next.js's own
// (`compress`, off in next.config.ts) is the `compression` middleware of its time: gzip at zlib's
// default level (6), no brotli. Compressing the job-seeker search page (85 KB of HTML) that way was
// ≈ 2 ms of the page's Node CPU (docs/performance.md, « page de recherche sous 15 ms »). Here, the
// same middleware in its current version, in the same place (before Next.js's handler, every
// response): brotli for the clients that accept it (every browser over https), at quality 4, which
// is both cheaper and smaller than gzip 6 on our pages; gzip at the same default level as before for
// the others. Same rules as before otherwise: compressible types only, not under 1 KB, not for HEAD
// or `Cache-Control: no-transform`, `Vary: Accept-Encoding`, `res.flush()` for Next.js's streaming,
// the compressor released when the client goes away.
import compression from "compression";
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants } from "node:zlib";
import type { NodeHandler } from "@/server/app-server";

/** Brotli quality (0–11): 4 is the middleware's default, smaller and cheaper than gzip 6 on our HTML. */
export const BROTLI_QUALITY = 4;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Wraps a request handler with response compression. */
export function withCompression(handle: NodeHandler): NodeHandler {
  const compress = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }) as unknown as Middleware;
  return (req, res) => new Promise<void>((resolve, reject) => {
    compress(req, res, () => {
      Promise.resolve(handle(req, res)).then(resolve, reject);
    });
  });
}
