// A server module (no "use client") may render the components of a client module, never call its
// functions or read its constants: Next.js replaces them by client references, so the call throws at
// render time (« Attempted to call … from the server ») and the page answers 500 — only on the page
// that does it, which a type check and a lint do not see (the retention run's page did, in CI).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const DIRS = ["app", "components", "lib"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const isClient = (text: string) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(text);

function resolve(spec: string): string | null {
  const base = path.join(ROOT, spec.slice(2));
  for (const candidate of [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The value names (not `type` imports) of every `import { … } from "@/…"` of a file. */
function valueImports(text: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+["'](@\/[^"']+)["']/gm)) {
    if (m[1]) continue;
    const names = m[2]!
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith("type "))
      .map((s) => s.split(/\s+as\s+/)[0]!.trim());
    out.push({ names, from: m[3]! });
  }
  return out;
}

describe("frontière serveur / client", () => {
  it("aucun module serveur n'appelle une fonction ni ne lit une constante d'un module « use client »", () => {
    const files = DIRS.flatMap((d) => sources(path.join(ROOT, d)));
    const clientCache = new Map<string, boolean>();
    const client = (file: string) => {
      if (!clientCache.has(file)) clientCache.set(file, isClient(readFileSync(file, "utf8")));
      return clientCache.get(file)!;
    };
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (isClient(text)) continue;
      for (const { names, from } of valueImports(text)) {
        const target = resolve(from);
        if (!target || !client(target)) continue;
        // A component (PascalCase) may cross the boundary; a function or a constant may not.
        for (const name of names.filter((n) => !/^[A-Z][a-z0-9]/.test(n) || /^[A-Z0-9_]+$/.test(n))) {
          problems.push(`${path.relative(ROOT, file)} : ${name} vient de ${from} (« use client »)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("voit l'erreur qu'il cherche", () => {
    const text = `import { runStatusText } from "@/components/retention/purge-run-table";\nimport type { X } from "@/a";\nimport { Table, type Y } from "@/b";`;
    expect(valueImports(text)).toEqual([
      { names: ["runStatusText"], from: "@/components/retention/purge-run-table" },
      { names: ["Table"], from: "@/b" },
    ]);
    expect(isClient(`// comment\n"use client";\n`)).toBe(true);
    expect(isClient(`import x from "y";\n`)).toBe(false);
  });
});
