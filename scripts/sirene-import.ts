// `npm run sirene:import -- <StockEtablissement.csv> [--unites-legales <StockUniteLegale.csv>] [--partiel]`
// Loads INSEE's SIRENE establishments of the platforms' perimeters into the local register (docs/prospection.md).
// Uses DATABASE_URL when given, otherwise the embedded PostgreSQL of `npm start`. Resumable: run it again
// after an interruption and it continues after the last saved batch.
import { existsSync } from "node:fs";
import { importSirene, SireneFileError, type SireneProgress } from "@/lib/sirene/sirene-import.service";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print, printError } from "@/scripts/lib/print";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--unites-legales" && args[i - 1] !== "--lot");
const legalAt = args.indexOf("--unites-legales");
const legalUnitsFile = legalAt >= 0 ? args[legalAt + 1] : undefined;
const partial = args.includes("--partiel");
const lotAt = args.indexOf("--lot");
const batchSize = lotAt >= 0 ? Number(args[lotAt + 1]) : undefined;

if (!file || (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))) {
  printError("Usage : npm run sirene:import -- <fichier StockEtablissement.csv> [--unites-legales <fichier StockUniteLegale.csv>] [--partiel] [--lot <lignes par lot>]");
  process.exit(2);
}
for (const f of [file, legalUnitsFile]) {
  if (f && !existsSync(f)) {
    printError(`Fichier introuvable : ${f}`);
    process.exit(2);
  }
}

const fmt = (n: number) => n.toLocaleString("fr-FR");
function progress(p: SireneProgress) {
  const pct = p.totalBytes ? ` (${Math.round((100 * p.bytesRead) / p.totalBytes)} %)` : "";
  process.stderr.write(`\r${p.phase} : ${fmt(p.lines)} lignes lues${pct}, ${fmt(p.kept)} retenues…   `);
}

const handle = await resolveDatabaseUrl({ quiet: true });
let code = 0;
try {
  const t0 = Date.now();
  const r = await importSirene(handle.url, { file, legalUnitsFile, partial, batchSize, onProgress: progress });
  process.stderr.write("\n");
  if (r.resumedFromLine > 0) print(`Reprise après la ligne ${fmt(r.resumedFromLine)} d'un import interrompu.`);
  print(`${fmt(r.lines)} lignes lues en ${((Date.now() - t0) / 1000).toFixed(1)} s : ${fmt(r.kept)} établissements des périmètres retenus, ${fmt(r.outsidePerimeter)} hors périmètre, ${fmt(r.restricted)} en diffusion restreinte (non chargés), ${fmt(r.rejected)} refusés.`);
  print(`Répertoire local : ${fmt(r.added)} ajoutés, ${fmt(r.updated)} mis à jour (dont ${fmt(r.closed)} fermés), ${fmt(r.removed)} retirés.`);
  for (const e of r.errors.slice(0, 20)) print(`  ligne ${e.line} (SIRET « ${e.siret} ») : ${e.message}`);
  if (r.errors.length > 20) print(`  … et ${fmt(r.errors.length - 20)} autres lignes refusées (liste complète dans l'historique des imports).`);
} catch (err) {
  process.stderr.write("\n");
  printError(err instanceof SireneFileError ? err.message : `Échec de l'import : ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await handle.stop();
}
process.exit(code);
