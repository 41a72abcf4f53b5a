import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { parseInstant } from "@/lib/fields.schema";
import { ATTENDANCE, PARTICIPANT_TYPES } from "@/lib/events/event.rules";
import { pageQuerySchema } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, `${max} caractères au maximum.`).nullable().optional());

export const EVENT_KINDS = ["CIRCUIT_COURT", "JOB_DATING", "FORUM", "AUTRE"] as const;

export const createEventSchema = z.object({
  kind: z.enum(EVENT_KINDS, { error: "Type d'événement invalide." }),
  title: z.string({ error: "Le titre est obligatoire." }).trim().min(3, "Le titre est obligatoire (3 caractères au moins).").max(200),
  date: z.preprocess((v) => (v === "" || v == null ? undefined : typeof v === "string" ? parseInstant(v) : v), z.date({ error: "Indiquez la date et l'heure." })),
  place: z.string({ error: "Le lieu est obligatoire." }).trim().min(2, "Le lieu est obligatoire.").max(200),
  theme: text(200),
  sector: text(100),
  organiser: text(200),
  capacity: z.preprocess(blankToNull, z.coerce.number({ error: "Capacité : nombre attendu." }).int("Capacité : nombre entier.").min(1, "Capacité : au moins 1 place.").max(10_000).nullable().optional()),
});
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const updateEventSchema = createEventSchema.extend({
  version: z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide."),
});
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const cancelEventSchema = z.object({
  reason: z.string({ error: "Indiquez le motif de l'annulation." }).trim().min(3, "Indiquez le motif de l'annulation (3 caractères au moins).").max(500, "500 caractères au maximum."),
  version: z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide."),
});
export type CancelEventInput = z.infer<typeof cancelEventSchema>;

export const eventDetailSchema = z.object({
  id: z.uuid(), platformId: z.uuid(), kind: z.enum(EVENT_KINDS), title: z.string(), date: instantOut("Début de l'événement"), place: z.string(), theme: z.string().nullable(), sector: z.string().nullable(),
  organiser: z.string().nullable(), status: z.enum(["PLANNED", "HELD", "CANCELLED"]), capacity: z.number().int().nullable(), cancelReason: z.string().nullable(), cancelledAt: instantOut().nullable(), version: z.number().int(),
});
export type EventDetailDto = z.infer<typeof eventDetailSchema>;

export const eventListQuerySchema = pageQuerySchema.extend({
  sort: z.enum(["date", "-date", "title", "-title"]).default("-date"),
  q: z.string().trim().max(100).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const registerParticipantSchema = z.object({
  type: z.enum(PARTICIPANT_TYPES, { error: "Type de participant invalide." }),
  participantId: z.uuid("Choisissez un participant."),
});
export type RegisterParticipantInput = z.infer<typeof registerParticipantSchema>;

export const attendanceSchema = registerParticipantSchema.extend({
  attendance: z.enum(ATTENDANCE, { error: "Présence invalide." }),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const eventSummarySchema = z.object({
  id: z.uuid(),
  platform: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  date: instantOut(),
  place: z.string(),
  theme: z.string().nullable(),
  sector: z.string().nullable(),
  status: z.enum(["PLANNED", "HELD", "CANCELLED"]),
  capacity: z.number().int().nullable(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const participantSchema = z.object({
  type: z.enum(PARTICIPANT_TYPES),
  id: z.uuid(),
  name: z.string(),
  attendance: z.enum(ATTENDANCE),
  waitlisted: z.boolean(),
  young: z.boolean(),
});
export type ParticipantDto = z.infer<typeof participantSchema>;
