import "server-only";
// The one reader of the rule set of a kind in force on a date (issue 18: it replaces both
// `activeRuleSet` of rule-set.service.ts and the former reader here). Its payload is validated by
// its kind's schema and frozen: it may be shared by every request of the instance
// (lib/rules/rule-set-cache.ts), so a caller that tried to change it would throw, in tests too.
import type { DbOrTx } from "@/lib/db";
import { UnprocessableError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { ruleSetCacheFor, type CachedRuleSetVersion } from "@/lib/rules/rule-set-cache";
import { versionInForce } from "@/lib/rules/rule-set-in-force.rules";
import { readRuleSetInForce, readRuleSetVersions } from "@/lib/rules/rule-set-versions.repo";
import { ruleSetPayloadSchemas, type RuleSetKindName, type RuleSetPayload } from "@/lib/rules/rule-set.schema";

export type { RuleSetKindName };

export interface ActiveRuleSet<K extends RuleSetKindName> {
  id: string;
  version: number;
  payload: RuleSetPayload<K>;
}

/**
 * No version of the kind in force on the date: a configuration the administrator must complete
 * (422). Callers that can do without (notifications, the referent's home) catch this class.
 */
export class NoRuleSetInForceError extends UnprocessableError {
  constructor(readonly kind: RuleSetKindName, at: Date) {
    // The Paris day the version was looked for on (versionInForce).
    const day = Number.isNaN(at.getTime()) ? String(at) : formatDate(at);
    super(`Aucun jeu de règles « ${kind} » n'est en vigueur au ${day} : un administrateur doit en créer un.`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function parsed<K extends RuleSetKindName>(kind: K, v: CachedRuleSetVersion): RuleSetPayload<K> {
  v.parsed ??= deepFreeze(ruleSetPayloadSchemas[kind].parse(v.payload));
  return v.parsed as RuleSetPayload<K>;
}

/**
 * The version of `kind` in force on `at` (latest start, then latest version). Served from the
 * instance's copy when `db` is the application's client and the copy is listening for changes;
 * read from the table otherwise (a transaction, a script, the listener down). Either way the
 * version is chosen by versionInForce.
 */
export async function getActiveRuleSet<K extends RuleSetKindName>(db: DbOrTx, kind: K, at: Date): Promise<ActiveRuleSet<K>> {
  const held = ruleSetCacheFor(db)?.versions(kind, () => readRuleSetVersions(db, kind));
  const row = held ? versionInForce(await held, at) : await readRuleSetInForce(db, kind, at);
  if (!row) throw new NoRuleSetInForceError(kind, at);
  return { id: row.id, version: row.version, payload: parsed(kind, row) };
}
