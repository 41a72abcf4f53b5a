"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createRuleSetFormSchema } from "@/lib/rules/rule-set-admin.schema";
import { createRuleSetVersion } from "@/lib/rules/rule-set.service";

const create = serverAction({ permission: "ruleSet.write", schema: createRuleSetFormSchema }, async (user, input) => {
  const r = await createRuleSetVersion(db, user, input);
  revalidatePath("/administration/regles");
  return { version: r.version };
});

export async function createRuleSetAction(...a: Parameters<typeof create>) {
  return create(...a);
}
