// Refreshes node-runtime-lock.json after a change of the `node` dependency (docs/deploiement.md):
// for each platform package of that version published on the registry, the integrity the registry
// publishes and the SHA-256 of the `node` binary inside the tarball (downloaded by `npm pack`, which
// checks it against that integrity; checked here again). Needs the registry and `tar`.
// Usage: node scripts/pin-node-runtime.mjs   (or npm run node:pin)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PIN_FILE, platformPackageName, sha256File } from "./lib/node-runtime.mjs";

// CLI output as in scripts/lib/print.ts (a TypeScript module this plain JavaScript cannot import).
const print = (message) => process.stdout.write(`${message}\n`);
const printError = (message) => process.stderr.write(`${message}\n`);

const PLATFORMS = [
  ["linux", "x64"], ["linux", "arm64"], ["linux", "arm"], ["linux", "ppc64"], ["linux", "s390x"],
  ["darwin", "x64"], ["darwin", "arm64"], ["win32", "x64"], ["win32", "ia32"], ["win32", "arm64"],
];

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", shell: process.platform === "win32" });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

const root = process.cwd();
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).dependencies?.node;
if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) {
  printError(`package.json : la dépendance node doit être une version exacte (trouvé : ${version}).`);
  process.exit(1);
}

const packages = {};
const work = mkdtempSync(path.join(tmpdir(), "node-pin-"));
try {
  for (const [platform, arch] of PLATFORMS) {
    const name = platformPackageName(platform, arch);
    const view = run("npm", ["view", `${name}@${version}`, "dist.integrity", "--json"], work);
    if (view.status !== 0) {
      if (/E404/.test(view.stderr)) {
        print(`${name}@${version} : non publié, non épinglé.`);
        continue;
      }
      throw new Error(`npm view ${name}@${version} a échoué :\n${view.stderr}`);
    }
    const integrity = JSON.parse(view.stdout);
    const pack = run("npm", ["pack", `${name}@${version}`, "--json", "--pack-destination", work], work);
    if (pack.status !== 0) throw new Error(`npm pack ${name}@${version} a échoué :\n${pack.stderr}`);
    const tarball = path.join(work, JSON.parse(pack.stdout)[0].filename);
    const own = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
    if (own !== integrity) throw new Error(`${name}@${version} : le tarball téléchargé (${own}) ne correspond pas à l'empreinte publiée (${integrity}).`);
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    const tar = run("tar", ["-xzf", tarball, "-C", dir, "package/package.json"], work);
    if (tar.status !== 0) throw new Error(`tar : ${tar.stderr}`);
    const bin = JSON.parse(readFileSync(path.join(dir, "package/package.json"), "utf8")).bin.node;
    const tarBin = run("tar", ["-xzf", tarball, "-C", dir, `package/${bin}`], work);
    if (tarBin.status !== 0) throw new Error(`tar : ${tarBin.stderr}`);
    packages[name] = { integrity, binarySha256: sha256File(path.join(dir, "package", bin)) };
    rmSync(dir, { recursive: true, force: true });
    rmSync(tarball, { force: true });
    print(`${name}@${version} : ${integrity}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pins = {
  "//": "Empreintes des paquets du binaire de Node.js (docs/deploiement.md). Vérifiées par le postinstall (scripts/verify-node-runtime.mjs) ; à régénérer par npm run node:pin après un changement de la dépendance node.",
  version,
  packages,
};
writeFileSync(path.join(root, PIN_FILE), `${JSON.stringify(pins, null, 2)}\n`);
print(`${PIN_FILE} : ${Object.keys(packages).length} paquet(s) épinglé(s) pour Node.js ${version}.`);
