"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/actions/action";
import { closeMonthSchema, reopenMonthSchema } from "@/lib/bilans/bilan.schema";
import { closeMonth, reopenMonth, reviewMonth } from "@/lib/bilans/bilan.service";
import { db } from "@/lib/db";
import { saveQualitativeSchema } from "@/lib/annual-report/annual-report.schema";
import { saveQualitative } from "@/lib/annual-report/annual-report.service";
import { saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { saveObjectives } from "@/lib/objectives/objective.service";

const close = serverAction({ permission: "bilan.close", schema: closeMonthSchema }, async (user, input) => {
  const r = await closeMonth(db, user, input, new Date());
  revalidatePath("/bilans");
  return r;
});
const reopen = serverAction({ permission: "bilan.reopen", schema: reopenMonthSchema }, async (user, input) => {
  const r = await reopenMonth(db, user, input, new Date());
  revalidatePath("/bilans");
  return r;
});

export async function closeMonthAction(...args: Parameters<typeof close>) {
  return close(...args);
}
export async function reopenMonthAction(...args: Parameters<typeof reopen>) {
  return reopen(...args);
}
// Issue 17: the referent reviews a closed month.
const review = serverAction({ permission: "bilan.review", schema: closeMonthSchema }, async (user, input) => {
  const r = await reviewMonth(db, user, input, new Date());
  revalidatePath("/bilans");
  revalidatePath("/");
  return r;
});
export async function reviewMonthAction(...args: Parameters<typeof review>) {
  return review(...args);
}

// Issue 5: the convention's yearly objectives.
const saveObjectivesServer = serverAction({ permission: "objective.write", schema: saveObjectivesSchema }, async (user, input) => {
  const r = await saveObjectives(db, user, input);
  revalidatePath("/bilans");
  return r;
});
export async function saveObjectivesAction(...args: Parameters<typeof saveObjectivesServer>) {
  return saveObjectivesServer(...args);
}

// Issue 5: the annual report's qualitative section.
const saveQualitativeServer = serverAction({ permission: "annualReport.write", schema: saveQualitativeSchema }, async (user, input) => {
  const r = await saveQualitative(db, user, input);
  revalidatePath("/bilans/rapport-annuel");
  return r;
});
export async function saveQualitativeAction(...args: Parameters<typeof saveQualitativeServer>) {
  return saveQualitativeServer(...args);
}
