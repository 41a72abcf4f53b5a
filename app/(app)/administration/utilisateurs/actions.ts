"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { resetTwoFactor } from "@/lib/auth/two-factor.service";
import { db } from "@/lib/db";
import { inviteUserSchema, updateUserSchema, userIdSchema } from "@/lib/users/user.schema";
import { inviteUser, resendInvitation, updateUser } from "@/lib/users/user.service";

const invite = serverAction({ permission: "user.invite", schema: inviteUserSchema }, async (user, input) => {
  const created = await inviteUser(db, user, input);
  revalidatePath("/administration/utilisateurs");
  return { id: created.id, email: created.email };
});

const update = serverAction({ permission: "user.invite", schema: updateUserSchema.extend(userIdSchema.shape) }, async (user, { id, ...input }) => {
  const dto = await updateUser(db, user, id, input);
  revalidatePath(`/administration/utilisateurs/${id}`);
  return { version: dto.version };
});

/** Only the active flag: the access form and the (de)activation button are separate forms. */
const setActive = serverAction(
  { permission: "user.invite", schema: userIdSchema.extend({ version: z.coerce.number().int().min(1), active: z.enum(["true", "false"]) }) },
  async (user, { id, version, active }) => {
    const dto = await updateUser(db, user, id, { version, active: active === "true" });
    revalidatePath(`/administration/utilisateurs/${id}`);
    return { active: dto.active };
  },
);

const resend = serverAction({ permission: "user.invite", schema: userIdSchema }, async (user, { id }) => {
  await resendInvitation(db, user, id);
  return undefined;
});

/** Lost phone: the administrator removes the second factor; the user enrols again at next login. */
const resetTotp = serverAction({ permission: "user.write", schema: userIdSchema.extend({ version: z.coerce.number().int().min(1) }) }, async (user, { id, version }) => {
  await resetTwoFactor(db, user, id, version);
  revalidatePath(`/administration/utilisateurs/${id}`);
  return undefined;
});

export async function resetTwoFactorAction(...args: Parameters<typeof resetTotp>) {
  return resetTotp(...args);
}
export async function inviteUserAction(...args: Parameters<typeof invite>) {
  return invite(...args);
}
export async function updateUserAction(...args: Parameters<typeof update>) {
  return update(...args);
}
export async function setUserActiveAction(...args: Parameters<typeof setActive>) {
  return setActive(...args);
}
export async function resendInvitationAction(...args: Parameters<typeof resend>) {
  return resend(...args);
}
