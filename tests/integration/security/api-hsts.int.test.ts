// Issue 18: the proxy no longer runs for /api/v1 (Node CPU per request), so HSTS on the API's answers
// is set by apiRoute itself (lib/api/handler.ts `withHsts`): in production over https only, on every
// answer, refusals included. The API's CSP is a static header of next.config.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { HSTS } from "@/lib/security/headers";

// No credential: every call is the 401 refusal (route handlers read the request through next/headers).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

async function meRoute(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return (await import("@/app/api/v1/me/route")).GET;
}

const call = (GET: Awaited<ReturnType<typeof meRoute>>) => GET(new NextRequest("http://localhost/api/v1/me"), { params: Promise.resolve({}) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("HSTS sur l'API (sans le proxy)", () => {
  it("en production derrière https : présent, même sur un refus (401)", async () => {
    const res = await call(await meRoute({ NODE_ENV: "production", NEXTAUTH_URL: "https://proch-emploi.example" }));
    expect(res.status).toBe(401);
    expect(res.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("absent en http (un navigateur épinglerait http://localhost) et hors production", async () => {
    expect((await call(await meRoute({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" }))).headers.get("strict-transport-security")).toBeNull();
    expect((await call(await meRoute({ NODE_ENV: "test", NEXTAUTH_URL: "https://proch-emploi.example" }))).headers.get("strict-transport-security")).toBeNull();
  });
});
