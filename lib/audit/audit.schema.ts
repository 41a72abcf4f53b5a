import { cursorQuerySchema } from "@/lib/pagination/keyset";
import { instantOut } from "@/lib/api/common.schema";
import { z } from "zod";

const day = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "Date invalide (AAAA-MM-JJ)." }).optional());

/** DPO search of the audit log: person (job seeker), user, period (Paris days, inclusive), action. */
export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional(),
  actorEmail: z.string().trim().toLowerCase().max(254).optional(),
  /** Name, email, France Travail id or record id of a job seeker (any lifecycle). */
  person: z.string().trim().max(100).optional(),
  from: day,
  to: day,
});

export const auditListQuerySchema = cursorQuerySchema.extend({
  ...auditFilterSchema.shape,
  sort: z.enum(["at", "-at"]).default("-at"),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditExportQuerySchema = auditFilterSchema.extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: instantOut(),
  action: z.string(),
  actor: z.string().nullable(),
  actorRole: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
  /** French label of the action code (screen only). */
  actionLabel: z.string().optional(),
  /** The record by name, with a link where the reader may open it (screen only). */
  record: z.object({ label: z.string(), href: z.string().nullable() }).nullable().optional(),
  /** The person the event names besides its record (metadata.jobSeekerId), by name (screen only). */
  person: z.object({ label: z.string(), href: z.string().nullable() }).nullable().optional(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;
