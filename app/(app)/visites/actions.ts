"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createVisitSchema, updateVisitSchema } from "@/lib/visits/visit.schema";
import { createVisit, deleteVisit, setFollowUpDone, updateVisit } from "@/lib/visits/visit.service";

const create = serverAction({ permission: "visit.write", schema: createVisitSchema }, async (user, input) => {
  const v = await createVisit(db, user, input);
  revalidatePath(`/entreprises/${v.companyId}`);
  return { id: v.id };
});
const update = serverAction({ permission: "visit.write", schema: updateVisitSchema.extend({ id: z.string().uuid() }) }, async (user, { id, ...input }) => {
  const v = await updateVisit(db, user, id, input);
  revalidatePath(`/visites/${v.id}`);
  revalidatePath(`/entreprises/${v.companyId}`);
  return { id: v.id };
});
const remove = serverAction({ permission: "visit.write", schema: z.object({ id: z.string().uuid() }) }, async (user, { id }) => {
  await deleteVisit(db, user, id);
  revalidatePath("/visites");
  return { id };
});
const followUp = serverAction(
  { permission: "visit.write", schema: z.object({ id: z.string().uuid(), done: z.enum(["true", "false"]).transform((v) => v === "true"), version: z.coerce.number().int().min(1), visitId: z.string().uuid() }) },
  async (user, { id, done, version, visitId }) => {
    await setFollowUpDone(db, user, id, done, version);
    revalidatePath(`/visites/${visitId}`);
    return { id };
  },
);

export async function createVisitAction(...a: Parameters<typeof create>) { return create(...a); }
export async function updateVisitAction(...a: Parameters<typeof update>) { return update(...a); }
export async function deleteVisitAction(...a: Parameters<typeof remove>) { return remove(...a); }
export async function followUpDoneAction(...a: Parameters<typeof followUp>) { return followUp(...a); }
