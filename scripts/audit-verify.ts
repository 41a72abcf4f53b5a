// `npm run audit:verify`: checks the whole audit hash chain; exit 1 naming the first broken entry.
// Uses DATABASE_URL when given, otherwise the embedded PostgreSQL of `npm start`.
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { createPrismaClient } from "@/lib/db-client";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print, printError } from "@/scripts/lib/print";

const handle = await resolveDatabaseUrl({ quiet: true });
const db = createPrismaClient(handle.url);
let code = 0;
try {
  const report = await verifyAuditChain(db);
  if (report.firstBroken) {
    const b = report.firstBroken;
    printError(
      `Journal d'audit ALTÉRÉ : première entrée rompue n° ${b.id} (${b.at}) — ${b.reason === "hash" ? "son contenu ne correspond plus à son empreinte" : "elle ne suit plus l'entrée précédente (entrée supprimée ou insérée)"}. ${report.checked} entrées vérifiées avant elle.`,
    );
    code = 1;
  } else {
    print(`Journal d'audit intègre : ${report.checked} entrées vérifiées.`);
  }
} finally {
  await db.$disconnect();
  await handle.stop();
}
process.exit(code);
