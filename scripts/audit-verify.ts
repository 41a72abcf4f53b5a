// `npm run audit:verify`: checks the whole audit hash chain; exit 1 naming the first broken entry.
// Uses DATABASE_URL when given, otherwise the embedded PostgreSQL of `npm start`.
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print, printError } from "@/scripts/lib/print";

const handle = await resolveDatabaseUrl({ quiet: true });
const db = createPrismaClient(handle.url);
let code = 0;
try {
  const report = await verifyAuditChain(db);
  const waiting = report.unsealed.count
    ? ` ${report.unsealed.count} événement(s) en attente de scellement (le plus ancien du ${report.unsealed.oldestAt}).`
    : "";
  if (report.firstBroken) {
    const b = report.firstBroken;
    const why = {
      hash: "son contenu ne correspond plus à son empreinte",
      chain: "elle ne suit plus l'entrée précédente (entrée supprimée ou insérée)",
      unsealed: `elle attend d'être scellée depuis plus de ${env.AUDIT_SEAL_MAX_DELAY_MINUTES} min (aucune instance ne scelle le journal ? voir AUDIT_SEAL_INTERVAL_MS, ou lancer npm run audit:seal)`,
    }[b.reason];
    printError(`Journal d'audit ALTÉRÉ : première entrée rompue n° ${b.id} (${b.at}) — ${why}. ${report.checked} entrées scellées vérifiées.${waiting}`);
    code = 1;
  } else {
    print(`Journal d'audit intègre : ${report.checked} entrées vérifiées.${waiting}`);
  }
} finally {
  await db.$disconnect();
  await handle.stop();
}
process.exit(code);
