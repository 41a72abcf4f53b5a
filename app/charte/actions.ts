"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { acceptCharter } from "@/lib/users/user.service";

const schema = z.object({ accept: z.literal("oui", { error: "Cochez la case pour accepter l'engagement." }) });

const accept = serverAction({ permission: "profile.view", schema }, async (user) => {
  await acceptCharter(db, user);
  return undefined;
});

export async function acceptCharterAction(...args: Parameters<typeof accept>) {
  return accept(...args);
}
