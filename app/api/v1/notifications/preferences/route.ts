import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { preferencesSchema } from "@/lib/notifications/notification.schema";
import { preferencesFor, savePreferences } from "@/lib/notifications/notification.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "notification.read" }, ({ user }) => preferencesFor(db, user.id));

export const PUT = apiRoute({ permission: "notification.read", body: preferencesSchema }, async ({ user, body }) => {
  await savePreferences(db, user, body as Record<string, boolean>);
  return preferencesFor(db, user.id);
});
