"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { convertCompanySchema, convertPersonSchema, discardIntakeSchema } from "@/lib/intake/intake.schema";
import { convertCompanyRequest, convertPersonRequest, discardIntakeRequest } from "@/lib/intake/intake-staff.service";

// No revalidatePath: every page is rendered per request, and refreshing this page in the action's
// response would unmount the form before it can take the user on (to the company / job seeker).
const id = z.object({ id: z.uuid("Demande invalide.") });

const convertCompany = serverAction({ permission: "intake.write", schema: convertCompanySchema.and(id) }, async (user, { id, ...input }) => {
  return convertCompanyRequest(db, user, id, input);
});
const convertPerson = serverAction({ permission: "intake.write", schema: convertPersonSchema.and(id) }, async (user, { id, ...input }) => {
  return convertPersonRequest(db, user, id, input);
});
const discard = serverAction({ permission: "intake.write", schema: discardIntakeSchema.and(id) }, async (user, { id, ...input }) => {
  await discardIntakeRequest(db, user, id, input);
  return undefined;
});

export async function convertCompanyIntakeAction(...args: Parameters<typeof convertCompany>) {
  return convertCompany(...args);
}
export async function convertPersonIntakeAction(...args: Parameters<typeof convertPerson>) {
  return convertPerson(...args);
}
export async function discardIntakeAction(...args: Parameters<typeof discard>) {
  return discard(...args);
}
