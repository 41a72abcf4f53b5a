// Issue 9 — HTTP hardening checked on the production server: security headers with a fresh CSP
// nonce per page, session cookie flags, CSRF refusal for cookie sessions, escaping of echoed input,
// and scripts still running under the CSP (a real Chromium page).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { NEXT_BIN } from "../../scripts/lib/next-build";
import { loginViaForm, loginViaHttp } from "../support/auth";
import { ACCOUNTS } from "../support/accounts";
import { baseUrl, signedIn } from "./fixtures";

/** A random SIRET passing the Luhn key (14 digits). */
function luhnSiret(): string {
  const digits = Array.from({ length: 13 }, (_, i) => (i === 0 ? 3 : Math.floor(Math.random() * 10)));
  for (let check = 0; check < 10; check++) {
    const all = [...digits, check];
    const sum = all.reduce((acc, d, i) => {
      const v = (all.length - i) % 2 === 0 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join("");
  }
  throw new Error("inatteignable");
}

function cspNonce(csp: string): string | undefined {
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

test("en-têtes de sécurité sur les pages et l'API ; un nonce CSP neuf à chaque page", async ({ request }) => {
  const a = await request.get("/connexion");
  const b = await request.get("/connexion");
  for (const res of [a, b]) {
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
    const csp = h["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    // HSTS only when served over https in production (NEXTAUTH_URL https://); the test server is plain http on loopback.
    expect(h["strict-transport-security"]).toBeUndefined();
  }
  const n1 = cspNonce(a.headers()["content-security-policy"] ?? "");
  const n2 = cspNonce(b.headers()["content-security-policy"] ?? "");
  expect(n1).toBeTruthy();
  expect(n1).not.toBe(n2);
  // Next.js puts the nonce on every script it renders.
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${n1}"`);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("une page de l'application (recherche de demandeurs) : une seule CSP, son nonce sur chaque script ; l'API v1 garde la sienne", async () => {
  // Issue 18: the nonce is set by the application server (server/app-server.ts), not by a Next.js
  // proxy; the test server is started the way `npm start` starts it.
  const ctx = await signedIn("assistantLens");
  const res = await ctx.get("/demandeurs?q=a");
  expect(res.status()).toBe(200);
  const csps = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(csps).toHaveLength(1);
  const nonce = cspNonce(csps[0]!.value);
  expect(nonce).toBeTruthy();
  const html = await res.text();
  expect(html).toContain("Demandeurs d&#x27;emploi");
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(1);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  const api = await ctx.get("/api/v1/me");
  expect(api.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value)).toEqual([
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ]);
  // The reads the application server serves without Next.js (server/api-fast-path.ts, issue 18) carry
  // the same headers as an answer of Next.js (/api/v1/me), once each.
  const fast = await ctx.get("/api/v1/offers?pageSize=1");
  expect(fast.status()).toBe(200);
  const security = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "cache-control", "content-type"];
  for (const name of security) {
    expect(fast.headersArray().filter((h) => h.name.toLowerCase() === name).map((h) => h.value), name).toEqual(api.headersArray().filter((h) => h.name.toLowerCase() === name).map((h) => h.value));
  }
  await ctx.dispose();
});

test("le serveur compresse les pages : brotli pour un navigateur, gzip pour un client sans brotli, rien si le client ne veut rien", async () => {
  // Issue 18: the application server compresses (server/compression.ts), not Next.js (compress: false).
  const ctx = await signedIn("assistantLens");
  const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  await ctx.dispose();
  const get = (accept: string) => new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http.get(`${baseUrl()}/demandeurs?q=a`, { headers: { cookie, "accept-encoding": accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
  const cases: [string, string | undefined, (b: Buffer) => Buffer][] = [
    ["gzip, deflate, br, zstd", "br", brotliDecompressSync],
    ["gzip, deflate", "gzip", gunzipSync],
    ["identity", undefined, (b) => b],
  ];
  for (const [accept, encoding, decode] of cases) {
    const res = await get(accept);
    expect(res.headers["content-encoding"], accept).toBe(encoding);
    expect(res.headers.vary ?? "", accept).toContain("Accept-Encoding");
    const html = decode(res.body).toString("utf8");
    expect(html, accept).toContain("Demandeurs d&#x27;emploi");
    expect(html.trimEnd().endsWith("</html>"), accept).toBe(true);
  }
});

test("les scripts de l'application s'exécutent sous la CSP (connexion dans Chromium, aucune violation)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/entreprises");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("cookie de session : HttpOnly, SameSite=Lax (Secure quand l'URL publique est en https)", async ({ request }) => {
  expect(await loginViaHttp(request, ACCOUNTS.assistantLens.email)).toBeLessThan(400);
  const { cookies } = await request.storageState();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Plain-http loopback test server: next-auth sets Secure (and the __Secure- prefix) only for an https NEXTAUTH_URL.
  expect(session!.secure).toBe(baseUrl().startsWith("https://"));
});

test("CSRF : une écriture avec le cookie de session depuis une autre origine est refusée", async () => {
  const ctx = await signedIn("assistantLens");
  try {
    // A valid body (the same one is accepted from our own origin below): only the origin check can refuse it.
    const name = `Entreprise CSRF ${Date.now()}`;
    const body = { name, siret: luhnSiret() };
    const cross = await ctx.post("/api/v1/companies", { data: body, headers: { origin: "https://attaquant.example", "sec-fetch-site": "cross-site" } });
    expect(cross.status()).toBe(403);
    const noOrigin = await ctx.post("/api/v1/companies", { data: body, headers: { origin: "" } });
    expect(noOrigin.status(), await noOrigin.text()).toBe(403);
    expect(((await noOrigin.json()) as { error: { message: string } }).error.message).toBe("En-tête Origin manquant.");
    const sameOrigin = await ctx.post("/api/v1/companies", { data: body });
    expect(sameOrigin.status(), await sameOrigin.text()).toBe(201);
    // Exactly one company of that name: the refused requests wrote nothing.
    const list = (await (await ctx.get(`/api/v1/companies?q=${encodeURIComponent(name)}`)).json()) as { items: { name: string }[] };
    expect(list.items.filter((c) => c.name === name)).toHaveLength(1);
  } finally {
    await ctx.dispose();
  }
});

test("ce qui est saisi est échappé à l'affichage (HTML et script dans un nom d'entreprise)", async () => {
  const ctx = await signedIn("assistantLens");
  try {
    const hostile = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> ${Date.now()}`;
    const res = await ctx.post("/api/v1/companies", { data: { name: hostile, siret: luhnSiret() } });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const page = await ctx.get(`/entreprises/${id}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).not.toContain('<img src=x onerror="window.__pwned');
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  } finally {
    await ctx.dispose();
  }
});

test("`next start` seul (sans server/main.ts, donc sans CSP sur les pages) refuse de démarrer, en français", async () => {
  // The build under test, started the way the README forbids: it must stop at start-up (exit 1), not serve.
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  // eslint-disable-next-line no-restricted-syntax -- the runner's environment (database, secrets) for the child
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  // Still running after 40 s (it started and serves): killed, exit code null, and the test fails.
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
  const code = await exited.finally(() => clearTimeout(timer));
  expect(output).toContain("Démarrage refusé : l'application doit être lancée par son serveur (`npm start`");
  expect(code).toBe(1);
});
