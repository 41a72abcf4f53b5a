import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const auditListQuerySchema = pageQuerySchema.extend({
  action: z.string().trim().max(100).optional(),
  actorEmail: z.string().trim().toLowerCase().max(254).optional(),
  sort: z.enum(["at", "-at"]).default("-at"),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  actorRole: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;
