import "server-only";
// Reads the rule set of a kind in force on a date and validates its payload with its schema.
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { ruleSetPayloadSchemas } from "@/lib/rules/rule-set.schema";
import type { z } from "zod";

type Kinds = typeof ruleSetPayloadSchemas;
export type RuleSetKindName = keyof Kinds;

export interface ActiveRuleSet<K extends RuleSetKindName> {
  id: string;
  version: number;
  payload: z.infer<Kinds[K]>;
}

export async function getActiveRuleSet<K extends RuleSetKindName>(db: DbOrTx, kind: K, at: Date): Promise<ActiveRuleSet<K>> {
  const row = await db.ruleSet.findFirst({
    where: { kind, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] },
    orderBy: [{ validFrom: "desc" }, { version: "desc" }],
    select: { id: true, version: true, payload: true },
  });
  if (!row) throw new NotFoundError(`Aucun jeu de règles « ${kind} » en vigueur au ${at.toLocaleDateString("fr-FR")}.`);
  const payload = ruleSetPayloadSchemas[kind].parse(row.payload) as z.infer<Kinds[K]>;
  return { id: row.id, version: row.version, payload };
}
