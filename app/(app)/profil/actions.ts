"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feed.service";
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

// Issue 20: the private calendar feed (secret URL shown once, revocable).
const calendarCreate = serverAction({ permission: "profile.view", schema: z.object({}) }, async (user) => {
  const url = await createCalendarFeed(db, user);
  revalidatePath("/profil");
  return { url };
});

const calendarRevoke = serverAction({ permission: "profile.view", schema: z.object({}) }, async (user) => {
  await revokeCalendarFeed(db, user);
  revalidatePath("/profil");
  return undefined;
});

export async function createCalendarFeedAction(...args: Parameters<typeof calendarCreate>) {
  return calendarCreate(...args);
}
export async function revokeCalendarFeedAction(...args: Parameters<typeof calendarRevoke>) {
  return calendarRevoke(...args);
}
