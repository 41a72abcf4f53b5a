// Issues 9 and 21 — role × route matrix on the production server. The routes come from the file
// system (tests/support/route-inventory.ts): every page and every API method is called for each of
// the seven roles and for a signed-out visitor. The expected permission of each route is NOT read
// from the route file but from the hand-written table tests/support/route-permissions.ts (checked
// against the inventory by tests/unit/security/route-permissions.test.ts), so a route declaring too
// lax a permission fails here. Who may do what comes from the hand-written role × action table
// (tests/support/role-permissions.ts), not from the production can(). Allowed reads must answer 200
// (query parameters a route requires are given below). Write methods are called only where the answer
// must be a refusal (401 / 403): an allowed write would change the shared demo data; every allowed
// write (each role the tables allow) is called with a valid body on a throw-away record, and must
// answer 2xx, in tests/integration/security/allowed-writes.int.test.ts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Action } from "../../lib/authz/policy";
import type { Role } from "../../lib/generated/prisma/enums";
import { listApiRoutes, listPages, PUBLIC_API } from "../../tests/support/route-inventory";
import { pinnedPermission } from "../../tests/support/route-permissions";
import { expectedRoles } from "../../tests/support/role-permissions";
import { ACCOUNTS } from "../support/accounts";
import { platformId, signedIn, withDb, type AccountKey } from "./fixtures";
import { resolveIds, type Resolved } from "./ids";

test.describe.configure({ mode: "parallel" });

const PAGES = listPages();
const API = listApiRoutes().filter((r) => PUBLIC_API[r.path] === undefined);
/** The seven roles (Lens accounts where the role works on a platform) and a signed-out visitor. */
const CALLERS: (AccountKey | "anonymous")[] = ["assistantLens", "managerLens", "referent", "finance", "reviewer", "dpo", "admin", "anonymous"];
const LENS_MEMBERS = new Set<string>(["assistantLens", "managerLens"]);
/** Query parameters without which a read route answers 400 (its own contract, not a refusal). */
const READ_QUERY: Record<string, string> = {
  "/api/v1/france-travail/[subsidyFileId]/monthly": "month=2026-01&file=indicators",
  "/api/v1/reports/monthly": "month=2026-01",
  "/api/v1/reports/monthly/export": "month=2026-01&format=csv",
  "/api/v1/reports/objectives": `year=${new Date().getFullYear()}`,
  "/api/v1/rights-requests/subjects": "q=Martin",
  "/api/v1/search": "q=Martin",
  "/api/v1/subsidy-files/[id]/ft-bilan": "kind=INTERMEDIATE",
};
/** The pinned permission (tests/support/route-permissions.ts); a route missing there fails the matrix. */
const pinned = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "PAGE", path: string) => pinnedPermission(method, path) ?? null;

interface Row { caller: string; route: string; status: number; expected: string }

let resolved: Map<string, Resolved & { url: string }>;

test.beforeAll(async () => {
  resolved = new Map();
  await withDb(async (c) => {
    const lens = await platformId(c, "Lens-Liévin");
    for (const p of [...PAGES.map((x) => x.path), ...API.map((x) => x.path)]) {
      if (!resolved.has(p)) resolved.set(p, await resolveIds(c, p, lens));
    }
  });
});

test("chaque route a une action de la politique ou figure dans la courte liste des routes publiques", () => {
  const problems = [...PAGES, ...listApiRoutes()].filter((r) => r.action === null).map((r) => r.problem);
  expect(problems).toEqual([]);
});

function check(rows: Row[], caller: string, route: string, status: number, ok: boolean, expected: string) {
  if (!ok) rows.push({ caller, route, status, expected });
}

