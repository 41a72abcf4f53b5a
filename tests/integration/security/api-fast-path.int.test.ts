// Issue 18: the hottest API reads are served by the application server without Next.js's request
// handler (server/api-fast-path.ts). Over a real http server, on the real database, with the
// application server's wrapper (server/app-server.ts) in front of a recorder standing in for Next.js:
// each read answers what its route answers when called as Next.js calls it (same status, same JSON,
// same refusals), with the headers Next.js would add (next.config.ts), compressed by the server like
// every other answer (server/compression.ts); and everything else — other methods, other paths, odd
// segments — still reaches Next.js.
// The real server on a real build is checked by e2e/security/hardening.spec.ts.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { API_CSP, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { FAST_READS, fastReads, loadFastPath, loadFastReads, type LoadedReads } from "@/server/api-fast-path";
import { withRequestSecurity } from "@/server/app-server";
import { responseCompression, withCompression } from "@/server/compression";
import { createCompany, createJobSeeker, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { sessionCookieFor } from "@/tests/support/api-inproc";

type RouteGet = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SOURCES: Record<string, () => Promise<{ GET: RouteGet }>> = {
  "/api/v1/offers": () => import("@/app/api/v1/offers/route"),
  "/api/v1/companies": () => import("@/app/api/v1/companies/route"),
  "/api/v1/job-seekers": () => import("@/app/api/v1/job-seekers/route"),
  "/api/v1/job-seekers/[id]": () => import("@/app/api/v1/job-seekers/[id]/route"),
};

let base = "";
let server: http.Server;
const seenByNext: IncomingMessage[] = [];
let token = "";
let cookie = "";
let otherToken = "";
let seekerId = "";
let companyName = "";

beforeAll(async () => {
  await createRuleSets(db);
  const platform = await createPlatform(db);
  const other = await createPlatform(db);
  const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platform.id] });
  const stranger = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [other.id] });
  const tokenOf = async (userId: string) => {
    const t = `pe_${randomBytes(24).toString("base64url")}`;
    await db.apiToken.create({ data: { userId, name: "chemin rapide", tokenHash: createHash("sha256").update(t).digest("hex"), prefix: t.slice(0, 10) } });
    return t;
  };
  token = await tokenOf(manager.id);
  otherToken = await tokenOf(stranger.id);
  cookie = `next-auth.session-token=${await sessionCookieFor(manager.id)}`;
  companyName = `Chemin ${randomUUID().slice(0, 8)}`;
  const company = await createCompany(db, platform.id, { name: companyName });
  for (let i = 0; i < 30; i++) {
    await db.jobOffer.create({
      data: { platformId: platform.id, companyId: company.id, title: `Offre « ${i} » </script>`, description: "Description\nsur deux lignes ".repeat(20), contractType: "CDI", source: "VISITE", receivedAt: new Date(), createdById: manager.id },
    });
  }
  seekerId = (await createJobSeeker(db, platform.id, { referentId: manager.id })).id;

  // The routes' own GETs, from the sources (the real server loads the same from its build: loadFastReads).
  const loaded: LoadedReads = {
    reads: await Promise.all(FAST_READS.map(async (r) => ({ ...r, get: (await SOURCES[r.page]!()).GET }))),
    request: (url, headers) => new NextRequest(url, { method: "GET", headers }),
  };
  // As server/main.ts composes it: the compression in front of everything.
  const listener = withCompression(withRequestSecurity((req, res) => {
    seenByNext.push(req);
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end("Next.js");
  }, { dev: false, https: false, probe: null, fastReads: fastReads(loaded) }), responseCompression(true));
  server = http.createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A raw request (no path normalisation by the client), its status, headers and body as sent. */
