// `npm run audit:seal`: seals the audit events waiting for it (issue 18), for a database no
// server instance is sealing (every instance normally does, every AUDIT_SEAL_INTERVAL_MS).
// Uses DATABASE_URL when given, otherwise the embedded PostgreSQL of `npm start`.
import { sealAudit, unsealedAudit } from "@/lib/audit/audit-sealer";
import { createPrismaClient } from "@/lib/db-client";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print } from "@/scripts/lib/print";

const handle = await resolveDatabaseUrl({ quiet: true });
const db = createPrismaClient(handle.url);
try {
  let sealed = 0;
  for (let n = -1; n !== 0; ) {
    n = await sealAudit(db);
    sealed += n;
    // 0 with events still waiting: another sealer holds the chain's lock; let it finish its batch.
    if (n === 0 && (await unsealedAudit(db)).count > 0) {
      await new Promise((r) => setTimeout(r, 200));
      n = -1;
    }
  }
  print(`Journal d'audit : ${sealed} événement(s) scellé(s) ; plus aucun en attente.`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