for (const caller of CALLERS) {
  test(`matrice : ${caller}`, async () => {
    test.setTimeout(600_000);
    const ctx: APIRequestContext = await signedIn(caller);
    const role = caller === "anonymous" ? null : (ACCOUNTS[caller].role as Role);
    // Who may do what comes from the hand-written role × action table, not from the production can().
    const allowed = (a: Action) => role !== null && expectedRoles(a).includes(role);
    const bad: Row[] = [];
    let calls = 0;
    try {
      for (const page of PAGES) {
        const r = resolved.get(page.path)!;
        const action = pinned("PAGE", page.path);
        if (action === null) { bad.push({ caller, route: page.path, status: 0, expected: "une ligne dans tests/support/route-permissions.ts" }); continue; }
        const res = await ctx.get(r.url, { maxRedirects: 0 });
        calls++;
        const s = res.status();
        const location = res.headers()["location"] ?? "";
        if (action === "public") {
          check(bad, caller, page.path, s, s < 500, "< 500 (page publique)");
        } else if (role === null) {
          check(bad, caller, page.path, s, s >= 300 && s < 400 && location.includes("/connexion"), "redirection vers /connexion");
        } else if (!allowed(action)) {
          check(bad, caller, page.path, s, s === 403, `403 (${action})`);
        } else if (!r.exists) {
          check(bad, caller, page.path, s, s === 404, "404 (aucun enregistrement)");
        } else if (LENS_MEMBERS.has(caller) || !r.platformScoped) {
          check(bad, caller, page.path, s, s === 200, `200 (${action})`);
        } else {
          // Region-wide roles: their own scope (a referent follows only the job seekers assigned to them).
          check(bad, caller, page.path, s, s === 200 || s === 404, `200 ou 404 selon le périmètre (${action})`);
        }
      }
      for (const api of API) {
        const r = resolved.get(api.path)!;
        const label = `${api.method} ${api.path}`;
        const pinnedAction = pinned(api.method, api.path);
        if (pinnedAction === null || pinnedAction === "public") {
          bad.push({ caller, route: label, status: 0, expected: "une ligne (non publique) dans tests/support/route-permissions.ts" });
          continue;
        }
        const action: Action = pinnedAction;
        const mayWrite = api.method !== "GET";
        if (mayWrite && role !== null && allowed(action)) continue; // see the header comment
        const url = !mayWrite && READ_QUERY[api.path] ? `${r.url}?${READ_QUERY[api.path]}` : r.url;
        const res = await ctx.fetch(url, { method: api.method, maxRedirects: 0, ...(mayWrite ? { data: {} } : {}) });
        calls++;
        const s = res.status();
        if (role === null) check(bad, caller, label, s, s === 401, "401");
        else if (!allowed(action)) check(bad, caller, label, s, s === 403, `403 (${action})`);
        else if (!r.exists) check(bad, caller, label, s, s === 404 || (s >= 200 && s < 300 && api.path.endsWith("]") === false), "404 (aucun enregistrement)");
        else if (!api.path.includes("[") || LENS_MEMBERS.has(caller) || !r.platformScoped) check(bad, caller, label, s, s === 200, `200 (${action})`);
        // Region-wide roles on a Lens record: their own scope (a referent follows only the job seekers assigned to them).
        else check(bad, caller, label, s, s === 200 || s === 404, `200 ou 404 selon le périmètre (${action})`);
      }
    } finally {
      await ctx.dispose();
    }
    test.info().annotations.push({ type: "appels", description: String(calls) });
    expect(bad, `${calls} appels ; écarts à la politique :\n${bad.map((b) => `${b.route} → ${b.status}, attendu ${b.expected}`).join("\n")}`).toEqual([]);
  });
}

test("matrice : hors connexion, les routes publiques répondent", async () => {
  const ctx = await signedIn("anonymous");
  try {
    expect((await ctx.get("/api/health")).status()).toBe(200);
    expect((await ctx.get("/api/v1/openapi.json")).status()).toBe(200);
    expect((await ctx.get("/api/auth/csrf")).status()).toBe(200);
  } finally {
    await ctx.dispose();
  }
});
