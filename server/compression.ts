// Compression of every answer of the application server (issue 18: Node CPU per page), with the
// `compression` middleware (expressjs) instead of Next.js's: Next.js's compiled copy has gzip only, at
// zlib's default level 6, and no option. On the job-seeker search page (76 Ko of HTML) that is
// ≈ 1 ms of CPU per page, in libuv's threads (the main thread's profile does not show it).
// Measured on that page (zlib, one call per page, median of 7 × 100): gzip 6 1.04 ms → 15,5 Ko;
// gzip 1 0.40 ms → 17,6 Ko; brotli 1 0.16 ms → 14,8 Ko; brotli 4 0.66 ms → 12,9 Ko
// (docs/performance.md, 6 décembre 2026). So brotli at quality 1 for every browser (all send `br`
// over https) — smaller than today's gzip and six times cheaper — and gzip at level 1, nginx's own
// default, for clients without brotli. Same rules otherwise as Next.js's: only compressible types
// (the library's filter), nothing under 1 Ko, `Cache-Control: no-transform` respected,
// `Vary: Accept-Encoding`, the stream released when the client goes away.
// `HTTP_COMPRESSION=false` (lib/env.ts) leaves it to a reverse proxy that compresses (docs/deploiement.md).
import zlib from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

export type Compress = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** zlib's level for gzip and deflate (1 to 9). */
export const GZIP_LEVEL = 1;
/** Brotli's quality (0 to 11). */
export const BROTLI_QUALITY = 1;

/** The middleware, or null when compression is left to a proxy. */
export function responseCompression(enabled: boolean): Compress | null {
  if (!enabled) return null;
  return compression({ level: GZIP_LEVEL, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }) as unknown as Compress;
}

/** `handler` behind the compression (the middleware wraps the response, then calls the handler at once). */
export function withCompression(handler: NodeHandler, compress: Compress | null): NodeHandler {
  if (!compress) return handler;
  return (req, res) => {
    let out: Promise<void> | void = undefined;
    compress(req, res, () => {
      out = handler(req, res);
    });
    return out;
  };
}
