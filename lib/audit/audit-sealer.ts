// The audit chain's sealer (issue 18): events are appended unsealed and without lock
// (recordAudit); `audit_seal` (migration 20261205040000) gives the committed ones, in id order,
// their position in the chain and their hash. Every server instance runs the loop below; the
// try-lock inside audit_seal makes them take turns (no instance ever waits for another).
// No "server-only": the test support and scripts import it.
import type { DbOrTx } from "@/lib/db";
import { AUDIT_LOCK } from "@/lib/audit/audit.service";
import { logger } from "@/lib/logger";

/** Events sealed per call (one transaction); a full batch makes the loop call again at once. */
export const AUDIT_SEAL_BATCH = 500;

/**
 * One call of the sealer, in its own transaction (autocommit): returns how many events it sealed,
 * 0 when there was nothing to seal or another sealer held the chain's lock.
 */
export async function sealAudit(db: DbOrTx, max = AUDIT_SEAL_BATCH): Promise<number> {
  const [r] = await db.$queryRaw<{ n: number }[]>`SELECT audit_seal(${AUDIT_LOCK}::bigint, ${max}::int) AS n`;
  return r?.n ?? 0;
}

/** Events waiting to be sealed: how many, and the time of the oldest. */
export async function unsealedAudit(db: DbOrTx): Promise<{ count: number; oldestAt: Date | null }> {
  const [r] = await db.$queryRaw<{ n: bigint; oldest: Date | null }[]>`SELECT count(*) AS n, min("at") AS oldest FROM "AuditEvent" WHERE "chainPos" IS NULL`;
  return { count: Number(r?.n ?? 0), oldestAt: r?.oldest ?? null };
}

/**
 * Seals every `intervalMs` (and again at once while batches come back full). Errors are logged
 * and the loop goes on; `stop()` waits for the call under way.
 */
export function startAuditSealer(db: DbOrTx, opts: { intervalMs: number; batch?: number; onSealed?: (n: number) => void }): { stop: () => Promise<void> } {
  const batch = opts.batch ?? AUDIT_SEAL_BATCH;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let failing = false;
  const tick = async () => {
    try {
      // A full batch: more may be waiting (after an import), seal on without waiting.
      for (let n = batch; n === batch && !stopped; ) {
        n = await sealAudit(db, batch);
        if (n > 0) opts.onSealed?.(n);
      }
      if (failing) logger.info("audit sealer working again");
      failing = false;
    } catch (err) {
      // One line per outage, not one per tick; the events wait unsealed, nothing is lost.
      if (!failing) logger.error({ err }, "audit sealer failed; events stay unsealed until it works again");
      failing = true;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule();
      });
    }, opts.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
