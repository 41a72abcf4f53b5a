"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createTokenSchema, tokenIdParamsSchema } from "@/lib/tokens/token.schema";
import { createToken, revokeToken } from "@/lib/tokens/token.service";

const create = serverAction({ permission: "token.manage", schema: createTokenSchema }, async (user, input) => {
  const viaToken = (await headers()).get("authorization")?.startsWith("Bearer ") === true;
  const { token } = await createToken(db, user, input, { viaToken });
  revalidatePath("/profil");
  return { token };
});

const revoke = serverAction({ permission: "token.manage", schema: tokenIdParamsSchema }, async (user, input) => {
  await revokeToken(db, user, input.id);
  revalidatePath("/profil");
  return undefined;
});

export async function createTokenAction(...args: Parameters<typeof create>) {
  return create(...args);
}

export async function revokeTokenAction(...args: Parameters<typeof revoke>) {
  return revoke(...args);
}
