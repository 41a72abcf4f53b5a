// House rule « one UI kit in components/ui: use it, extend it, never copy its classes ». The control
// look has one source (controlClass, with a compact size for table rows and the header) and the
// linter refuses a copy of it, of a primary button's look or of a card's box, in a screen
// (eslint.config.mjs). The card's box has one source too (cardBox, behind Card, Section, FormSection).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { cardBox, cardClass } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("controlClass", () => {
  it("40 px by default, 32 px with small text when compact; red border when invalid; the caller's classes win", () => {
    expect(controlClass()).toContain("min-h-10");
    expect(controlClass()).toContain("border-gray-400");
    const sm = controlClass(undefined, undefined, "sm").split(" ");
    expect(sm).toEqual(expect.arrayContaining(["min-h-8", "px-2", "py-1", "text-sm", "border-gray-400"]));
    expect(sm).not.toContain("min-h-10");
    expect(controlClass("Obligatoire.", "w-28", "sm").split(" ")).toEqual(expect.arrayContaining(["border-danger", "w-28"]));
    expect(controlClass("Obligatoire.", "w-28").split(" ")).not.toContain("w-full");
  });
});

describe("cardBox", () => {
  it("16 px padding by default, 12 px compact, 24 px standalone; the caller's classes win", () => {
    expect(cardBox().split(" ")).toEqual(expect.arrayContaining(["rounded-lg", "border", "border-gray-300", "bg-white", "p-4"]));
    expect(cardClass).toBe(cardBox());
    expect(cardBox("sm").split(" ")).toContain("p-3");
    expect(cardBox("lg").split(" ")).toContain("p-6");
    const danger = cardBox("md", "border-danger bg-red-50").split(" ");
    expect(danger).toEqual(expect.arrayContaining(["border-danger", "bg-red-50"]));
    expect(danger).not.toContain("border-gray-300");
    expect(danger).not.toContain("bg-white");
  });
});

describe("ESLint: no copy of the kit's classes outside components/ui", () => {
  const eslint = new ESLint({ cwd: ROOT });
  async function messages(code: string, file: string) {
    const results = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return results.flatMap((r) => r.messages).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  }

  it("flags a copied control, a hand-made invalid border and a copied primary button in a screen", async () => {
    const code = [
      'export const A = () => <select className="rounded border border-gray-400 px-3 py-2" />;',
      'export const B = ({ e }: { e?: string }) => <textarea className={`rounded border px-3 py-2 ${e ? "border-danger" : "border-gray-400"}`} />;',
      'export const C = () => <button className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">OK</button>;',
      'export const D = () => <input className={`w-28 rounded border border-gray-400 px-2 py-1`} />;',
    ].join("\n");
    const found = await messages(code, "components/zz-guard/sample.tsx");
    expect(found.filter((m) => m.startsWith("Contrôle recopié"))).toHaveLength(3);
    expect(found.filter((m) => m.startsWith("Bouton recopié"))).toHaveLength(1);
    expect(await messages(code, "app/(app)/zz-guard/page.tsx")).toHaveLength(4);
  }, 60_000);

  it("flags a copied card box: a section, a fieldset, a drifted rounded list item, a card without background, a table's scroll box", async () => {
    const code = [
      'export const A = () => <section className="flex flex-col gap-3 rounded-lg border border-gray-300 bg-white p-4" />;',
      'export const B = () => <fieldset className={`grid gap-4 rounded-lg border border-gray-300 bg-white p-4 md:grid-cols-2`} />;',
      'export const C = () => <li className="rounded border border-gray-300 bg-white p-3 text-sm" />;',
      'export const D = () => <article className="flex flex-col gap-2 rounded-lg border border-gray-300 p-4" />;',
      'export const E = () => <div className="overflow-x-auto rounded-lg border border-gray-300 bg-white" tabIndex={0} role="region" aria-label="x" />;',
    ].join("\n");
    const found = await messages(code, "components/zz-guard/sample.tsx");
    expect(found).toHaveLength(5);
    expect(found.every((m) => m.startsWith("Carte recopiée"))).toBe(true);
    expect(await messages(code, "app/(app)/zz-guard/page.tsx")).toHaveLength(5);
    expect(await messages(code, "components/ui/zz-guard.tsx")).toEqual([]);
  }, 60_000);

  it("lets the kit's card, cardBox, dividers, a dropdown menu and a nested group's box through", async () => {
    const ok = [
      'import { Card, cardBox } from "@/components/ui/card";',
      'export const A = () => <Card as="section" padding="sm" className="flex flex-col gap-3" />;',
      'export const B = () => <dl className={cardBox("md", "grid grid-cols-1 gap-x-6")} />;',
      'export const C = () => <tr className="border-b border-gray-300" />;',
      'export const D = () => <ul className="absolute right-0 rounded border border-gray-300 bg-white py-1 shadow-lg" />;',
      'export const E = () => <fieldset className="flex flex-col gap-2 rounded border border-gray-300 p-3" />;',
      'export const F = () => <p className="rounded border border-gray-300 bg-gray-50 p-3 text-sm" />;',
    ].join("\n");
    expect(await messages(ok, "components/zz-guard/sample.tsx")).toEqual([]);
  }, 60_000);

  it("lets the kit itself, the kit's helpers and table rules through; still checks process.env there", async () => {
    const control = 'export const A = () => <select className="rounded border border-gray-400 px-3 py-2" />;';
    expect(await messages(control, "components/ui/zz-guard.tsx")).toEqual([]);
    const ok = [
      'import { controlClass } from "@/components/ui/field";',
      'export const A = ({ e }: { e?: string }) => <select className={controlClass(e, "w-28", "sm")} />;',
      'export const B = () => <tr className="border-b border-gray-400 text-left" />;',
    ].join("\n");
    expect(await messages(ok, "components/zz-guard/sample.tsx")).toEqual([]);
    expect(await messages("export const x = process.env.FOO;", "components/zz-guard/sample.tsx")).toEqual(["Lisez la configuration via lib/env.ts."]);
  }, 60_000);
});
