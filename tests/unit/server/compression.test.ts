// Issue 18: responses are compressed by the application server (server/compression.ts), Next.js's own
// gzip is off (next.config.ts). Over a real http server, with a stand-in for Next.js's handler:
// brotli for a browser, gzip for a client that only accepts gzip, nothing when nothing is accepted,
// the rules Next.js's compression had (size threshold, HEAD, no-transform, Vary), and streaming:
// what the handler flushes reaches the client before the response ends.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createBrotliDecompress, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { withCompression } from "@/server/compression";

const BROWSER = "gzip, deflate, br, zstd";
const html = `<!DOCTYPE html><html lang="fr"><body>${"<p>Demandeur d'emploi — Schneider</p>".repeat(200)}</body></html>`;

let server: http.Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<string> {
  const listener = withCompression(handle);
  server = http.createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw GET (fetch would decode the body itself): status, headers and the bytes as sent. */
function get(url: string, headers: Record<string, string>, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const page = (body = html, type = "text/html; charset=utf-8") => (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader("content-type", type);
  res.end(body);
};

describe("compression des réponses par le serveur de l'application", () => {
  it("un navigateur reçoit du brotli, plus petit que le gzip d'avant ; un client gzip seul reçoit du gzip ; Vary", async () => {
    const base = await start(page());
    const br = await get(`${base}/demandeurs`, { "accept-encoding": BROWSER });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(html);
    const gz = await get(`${base}/demandeurs`, { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(html);
    expect(br.body.length).toBeLessThan(gz.body.length);
  });

  it("rien d'accepté, HEAD, moins de 1 Ko, no-transform, type non compressible : envoyé tel quel", async () => {
    const base = await start((req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname === "/petit") return page("<p>court</p>")(req, res);
      if (url.pathname === "/image") return page(html, "image/png")(req, res);
      if (url.pathname === "/no-transform") res.setHeader("cache-control", "no-transform");
      return page()(req, res);
    });
    const identity = await get(`${base}/demandeurs`, { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(html);
    for (const path of ["/petit", "/image", "/no-transform"]) {
      const res = await get(`${base}${path}`, { "accept-encoding": BROWSER });
      expect(res.headers["content-encoding"], path).toBeUndefined();
    }
    const head = await get(`${base}/demandeurs`, { "accept-encoding": BROWSER }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it("flux : ce que le rendu vide (res.flush, comme Next.js) arrive avant la fin de la réponse", async () => {
    let finish: () => void = () => undefined;
    const rest = new Promise<void>((resolve) => (finish = resolve));
    const base = await start(async (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(html);
      (res as ServerResponse & { flush: () => void }).flush();
      await rest;
      res.end("<p>fin</p>");
    });
    const first = await new Promise<string>((resolve, reject) => {
      http.get(`${base}/demandeurs`, { headers: { "accept-encoding": BROWSER } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("br");
        let text = "";
        const decoded = res.pipe(createBrotliDecompress());
        decoded.on("data", (c: Buffer) => {
          text += c.toString();
          // The whole first part, while the handler still waits: then let it end.
          if (text.length >= html.length) resolve(text);
        });
        decoded.on("error", reject);
      }).on("error", reject);
    });
    expect(first).toBe(html);
    finish();
  });
});
