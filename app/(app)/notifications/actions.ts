"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { preferencesSchema } from "@/lib/notifications/notification.schema";
import { markRead, savePreferences } from "@/lib/notifications/notification.service";

const read = serverAction({ permission: "notification.read", schema: z.object({ id: z.string().optional() }) }, async (user, { id }) => {
  const r = await markRead(db, user, id && id !== "all" ? { id } : { all: true });
  revalidatePath("/", "layout");
  return r;
});

const prefs = serverAction({ permission: "notification.read", schema: preferencesSchema }, async (user, input) => {
  await savePreferences(db, user, input as Record<string, boolean>);
  revalidatePath("/notifications");
  return undefined;
});

export async function markReadAction(...args: Parameters<typeof read>) {
  return read(...args);
}
export async function savePreferencesAction(...args: Parameters<typeof prefs>) {
  return prefs(...args);
}
