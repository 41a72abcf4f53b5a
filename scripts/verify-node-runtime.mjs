// Root postinstall, before anything of ours runs on node_modules/.bin/node: checks the Node.js
// binary the `node` package installed against node-runtime-lock.json (scripts/lib/node-runtime.mjs).
// Run it with the Node that runs npm: `"$npm_node_execpath" scripts/verify-node-runtime.mjs`.
// On a refusal the binary is replaced by a script that fails, and the install fails (code 1).
import { isCheckedBinary, quarantineNodeRuntime, verifyNodeRuntime } from "./lib/node-runtime.mjs";

// CLI output as in scripts/lib/print.ts (a TypeScript module this plain JavaScript cannot import).
const print = (message) => process.stdout.write(`${message}\n`);
const printError = (message) => process.stderr.write(`${message}\n`);

const root = process.cwd();
if (isCheckedBinary(root, process.execPath)) {
  printError(
    "Vérification du binaire de Node.js impossible : elle tourne sur ce binaire même (node_modules/node/bin/node).\n" +
      "Relancer npm install avec le Node de la machine (node_modules/.bin hors du PATH).",
  );
  process.exit(1);
}
const result = verifyNodeRuntime({ root });
if (!result.ok) {
  quarantineNodeRuntime({ root, name: result.name, message: result.message });
  printError(`Binaire de Node.js refusé : ${result.message}\nLe binaire est retiré ; supprimer node_modules/node puis relancer npm install.`);
  process.exit(1);
}
if (!result.skipped) print(`Node.js ${result.version} (${result.name}) : empreinte du paquet et SHA-256 du binaire conformes à node-runtime-lock.json.`);
