import "server-only";
// The one reader of the rule set of a kind in force on a date (issue 18: it replaces both
// `activeRuleSet` of rule-set.service.ts and the former reader here). Its payload is validated by
// its kind's schema and frozen: it may be shared by every request of the instance
// (lib/rules/rule-set-cache.ts), so a caller that tried to change it would throw, in tests too.
import type { DbOrTx } from "@/lib/db";
import { UnprocessableError } from "@/lib/errors";
import { parisDay, utcMidnight } from "@/lib/paris-day";
import { ruleSetCacheFor, type CachedRuleSetVersion } from "@/lib/rules/rule-set-cache";
import { versionInForce } from "@/lib/rules/rule-set-in-force.rules";
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
    const day = Number.isNaN(at.getTime()) ? String(at) : at.toISOString().slice(0, 10).split("-").reverse().join("/");
    super(`Aucun jeu de règles « ${kind} » n'est en vigueur au ${day} : un administrateur doit en créer un.`);
  }
}

const selectVersion = { id: true, version: true, validFrom: true, validTo: true, payload: true } as const;

/** The query without a copy: the version in force on `at` (DATE columns compared with `at`'s UTC day). */
function readInForce(db: DbOrTx, kind: RuleSetKindName, at: Date) {
  return db.ruleSet.findFirst({
    where: { kind, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] },
    orderBy: [{ validFrom: "desc" }, { version: "desc" }],
    select: selectVersion,
  });
}

/** Every version of `kind` (a handful): what the copy holds. */
function readVersions(db: DbOrTx, kind: RuleSetKindName): Promise<CachedRuleSetVersion[]> {
  return db.ruleSet.findMany({ where: { kind }, select: selectVersion });
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
 * read from the table otherwise (a transaction, a script, the listener down).
 */
export async function getActiveRuleSet<K extends RuleSetKindName>(db: DbOrTx, kind: K, at: Date): Promise<ActiveRuleSet<K>> {
  // Versions start and end on calendar days: an instant is in force on its Paris day (a version from
  // 1 January applies from midnight in Paris, not an hour or two later at midnight UTC); a calendar
  // day (midnight UTC) stays itself.
  const day = utcMidnight(parisDay(at));
  const held = ruleSetCacheFor(db)?.versions(kind, () => readVersions(db, kind));
  const row = held ? versionInForce(await held, day) : await readInForce(db, kind, day);
  if (!row) throw new NoRuleSetInForceError(kind, day);
  return { id: row.id, version: row.version, payload: parsed(kind, row) };
}
