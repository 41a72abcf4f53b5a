// Request body limits (issue 16 §11): every API route refuses a body over its limit with a French
// 413, before reading it whole — from the declared Content-Length before anything else (even before
// authentication), and while streaming when no length is declared (the stream is abandoned at the
// first chunk past the limit). Uploads have their own limit, the documented one (20 Mo for imports),
// which the framework's proxy buffer no longer cuts at 10 MB. Route handlers called in-process.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { NextRequest } from "next/server";
import { BODY_LIMITS } from "@/lib/api/body-limit";
import { hashToken } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { handlerOf } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";
import { listApiRoutes } from "@/tests/support/route-inventory";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const WITH_BODY = listApiRoutes().filter((r) => r.method !== "GET");
const CHUNK = 64 * 1024;

/** A body that never ends: counts what the route pulled from it. */
function endless(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled += CHUNK;
      c.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

function request(url: string, method: string, headers: Record<string, string>, body: BodyInit | null): NextRequest {
  const h = new Headers({ host: "localhost", ...headers });
  current.headers = h;
  return new NextRequest(new URL(url, "http://localhost"), { method, headers: h, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}

async function expect413(res: Response, limit: number) {
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
  expect(body.error.message).toMatch(/^Requête trop volumineuse : [\d  ]+ (Mo|Ko) au plus pour cette opération\.$/);
  expect(body.error.message).toContain(limit >= 1_048_576 ? `${Math.floor(limit / 1_048_576)} Mo` : `${Math.floor(limit / 1024)} Ko`);
}

let token = "";
beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  const platform = await createPlatform(db, "Lens-Liévin");
  const u = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platform.id] });
  token = `pe_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: u.id, name: "test", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
});

describe("limite de taille des corps de requête (issue 16 §11)", () => {
  it("chaque route d'API qui reçoit un corps refuse une longueur déclarée trop grande par un 413 en français, sans rien lire", async () => {
    expect(WITH_BODY.length).toBeGreaterThan(20);
    for (const r of WITH_BODY) {
      const h = (await handlerOf(r)) as Handler & { declared?: { maxBodyBytes?: number } };
      const limit = r.path === "/api/auth/[...nextauth]" ? BODY_LIMITS.auth : r.path === "/api/sms/callback" ? BODY_LIMITS.smsCallback : r.path === "/api/email/callback" ? BODY_LIMITS.emailCallback : h.declared?.maxBodyBytes;
      expect(limit, `${r.method} ${r.path} : limite déclarée`).toBeGreaterThan(0);
      const url = r.path.replace(/\[\.\.\.(\w+)\]/, "callback/credentials").replace(/\[(\w+)\]/g, "00000000-0000-4000-8000-000000000000");
      const { stream, pulled } = endless();
      const res = await h(request(url, r.method, { "content-length": String(limit! + 1), "content-type": "application/json" }, stream), {
        params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000", nextauth: ["callback", "credentials"] }),
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(413);
      await expect413(res, limit!);
      expect(pulled(), `${r.method} ${r.path} : rien lu`).toBeLessThanOrEqual(CHUNK);
    }
  });

  it("un corps JSON sans longueur déclarée est lu en flux et abandonné au premier octet au-delà de la limite", async () => {
    const h = (await import("@/app/api/v1/companies/route")).POST as Handler;
    const body = endless();
    const res = await h(request("/api/v1/companies", "POST", { authorization: `Bearer ${token}`, "content-type": "application/json" }, body.stream), { params: Promise.resolve({}) });
    await expect413(res, BODY_LIMITS.json);
    expect(BODY_LIMITS.json).toBe(env.API_BODY_MAX_KB * 1024);
    expect(body.pulled()).toBeLessThanOrEqual(BODY_LIMITS.json + 2 * CHUNK);
    expect(body.cancelled()).toBe(true);
  });

  it("un envoi de fichier d'import a la limite documentée (20 Mo) : 15 Mo passent la limite, au-delà 413 en flux", async () => {
    const preview = (await import("@/app/api/v1/imports/job-seekers/preview/route")).POST as Handler & { declared: { maxBodyBytes: number } };
    expect(preview.declared.maxBodyBytes).toBe(BODY_LIMITS.import);
    expect(BODY_LIMITS.import).toBeGreaterThan(env.IMPORT_MAX_MB * 1_048_576);
    const body = endless();
    const res = await preview(request("/api/v1/imports/job-seekers/preview", "POST", { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x" }, body.stream), { params: Promise.resolve({}) });
    await expect413(res, BODY_LIMITS.import);
    expect(body.pulled()).toBeLessThanOrEqual(BODY_LIMITS.import + 2 * CHUNK);
    expect(body.cancelled()).toBe(true);

    // 15 Mo (over the framework's former 10 MB cut): read whole and judged on its content, not its size.
    const form = new FormData();
    form.set("file", new File([Buffer.alloc(15 * 1_048_576, "a")], "gros.csv", { type: "text/csv" }));
    form.set("mapping", "{}");
    const encoded = new Response(form);
    const big = await preview(request("/api/v1/imports/job-seekers/preview", "POST", {
      authorization: `Bearer ${token}`, "content-type": encoded.headers.get("content-type")!,
    }, await encoded.arrayBuffer()), { params: Promise.resolve({}) });
    expect(big.status).not.toBe(413);
    expect(big.status).toBeLessThan(500);
  });

  it("le tampon du proxy de Next.js est au-dessus de la plus grande limite (il ne coupe plus en silence à 10 Mo)", async () => {
    const { default: config } = await import("@/next.config");
    const limit = (config.experimental as { proxyClientMaxBodySize: number }).proxyClientMaxBodySize;
    expect(limit).toBeGreaterThan(Math.max(...Object.values(BODY_LIMITS)));
  });
});
