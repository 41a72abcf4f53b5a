import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createRuleSetSchema, ruleSetListQuerySchema } from "@/lib/rules/rule-set-admin.schema";
import { createRuleSetVersion, listRuleSets } from "@/lib/rules/rule-set.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "ruleSet.read", query: ruleSetListQuerySchema }, async ({ user, query }) => ({ items: await listRuleSets(db, user, query.kind) }));

export const POST = apiRoute({ permission: "ruleSet.write", body: createRuleSetSchema }, async ({ user, body }) => created(await createRuleSetVersion(db, user, body)));
