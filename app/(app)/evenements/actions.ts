"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { attendanceSchema, createEventSchema, registerParticipantSchema } from "@/lib/events/event.schema";
import { createEvent, registerParticipant, setAttendance, unregisterJobSeeker } from "@/lib/events/event.service";

const eventId = z.object({ eventId: z.uuid() });

const create = serverAction({ permission: "event.write", schema: createEventSchema }, async (user, input) => {
  const e = await createEvent(db, user, input);
  revalidatePath("/evenements");
  return { id: e.id };
});

const register = serverAction({ permission: "event.write", schema: registerParticipantSchema.extend(eventId.shape) }, async (user, { eventId: id, ...input }) => {
  const r = await registerParticipant(db, user, id, input);
  revalidatePath(`/evenements/${id}`);
  return r;
});

const attend = serverAction({ permission: "event.write", schema: attendanceSchema.extend(eventId.shape) }, async (user, { eventId: id, ...input }) => {
  await setAttendance(db, user, id, input);
  revalidatePath(`/evenements/${id}`);
  return undefined;
});

const unregister = serverAction({ permission: "event.write", schema: eventId.extend({ jobSeekerId: z.uuid() }) }, async (user, input) => {
  const r = await unregisterJobSeeker(db, user, input.eventId, input.jobSeekerId);
  revalidatePath(`/evenements/${input.eventId}`);
  return r;
});

export async function createEventAction(...args: Parameters<typeof create>) {
  return create(...args);
}
export async function registerParticipantAction(...args: Parameters<typeof register>) {
  return register(...args);
}
export async function setAttendanceAction(...args: Parameters<typeof attend>) {
  return attend(...args);
}
export async function unregisterJobSeekerAction(...args: Parameters<typeof unregister>) {
  return unregister(...args);
}
