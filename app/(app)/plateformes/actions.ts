"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createPlatform, updatePlatform } from "@/lib/platforms/platform.service";

// The service parses with the shared platform schema; here only the id is added.
const passthrough = z.object({ id: z.uuid().optional() }).passthrough();

const create = serverAction({ permission: "platform.write", schema: passthrough }, async (user, { id: _id, ...input }) => {
  const p = await createPlatform(db, user, input);
  revalidatePath("/plateformes");
  return { id: p.id };
});

const update = serverAction({ permission: "platform.write", schema: passthrough }, async (user, { id, ...input }) => {
  if (!id) throw new Error("missing platform id");
  const p = await updatePlatform(db, user, id, input);
  revalidatePath(`/plateformes/${id}`);
  return { id: p.id };
});

export async function createPlatformAction(...args: Parameters<typeof create>) {
  return create(...args);
}
export async function updatePlatformAction(...args: Parameters<typeof update>) {
  return update(...args);
}
