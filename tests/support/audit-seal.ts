// Seals the audit events written so far with the real sealer (`audit_seal`, lib/audit/audit-sealer.ts),
// as a server instance does every 250 ms: tests that read hashes, positions or verify the chain
// call it first. Waits (bounded) while another sealer holds the chain's lock.
import { sealAudit, unsealedAudit } from "@/lib/audit/audit-sealer";
import type { DbOrTx } from "@/lib/db";

export async function sealAllAudit(db: DbOrTx, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let sealed = 0;
  for (;;) {
    const n = await sealAudit(db);
    sealed += n;
    if (n > 0) continue;
    if ((await unsealedAudit(db)).count === 0) return sealed;
    if (Date.now() > deadline) throw new Error("sealAllAudit : des événements restent non scellés (un autre scelleur garde le verrou ?)");
    await new Promise((r) => setTimeout(r, 20));
  }
}
