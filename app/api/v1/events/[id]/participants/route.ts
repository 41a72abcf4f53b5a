import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { attendanceSchema, registerParticipantSchema } from "@/lib/events/event.schema";
import { getEvent, registerParticipant, setAttendance } from "@/lib/events/event.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "event.read" }, async ({ user, params, requestId }) => {
  const e = await getEvent(db, user, params.id!, { purpose: "API : participants d'un événement", requestId });
  return { items: e.participants, results: e.results };
});

/** Registers a participant; a job seeker beyond capacity is put on the waiting list (placement WAITLISTED). */
export const POST = apiRoute({ permission: "event.write", body: registerParticipantSchema }, async ({ user, params, body, requestId }) =>
  created(await registerParticipant(db, user, params.id!, body, { requestId })),
);

/** Records attendance (présent, excusé, absent) of a registered participant. */
export const PATCH = apiRoute({ permission: "event.write", body: attendanceSchema }, async ({ user, params, body, requestId }) => {
  await setAttendance(db, user, params.id!, body, { requestId });
  return { ok: true };
});