function raw(method: string, target: string, headers: Record<string, string> = {}, at = base): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${at}/`, { method, path: target, headers: { "accept-encoding": "identity", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** What the route answers when called directly, as Next.js calls it. */
async function direct(page: string, target: string, headers: Record<string, string>, params: Record<string, string> = {}) {
  const { GET } = await SOURCES[page]!();
  const res = await GET(new NextRequest(new URL(target, "http://localhost"), { headers: { host: "localhost", ...headers } }), { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as unknown };
}

/** The body of an answer without what differs between two calls (request ids). */
const stable = (json: unknown) => JSON.parse(JSON.stringify(json).replace(/"requestId":"[^"]*"/g, '"requestId":"*"')) as unknown;

function expectApiHeaders(headers: http.IncomingHttpHeaders) {
  for (const { key, value } of STATIC_SECURITY_HEADERS) expect(headers[key.toLowerCase()], key).toBe(value);
  expect(headers["content-security-policy"]).toBe(API_CSP);
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["content-type"]).toBe("application/json");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

describe("lectures de l'API servies sans Next.js (serveur de l'application)", () => {
  it("les quatre lectures : servies par le serveur, même statut et même JSON que la route, en-têtes de l'API", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const cases: [string, string, Record<string, string>][] = [
      ["/api/v1/offers", "/api/v1/offers?status=OPEN&contractType=CDI&pageSize=20", {}],
      ["/api/v1/companies", `/api/v1/companies?q=${encodeURIComponent(companyName)}`, {}],
      ["/api/v1/job-seekers", "/api/v1/job-seekers?pageSize=5", {}],
      ["/api/v1/job-seekers/[id]", `/api/v1/job-seekers/${seekerId}`, { id: seekerId }],
    ];
    for (const [page, target, params] of cases) {
      const before = seenByNext.length;
      const res = await raw("GET", target, auth);
      expect(seenByNext.length, target).toBe(before);
      expect(res.status, target).toBe(200);
      expectApiHeaders(res.headers);
      const expected = await direct(page, target, auth, params);
      expect(expected.status).toBe(200);
      expect(stable(JSON.parse(res.body.toString("utf8")))).toEqual(stable(expected.json));
    }
    const offers = JSON.parse((await raw("GET", "/api/v1/offers?pageSize=20", auth)).body.toString("utf8")) as { items: unknown[]; next: string | null };
    expect(offers.items).toHaveLength(20);
    expect(offers.next).toBeTruthy();
  });

  it("compressé par le serveur quand le client l'accepte (brotli d'abord, sinon gzip), identique une fois décompressé", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const plain = await raw("GET", "/api/v1/offers?pageSize=30", auth);
    const zipped = await raw("GET", "/api/v1/offers?pageSize=30", { ...auth, "accept-encoding": "gzip" });
    // What a browser sends over https: brotli is chosen.
    const browser = await raw("GET", "/api/v1/offers?pageSize=30", { ...auth, "accept-encoding": "gzip, deflate, br, zstd" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(browser.headers["content-encoding"]).toBe("br");
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(browser.body.length).toBeLessThan(plain.body.length);
    const json = stable(JSON.parse(plain.body.toString("utf8")));
    expect(stable(JSON.parse(gunzipSync(zipped.body).toString("utf8")))).toEqual(json);
    expect(stable(JSON.parse(brotliDecompressSync(browser.body).toString("utf8")))).toEqual(json);
    for (const res of [zipped, browser]) {
      expectApiHeaders(res.headers);
      expect(res.headers.vary).toBe("Accept-Encoding");
    }
  });

  it("les fichiers de la construction sont ceux que nomme next.config (distDir), et la lecture rapide ne compresse pas elle-même", async () => {
    // A project as server/main.ts starts it: its next.config (here with another distDir) and the
    // compiled routes of its build, whose GET answers a JSON well above the compression threshold.
    const answer = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, title: `Offre ${i}`.padEnd(60, ".") })) });
    const dir = mkdtempSync(path.join(os.tmpdir(), "chemin-rapide-config-"));
    writeFileSync(path.join(dir, "next.config.mjs"), `export default { distDir: "construction" };\n`);
    for (const read of FAST_READS) {
      const routeDir = path.join(dir, "construction", "server", "app", ...read.page.split("/").filter(Boolean));
      mkdirSync(routeDir, { recursive: true });
      writeFileSync(path.join(routeDir, "route.js"), `exports.routeModule = { userland: { GET: async () => new Response(${JSON.stringify(answer)}, { headers: { "content-type": "application/json" } }) } };`);
    }
    const seen: string[] = [];
    const security = withRequestSecurity((req, res) => {
      seen.push(req.url ?? "");
      res.end("Next.js");
    }, { dev: false, https: false, probe: null, fastReads: await loadFastPath(dir) });
    // Compression on (the default) and off (HTTP_COMPRESSION=false behind a proxy that compresses).
    for (const enabled of [true, false]) {
      const listener = withCompression(security, responseCompression(enabled));
      const local = http.createServer((req, res) => void listener(req, res));
      await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
      try {
        const at = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
        const res = await raw("GET", "/api/v1/offers", { "accept-encoding": "gzip, deflate, br" }, at);
        expect(seen).toEqual([]);
        expect(res.status).toBe(200);
        expect(res.headers["content-encoding"], String(enabled)).toBe(enabled ? "br" : undefined);
        // The compression varies on Accept-Encoding; without it, nothing says so.
        expect(res.headers.vary, String(enabled)).toBe(enabled ? "Accept-Encoding" : undefined);
        expect((enabled ? brotliDecompressSync(res.body) : res.body).toString("utf8")).toBe(answer);
      } finally {
        local.closeAllConnections();
        await new Promise<void>((resolve) => local.close(() => resolve()));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("les refus sont ceux de la route : sans identité 401, lecture d'un autre site 403, fiche d'une autre plateforme 404, requête invalide 400", async () => {
    const cases: [string, string, Record<string, string>, number, Record<string, string>][] = [
      ["/api/v1/offers", "/api/v1/offers", {}, 401, {}],
      ["/api/v1/job-seekers/[id]", `/api/v1/job-seekers/${seekerId}`, { cookie, "sec-fetch-site": "cross-site" }, 403, { id: seekerId }],
      ["/api/v1/job-seekers", "/api/v1/job-seekers?q=a", { cookie, origin: "https://attaquant.example" }, 403, {}],
      ["/api/v1/job-seekers/[id]", `/api/v1/job-seekers/${seekerId}`, { authorization: `Bearer ${otherToken}` }, 404, { id: seekerId }],
      ["/api/v1/job-seekers/[id]", "/api/v1/job-seekers/pas-un-identifiant", { authorization: `Bearer ${token}` }, 404, { id: "pas-un-identifiant" }],
      ["/api/v1/offers", "/api/v1/offers?pageSize=abc", { authorization: `Bearer ${token}` }, 400, {}],
      ["/api/v1/companies", "/api/v1/companies", { authorization: "Bearer pe_jeton-inconnu" }, 401, {}],
    ];
    for (const [page, target, headers, status, params] of cases) {
      const before = seenByNext.length;
      const res = await raw("GET", target, { host: "localhost", ...headers });
      expect(seenByNext.length, target).toBe(before);
      expect(res.status, `${target} ${JSON.stringify(headers)}`).toBe(status);
      expectApiHeaders(res.headers);
      const expected = await direct(page, target, headers, params);
      expect(expected.status).toBe(status);
      expect(stable(JSON.parse(res.body.toString("utf8")))).toEqual(stable(expected.json));
    }
    // A session cookie from our own pages reads (same origin), like through Next.js.
    const own = await raw("GET", `/api/v1/job-seekers/${seekerId}`, { cookie, "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
  });

  it("tout le reste va à Next.js : autres méthodes, barre finale, sous-chemins, segments encodés ou inhabituels, autres routes", async () => {
    const targets: [string, string][] = [
      ["POST", "/api/v1/offers"],
      ["HEAD", "/api/v1/offers"],
      ["OPTIONS", "/api/v1/companies"],
      ["GET", "/api/v1/offers/"],
      ["GET", `/api/v1/job-seekers/${seekerId}/information`],
      ["GET", "/api/v1/job-seekers/%61bc"],
      ["GET", "/api/v1/job-seekers/a.b"],
      ["GET", `/api/v1/job-seekers/${"a".repeat(65)}`],
      ["GET", "/api/v1/visits"],
      ["GET", "/api/v1/offers%2f"],
      ["GET", "/API/v1/offers"],
    ];
    for (const [method, target] of targets) {
      const before = seenByNext.length;
      const res = await raw(method, target, { authorization: `Bearer ${token}` });
      expect(res.status, `${method} ${target}`).toBe(200);
      expect(seenByNext.length, `${method} ${target}`).toBe(before + 1);
      expect(seenByNext.at(-1)!.url).toBe(target);
    }
  });

  it("un chemin avec des segments « .. » est servi comme Next.js le route (chemin normalisé)", async () => {
    const before = seenByNext.length;
    const res = await raw("GET", "/api/v1/companies/../offers?pageSize=2", { authorization: `Bearer ${token}` });
    expect(seenByNext.length).toBe(before);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body.toString("utf8")) as { items: unknown[] }).items).toHaveLength(2);
  });

  it("la table : chaque lecture est un GET d'apiRoute, et aucune route dynamique n'a de voisine fixe que Next.js routerait d'abord", async () => {
    for (const read of FAST_READS) {
      const { GET } = await SOURCES[read.page]!();
      // apiRoute's declaration (lib/api/handler.ts): the permission, checked before anything is read.
      expect((GET as RouteGet & { declared?: { permission: string } }).declared?.permission, read.page).toMatch(/\.read$/);
      const segments = read.page.split("/").filter(Boolean);
      expect(existsSync(path.join(ROOT, "app", ...segments, "route.ts")), read.page).toBe(true);
      segments.forEach((segment, i) => {
        if (!segment.startsWith("[")) return;
        const siblings = readdirSync(path.join(ROOT, "app", ...segments.slice(0, i)), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
        expect(siblings, read.page).toEqual([segment]);
      });
      expect(read.params).toHaveLength(segments.filter((s) => s.startsWith("[")).length);
    }
  });

  it("chargement depuis une construction : le GET du module compilé, ou un refus de démarrer en français", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "chemin-rapide-"));
    try {
      const write = (page: string, body: string) => {
        const dir = path.join(dist, "server", "app", ...page.split("/").filter(Boolean));
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "route.js"), body);
      };
      write("/api/v1/offers", "let loaded = false; exports.routeModule = { async ensureUserland() { loaded = true; }, get userland() { if (!loaded) throw new Error('not loaded'); return { GET: async () => new Response('{\"ok\":true}', { headers: { 'content-type': 'application/json' } }) }; } };");
      const read = FAST_READS.find((r) => r.page === "/api/v1/offers")!;
      const { reads } = await loadFastReads(dist, [read]);
      expect(reads).toHaveLength(1);
      expect(await (await reads[0]!.get(new NextRequest("http://localhost/api/v1/offers"), { params: Promise.resolve({}) })).json()).toEqual({ ok: true });
      write("/api/v1/companies", "exports.routeModule = { userland: { POST: async () => new Response('') } };");
      await expect(loadFastReads(dist, [FAST_READS.find((r) => r.page === "/api/v1/companies")!])).rejects.toThrow(/Route \/api\/v1\/companies : GET introuvable/);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
