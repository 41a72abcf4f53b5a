import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { notificationListQuerySchema } from "@/lib/notifications/notification.schema";
import { listNotifications } from "@/lib/notifications/notification.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "notification.read", query: notificationListQuerySchema }, ({ user, query }) => listNotifications(db, user, query));
