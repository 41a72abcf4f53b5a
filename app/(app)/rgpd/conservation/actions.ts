"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { startDryRun } from "@/lib/retention/purge-run.query";
import { dryRunBodySchema } from "@/lib/retention/purge-run.schema";

const dryRun = serverAction({ permission: "purge.run", schema: dryRunBodySchema }, async (user) => {
  const run = await startDryRun(db, user);
  revalidatePath("/rgpd/conservation");
  return { id: run.id };
});

export async function dryRunAction(...a: Parameters<typeof dryRun>) { return dryRun(...a); }
