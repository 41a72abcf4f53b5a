"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { attendanceSchema, cancelEventSchema, createEventSchema, registerParticipantSchema, updateEventSchema } from "@/lib/events/event.schema";
import { sendInvitationsSchema, templateSchema } from "@/lib/events/invitation.schema";
import { saveTemplate, sendInvitations } from "@/lib/events/invitation.service";
import { cancelEvent, createEvent, registerParticipant, setAttendance, unregisterJobSeeker, updateEvent } from "@/lib/events/event.service";

const eventId = z.object({ eventId: z.uuid() });

const create = serverAction({ permission: "event.write", schema: createEventSchema }, async (user, input) => {
  const e = await createEvent(db, user, input);
  revalidatePath("/evenements");
  return { id: e.id };
});

const update = serverAction({ permission: "event.write", schema: updateEventSchema.extend({ id: z.uuid() }) }, async (user, { id, ...input }) => {
  const e = await updateEvent(db, user, id, input);
  revalidatePath("/evenements");
  revalidatePath(`/evenements/${id}`);
  return { id: e.id };
});

const cancel = serverAction({ permission: "event.write", schema: cancelEventSchema.extend({ id: z.uuid() }) }, async (user, { id, ...input }) => {
  const e = await cancelEvent(db, user, id, input);
  revalidatePath("/evenements");
  revalidatePath(`/evenements/${id}`);
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
export async function updateEventAction(...a: Parameters<typeof update>) { return update(...a); }
export async function cancelEventAction(...a: Parameters<typeof cancel>) { return cancel(...a); }

// ───────────────────────── issue 20: invitations and templates ─────────────────────────

const invite = serverAction({ permission: "event.write", schema: sendInvitationsSchema.extend(eventId.shape) }, async (user, { eventId: id, ...input }) => {
  const r = await sendInvitations(db, user, id, input);
  revalidatePath(`/evenements/${id}`);
  return r;
});

const template = serverAction({ permission: "eventTemplate.write", schema: templateSchema }, async (user, input) => {
  await saveTemplate(db, user, input);
  revalidatePath("/evenements/modeles");
  return undefined;
});

export async function sendInvitationsAction(...args: Parameters<typeof invite>) {
  return invite(...args);
}
export async function saveTemplateAction(...args: Parameters<typeof template>) {
  return template(...args);
}
