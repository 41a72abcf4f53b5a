// Issue 14 §6: status icons are inline SVG next to their text (no emoji glyphs, which render as
// empty boxes without the fonts), and the field staff's main navigation keeps to its daily screens
// (the API documentation and the exports are reached from « Mon profil »).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { navFor, userLinksFor } from "@/lib/nav";

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
    expect(userLinksFor(principal(role)).map((i) => i.href)).toEqual(["/exports", "/docs/api"]);
  });
});
