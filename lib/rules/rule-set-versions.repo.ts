// Reading the versions of a rule set kind, and the one in force on a date. The choice itself is
// rule-set-in-force.rules.ts, the only statement of « which version is in force at instant t »;
// every reader goes through here: getActiveRuleSet (request paths, with its copy in memory), the
// retention job, the France Travail data destruction, the monthly indicators, the seeds. No
// "server-only": the retention job and the seeds also run from scripts.
import type { DbOrTx } from "@/lib/db";
import { versionInForce } from "@/lib/rules/rule-set-in-force.rules";
import type { RuleSetKindName } from "@/lib/rules/rule-set.schema";

export interface RuleSetVersionRow {
  id: string;
  version: number;
  validFrom: Date;
  validTo: Date | null;
  payload: unknown;
}

/** Every version of `kind` (a handful of rows), payloads not parsed. */
export function readRuleSetVersions(db: DbOrTx, kind: RuleSetKindName): Promise<RuleSetVersionRow[]> {
  return db.ruleSet.findMany({ where: { kind }, select: { id: true, version: true, validFrom: true, validTo: true, payload: true } });
}

/** The version of `kind` in force on `at` (versionInForce), or null when none is. */
export async function readRuleSetInForce(db: DbOrTx, kind: RuleSetKindName, at: Date): Promise<RuleSetVersionRow | null> {
  return versionInForce(await readRuleSetVersions(db, kind), at);
}
