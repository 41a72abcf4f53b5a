// Issue 9 — every page, API route and server action declares a policy action (or is a listed
// public route). The inventory is read from the file system: a new route is covered the day it lands.
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/lib/authz/policy";
import { PUBLIC_ACTION_FILES, PUBLIC_API, PUBLIC_PAGES, listApiRoutes, listPages, listServerActions } from "@/tests/support/route-inventory";

describe("inventaire des routes (matrice rôles × routes)", () => {
  const pages = listPages();
  const api = listApiRoutes();
  const actions = listServerActions();

  it("trouve les pages, routes d'API et actions serveur du dépôt", () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(api.length).toBeGreaterThan(80);
    expect(actions.length).toBeGreaterThan(40);
  });

  it("chaque page déclare une action de la politique (requirePageUser) ou est publique et listée", () => {
    expect(pages.filter((p) => p.action === null).map((p) => p.problem)).toEqual([]);
    for (const p of pages) expect(p.action === "public" || ACTIONS.includes(p.action!)).toBe(true);
  });

  it("chaque méthode d'une route d'API passe par apiRoute({ permission }) ou est publique et listée", () => {
    expect(api.filter((r) => r.action === null).map((r) => r.problem)).toEqual([]);
  });

  it("chaque action serveur exportée passe par serverAction({ permission })", () => {
    expect(actions.filter((a) => a.action === null).map((a) => a.problem)).toEqual([]);
    for (const a of actions.filter((x) => x.action === "public")) expect(PUBLIC_ACTION_FILES[a.file]).toBeDefined();
  });

  it("la liste des routes publiques reste courte et chaque entrée existe encore", () => {
    // 10 until issue 23, whose public intake (two forms, their acknowledgement, their commune picker) is public by design;
    // + 2 since issue 20: the invitation answer page, the SMS provider's callback and the ICS feed (each holds its own secret);
    // + 1 the e-mail relay's bounce webhook (issue 20, its own secret), and the register search of the company form
    // (issue 23, public register data only, rate-limited) took the place counted for the intake.
    expect(Object.keys(PUBLIC_PAGES).length + Object.keys(PUBLIC_API).length).toBeLessThanOrEqual(17);
    for (const p of Object.keys(PUBLIC_PAGES)) expect(pages.some((x) => x.path === p)).toBe(true);
    for (const p of Object.keys(PUBLIC_API)) expect(api.some((x) => x.path === p)).toBe(true);
    for (const f of Object.keys(PUBLIC_ACTION_FILES)) expect(actions.some((x) => x.file === f)).toBe(true);
  });

  it("détecte une route sans permission (contrôle du contrôle)", async () => {
    // On a temporary copy of app/api: the real folder is never written to (other unit files scan it).
    const { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const root = mkdtempSync(path.join(os.tmpdir(), "inventaire-routes-"));
    try {
      cpSync(path.join(process.cwd(), "app/api"), path.join(root, "app/api"), { recursive: true });
      const dir = path.join(root, "app/api/v1/zz-inventory-probe");
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "route.ts"), 'export async function GET() { return Response.json({}); }\nexport const POST = apiRoute({ permission: "nope.nope" }, async () => ({}));\n');
      const copy = listApiRoutes(root);
      expect(copy.filter((r) => r.file.includes("zz-inventory-probe")).map((r) => [r.method, r.action])).toEqual([["GET", null], ["POST", null]]);
      // Everything else is read exactly as in the checkout.
      expect(copy.filter((r) => !r.file.includes("zz-inventory-probe"))).toEqual(api);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
