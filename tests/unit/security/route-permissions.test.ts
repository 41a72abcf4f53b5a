// Issue 21 — the hand-written route → permission table (tests/support/route-permissions.ts) matches
// the route inventory read from app/, row for row. A new route fails here until its row is added.
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/lib/authz/policy";
import { listApiRoutes, listPages } from "@/tests/support/route-inventory";
import { API_PERMISSIONS, PAGE_PERMISSIONS, type PermissionRow } from "@/tests/support/route-permissions";

const key = (method: string, path: string) => `${method} ${path}`;
const TABLE = "tests/support/route-permissions.ts";

describe("table des permissions par route (relue, indépendante des fichiers de route)", () => {
  const inventory: PermissionRow[] = [
    ...listApiRoutes().map((r) => [r.method, r.path, r.action ?? "(aucune)"] as unknown as PermissionRow),
    ...listPages().map((p) => ["PAGE", p.path, p.action ?? "(aucune)"] as unknown as PermissionRow),
  ];
  const pinned = [...API_PERMISSIONS, ...PAGE_PERMISSIONS];

  it("une ligne et une seule par route et méthode", () => {
    const seen = new Map<string, number>();
    for (const [m, p] of pinned) seen.set(key(m, p), (seen.get(key(m, p)) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => `${k} : ${TABLE} a plusieurs lignes`)).toEqual([]);
  });

  it("chaque route de l'inventaire a sa ligne dans la table", () => {
    const rows = new Set(pinned.map(([m, p]) => key(m, p)));
    const missing = inventory.filter(([m, p]) => !rows.has(key(m, p)));
    expect(missing.map(([m, p, a]) => `route absente de ${TABLE} : ${key(m, p)} — ajouter la ligne ["${m}", "${p}", "<permission>"] après relecture (le fichier de route déclare « ${a} »)`)).toEqual([]);
  });

  it("chaque ligne de la table désigne une route qui existe encore", () => {
    const routes = new Set(inventory.map(([m, p]) => key(m, p)));
    expect(pinned.filter(([m, p]) => !routes.has(key(m, p))).map(([m, p]) => `${key(m, p)} : ligne de ${TABLE} sans route (la retirer)`)).toEqual([]);
  });

  it("chaque route déclare exactement la permission de sa ligne", () => {
    const declared = new Map(inventory.map(([m, p, a]) => [key(m, p), a]));
    const differ = pinned.filter(([m, p, a]) => declared.has(key(m, p)) && declared.get(key(m, p)) !== a);
    expect(differ.map(([m, p, a]) => `${key(m, p)} déclare « ${declared.get(key(m, p))} », la table attend « ${a} »`)).toEqual([]);
  });

  it("chaque permission de la table existe dans la politique", () => {
    expect(pinned.filter(([, , a]) => a !== "public" && !(ACTIONS as readonly string[]).includes(a)).map(([m, p, a]) => `${key(m, p)} : « ${a} »`)).toEqual([]);
  });
});
