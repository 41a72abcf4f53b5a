"use server";

import { publicAction } from "@/lib/actions/public-action";
import { db } from "@/lib/db";
import { forgotPasswordSchema, setPasswordSchema } from "@/lib/users/password.schema";
import { requestPasswordReset, setPasswordWithToken } from "@/lib/users/password.service";

const setPassword = publicAction({ schema: setPasswordSchema }, async (input, ip) => {
  const { email } = await setPasswordWithToken(db, input, ip);
  return { email };
});

const forgot = publicAction({ schema: forgotPasswordSchema }, async (input, ip) => {
  await requestPasswordReset(db, input, ip);
  return undefined;
});

export async function setPasswordAction(...args: Parameters<typeof setPassword>) {
  return setPassword(...args);
}
export async function forgotPasswordAction(...args: Parameters<typeof forgot>) {
  return forgot(...args);
}
