"use server";
// Public answers to a circuit-court invitation (no session: the personal link is the credential;
// answers are rate limited per client address and audited in lib/events/invitation.service.ts).
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import { db } from "@/lib/db";
import { answerInvitation, optOut } from "@/lib/events/invitation.service";

const base = z.object({ e: z.string().max(64), jeton: z.string().min(1).max(200) });
const answerSchema = base.extend({ answer: z.enum(["CONFIRMED", "DECLINED"]), phone: z.string().max(30).optional().transform((v) => v?.trim() || undefined) });
const optOutSchema = base.extend({ email: z.literal("on").optional(), sms: z.literal("on").optional() });

const answer = publicAction({ schema: answerSchema }, async (input, ip) => answerInvitation(db, { eventId: input.e, token: input.jeton, answer: input.answer, phone: input.phone }, ip));

const stop = publicAction({ schema: optOutSchema }, async (input, ip) => {
  const channels = [...(input.email ? (["EMAIL"] as const) : []), ...(input.sms ? (["SMS"] as const) : [])];
  if (channels.length === 0) return false;
  await optOut(db, { eventId: input.e, token: input.jeton, channels }, ip);
  return true;
});

export async function answerInvitationAction(...args: Parameters<typeof answer>) {
  return answer(...args);
}
export async function optOutAction(...args: Parameters<typeof stop>) {
  return stop(...args);
}
