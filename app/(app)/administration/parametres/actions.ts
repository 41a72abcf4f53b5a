"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { updateSettingSchema } from "@/lib/settings/settings.config";
import { updateSetting } from "@/lib/settings/settings.service";

const update = serverAction({ permission: "setting.write", schema: updateSettingSchema }, async (user, input) => {
  await updateSetting(db, user, input);
  revalidatePath("/administration/parametres");
});

export async function updateSettingAction(...a: Parameters<typeof update>) {
  return update(...a);
}
