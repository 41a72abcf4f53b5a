// Prisma access for the destruction of France Travail project data (ft-retention.rules.ts). No
// server-only import: the retention job also runs from scripts.
import type { DbOrTx } from "@/lib/db";
import { parseRuleSetPayload } from "@/lib/rules/rule-set.schema";
import { readRuleSetInForce } from "@/lib/rules/rule-set-versions.repo";

export interface FtFileCandidate {
  id: string;
  platformId: string;
  signedAt: Date | null;
  ftDataDestroyedAt: Date | null;
  /** The duration of the file's own rule set (or of the rule set in force for an older file). */
  durationMonths: number;
}

/** Signed France Travail files whose data are not destroyed yet. */
export async function findFtFileCandidates(db: DbOrTx, now: Date): Promise<FtFileCandidate[]> {
  const files = await db.subsidyFile.findMany({
    where: { funder: "FRANCE_TRAVAIL", signedAt: { not: null }, ftDataDestroyedAt: null },
    select: { id: true, platformId: true, signedAt: true, ftDataDestroyedAt: true, ruleSet: { select: { kind: true, payload: true } } },
    orderBy: { id: "asc" },
  });
  if (files.length === 0) return [];
  const inForce = await readRuleSetInForce(db, "FRANCE_TRAVAIL", now);
  const fallback = inForce ? parseRuleSetPayload("FRANCE_TRAVAIL", inForce.payload).durationMonths : null;
  return files.flatMap((f) => {
    const durationMonths = f.ruleSet?.kind === "FRANCE_TRAVAIL" ? parseRuleSetPayload("FRANCE_TRAVAIL", f.ruleSet.payload).durationMonths : fallback;
    return durationMonths === null ? [] : [{ id: f.id, platformId: f.platformId, signedAt: f.signedAt, ftDataDestroyedAt: f.ftDataDestroyedAt, durationMonths }];
  });
}

/**
 * Destroys the personal data received for the project: its mobility diagnostics (one row per person:
 * diagnostic, accompaniment, solution, distances, satisfaction — the source of the monthly return).
 * The person's own record stays under the Région's retention (they are the Région's data too).
 * Returns the number of rows destroyed, or null when the file was already done (idempotent).
 */
export async function destroyFtFileData(tx: DbOrTx, fileId: string, now: Date): Promise<number | null> {
  const { count } = await tx.subsidyFile.updateMany({ where: { id: fileId, ftDataDestroyedAt: null }, data: { ftDataDestroyedAt: now } });
  if (count === 0) return null;
  const { count: rows } = await tx.mobilityDiagnostic.deleteMany({ where: { subsidyFileId: fileId } });
  return rows;
}
