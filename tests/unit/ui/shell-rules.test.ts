// Issue 14 §6: status icons are inline SVG next to their text (no emoji glyphs, which render as
// empty boxes without the fonts), and the field staff's main navigation keeps to its daily screens
// (the API documentation and the exports are reached from « Mon profil »).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAV_COLLAPSE_AFTER, navFor, splitNav, userLinksFor } from "@/lib/nav";

const ROOT = path.resolve(import.meta.dirname, "../../..");
function tsx(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const f = path.join(dir, n);
    if (statSync(f).isDirectory()) tsx(f, out);
    else if (f.endsWith(".tsx")) out.push(f);
  }
  return out;
}

describe("icônes d'état", () => {
  it("aucun écran n'affiche d'émoji ou de pictogramme de police comme icône d'état", () => {
    const glyphs = /[⚠⛔✓✔✗✘❌⏳⏰◷🔔]/u;
    const found = [...tsx(path.join(ROOT, "app")), ...tsx(path.join(ROOT, "components"))]
      .flatMap((f) => readFileSync(f, "utf8").split("\n").map((line, i) => ({ f, line, i })))
      .filter(({ line }) => glyphs.test(line) && !line.trim().startsWith("//"))
      .map(({ f, i, line }) => `${path.relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 80)}`);
    expect(found).toEqual([]);
  });
});

describe("menu principal", () => {
  const principal = (role: "PLATFORM_ASSISTANT" | "PLATFORM_MANAGER") => ({ id: "u", role, allPlatforms: false, platformIds: ["p"] });
  it.each(["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] as const)("%s : ni l'API ni les exports dans le menu, mais dans les liens de « Mon profil »", (role) => {
    const hrefs = navFor(principal(role)).map((i) => i.href);
    expect(hrefs).not.toContain("/docs/api");
    expect(hrefs).not.toContain("/exports");
    expect(hrefs).toContain("/profil");
    // Issue 22 §6: the API documentation goes with the personal tokens (the roles that integrate only).
    expect(userLinksFor(principal(role)).map((i) => i.href)).toEqual(role === "PLATFORM_MANAGER" ? ["/exports", "/docs/api"] : ["/exports"]);
  });
});

describe("menu à 1366 px : « Plus » pour un menu long", () => {
  const who = (role: "PLATFORM_ASSISTANT" | "PLATFORM_MANAGER" | "DPO" | "ADMIN") => ({ id: "u", role, allPlatforms: role === "DPO" || role === "ADMIN", platformIds: ["p"] });
  it("la responsable : les entrées peu utilisées passent sous « Plus », le reste tient sur une ligne", () => {
    const { primary, more } = splitNav(navFor(who("PLATFORM_MANAGER")));
    expect(more.map((i) => i.href)).toEqual(["/rgpd/demandes", "/rgpd/violations", "/rgpd/archives", "/plateformes"]);
    expect(primary.map((i) => i.href)).toContain("/administration/utilisateurs");
    expect(primary.length + 1).toBeLessThanOrEqual(NAV_COLLAPSE_AFTER + 3);
  });
  it.each(["DPO", "ADMIN"] as const)("%s : un menu court reste entier (rien sous « Plus »)", (role) => {
    const items = navFor(who(role));
    expect(items.length).toBeLessThanOrEqual(NAV_COLLAPSE_AFTER);
    expect(splitNav(items)).toEqual({ primary: items, more: [] });
  });
});

