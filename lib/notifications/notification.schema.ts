import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { NOTIFICATION_KINDS } from "@/lib/notifications/notification.rules";
import { pageQuerySchema } from "@/lib/validation";

export const notificationListQuerySchema = pageQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationDtoSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  dueAt: instantOut().nullable(),
  readAt: instantOut().nullable(),
  createdAt: instantOut(),
});
export type NotificationDto = z.infer<typeof notificationDtoSchema>;

/** Mark one notification read (`id`) or all of them (`all: true`). */
export const markReadSchema = z.union([z.object({ id: z.uuid({ error: "Identifiant invalide." }) }), z.object({ all: z.literal(true) })]);

const box = z.preprocess((v) => (Array.isArray(v) ? v.includes("true") : v === true || v === "true" || v === "on"), z.boolean());
/** Form fields `<kind>.inApp|email|digest`; the API sends the same keys. */
export const preferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.flatMap((k) => [`${k}.inApp`, `${k}.email`, `${k}.digest`].map((f) => [f, box.default(false)]))),
);
