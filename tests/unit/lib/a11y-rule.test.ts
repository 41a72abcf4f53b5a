// One accessibility rule for all e2e specs (issue 21): every axe check goes through
// e2e/support/a11y.ts (WCAG 2.1 A/AA, no violation of any impact); no spec runs axe itself or
// filters its results by impact.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const E2E = path.resolve(import.meta.dirname, "../../../e2e");

function specs(dir = E2E, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) specs(full, out);
    else if (name.endsWith(".ts")) out.push(full);
  }
  return out;
}

describe("règle d'accessibilité des tests de bout en bout", () => {
  const files = specs().map((f) => ({ file: path.relative(E2E, f), src: readFileSync(f, "utf8") }));

  it("seul e2e/support/a11y.ts lance axe, et il ne filtre pas par gravité", () => {
    const helper = files.find((f) => f.file === "support/a11y.ts")!;
    expect(helper.src).toContain("new AxeBuilder");
    expect(helper.src).not.toMatch(/impact\s*[!=]==|\.filter\(/);
    expect(files.filter((f) => f.file !== "support/a11y.ts" && /AxeBuilder|@axe-core/.test(f.src)).map((f) => f.file)).toEqual([]);
  });

  it("aucun test ne trie les violations par gravité (serious / critical)", () => {
    expect(files.filter((f) => /impact\s*[!=]==|"(serious|critical)"/.test(f.src)).map((f) => f.file)).toEqual([]);
  });

  it("les tests vérifient l'accessibilité avec axeViolations(…) → []", () => {
    const users = files.filter((f) => f.src.includes("axeViolations("));
    expect(users.length).toBeGreaterThan(10);
    for (const f of users.filter((x) => x.file !== "support/a11y.ts")) expect(f.src, f.file).toMatch(/expect\(await axeViolations\(\w+\)\)\.toEqual\(\[\]\)/);
  });
});
