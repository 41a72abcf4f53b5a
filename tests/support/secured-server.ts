// A real http server running the application server's request wrapper (server/app-server.ts) in
// front of a stand-in for Next.js's handler: it records each request as Next.js would receive it
// (headers included) and answers 200. For the tests of what happens before Next.js.
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabaseProbe } from "@/lib/http/database-outage-page";
import { withRequestSecurity } from "@/server/app-server";

export interface SecuredServer {
  base: string;
  /** The requests that reached « Next.js », in order. */
  seen: IncomingMessage[];
  close: () => Promise<void>;
}

export async function startSecuredServer({ probe = null, dev = false, https = false }: { probe?: DatabaseProbe | null; dev?: boolean; https?: boolean }): Promise<SecuredServer> {
  const seen: IncomingMessage[] = [];
  const listener = withRequestSecurity((req, res) => {
    seen.push(req);
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end("rendu");
  }, { dev, https, probe });
  const server = http.createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
