import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { markReadSchema } from "@/lib/notifications/notification.schema";
import { markRead } from "@/lib/notifications/notification.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "notification.read", body: markReadSchema }, ({ user, body }) => markRead(db, user, body));
