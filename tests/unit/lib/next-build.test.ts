// The e2e stage rebuilds Next.js only when a source is newer than the last build
// (scripts/lib/next-build.ts): every file the build compiles must count, or the specs run an old build.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { APP_SERVER, appServerArgs, buildIsStale, NEXT_BIN } from "@/scripts/lib/next-build";

/** Root-level TypeScript files that are tool configuration, not part of the Next.js build. */
const NOT_BUILT = new Set(["vitest.config.ts", "playwright.config.ts", "prisma.config.ts", "eslint.config.mjs"]);

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function checkoutBuiltAt(secondsAgo: number): string {
  root = mkdtempSync(path.join(os.tmpdir(), "next-build-"));
  mkdirSync(path.join(root, ".next"));
  const buildId = path.join(root, ".next", "BUILD_ID");
  writeFileSync(buildId, "x");
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(buildId, t, t);
  return root;
}

function touch(file: string, secondsAgo: number) {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "// source");
  const t = Date.now() / 1000 - secondsAgo;
  // The file and the folders created for it.
  for (let p = full; p !== root; p = path.dirname(p)) utimesSync(p, t, t);
}

describe("fraîcheur du build Next.js", () => {
  // Read from the repository: a new root file (like instrumentation.ts) is covered the day it lands.
  // (*.d.ts: type declarations, e.g. next-env.d.ts that the build itself writes.)
  const rootSources = readdirSync(process.cwd()).filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith(".d.ts") && !NOT_BUILT.has(f));

  it("trouve les fichiers racine compilés par Next.js", () => {
    expect(rootSources).toEqual(expect.arrayContaining(["next.config.ts", "instrumentation.ts"]));
  });

  for (const file of ["app/page.tsx", "components/ui/x.tsx", "lib/x.ts", "prisma/schema.prisma", "package.json", ...rootSources]) {
    it(`${file} modifié après le build → build à refaire ; plus ancien → build à jour`, () => {
      checkoutBuiltAt(100);
      touch(file, 200);
      expect(buildIsStale(root)).toBe(false);
      touch(file, 0);
      expect(buildIsStale(root)).toBe(true);
    });
  }

  it("sans build (pas de .next/BUILD_ID) → build à faire", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "next-build-"));
    expect(buildIsStale(root)).toBe(true);
  });
});

describe("démarrage de l'application (issue 18 : serveur de l'application, plus de next start)", () => {
  it("ce dépôt démarre server/main.ts sous tsx, en production comme en développement", () => {
    expect(appServerArgs({ port: 3100, host: "127.0.0.1" })).toEqual(["--import", "tsx", APP_SERVER, "-p", "3100", "-H", "127.0.0.1"]);
    expect(appServerArgs({ port: 3100, dev: true, nodeArgs: ["--cpu-prof"] })).toEqual(["--cpu-prof", "--import", "tsx", APP_SERVER, "--dev", "-p", "3100"]);
  });

  it("une copie d'un commit plus ancien (sans server/main.ts), mesurée à côté : next start, comme alors", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "next-build-"));
    expect(appServerArgs({ root, port: 3100, host: "127.0.0.1" })).toEqual([path.resolve(root, NEXT_BIN), "start", "-p", "3100", "-H", "127.0.0.1"]);
  });
});
