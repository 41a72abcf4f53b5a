import "server-only";
// Bounces that arrive after the SMTP relay accepted a message (the recipient's server refuses it
// later, or a mailbox is full): the relay posts its events to /api/email/callback. Format: Brevo's
// transactional e-mail webhook, the relay the SMS already go through — documented in « Transactional
// webhooks », section « Transactional Email » (https://developers.brevo.com/docs/transactional-webhooks):
// one JSON object per event with `event` (« request », « delivered », « soft_bounce », « hard_bounce »,
// « invalid_email », « blocked », « error », « deferred », « spam », « opened »…), `email`,
// `message-id`, `reason`, and `X-Mailin-custom`, the value of the header of that name we set on
// every message (lib/email/transport.ts: `outbox:<OutboxEmail id>`). Batched webhooks post an array.
import { z } from "zod";
import { lenient, webhookEvents } from "@/lib/api/webhook-events.schema";
import type { Db } from "@/lib/db";
import { applyDeliveryReport, type ReportedState } from "@/lib/events/delivery.service";
import { BOUNCE_REFERENCE_PREFIX } from "@/lib/email/transport";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Brevo's e-mail events → our delivery states; opens, clicks, « deferred » (still trying), spam reports: null. */
export function stateFromBrevoEmail(event: string): ReportedState | null {
  switch (event.toLowerCase()) {
    case "request":
    case "sent":
      return "SENT";
    case "delivered":
      return "DELIVERED";
    case "hard_bounce":
    case "soft_bounce":
    case "invalid_email":
      return "BOUNCED";
    case "blocked":
    case "error":
      return "FAILED";
    default:
      return null;
  }
}

/** The outbox id our header carried, or null (another sender's message, or no header). */
export function outboxIdOf(custom: unknown): string | null {
  if (typeof custom !== "string" || !custom.startsWith(BOUNCE_REFERENCE_PREFIX)) return null;
  const id = custom.slice(BOUNCE_REFERENCE_PREFIX.length).trim();
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** One Brevo e-mail event: only the fields we read, each kept only when it has the documented type. */
export const emailEventSchema = z.looseObject({
  event: lenient(z.string()),
  reason: lenient(z.string()),
  "X-Mailin-custom": lenient(z.string()),
});
export type EmailEvent = z.output<typeof emailEventSchema>;
/** The webhook's body: one event or a batch (lib/api/provider-webhook.ts). */
export const emailCallbackSchema = webhookEvents(emailEventSchema);

/**
 * Applies the relay's events: the invitation message sent through that outbox e-mail takes the
 * state (shown in the event's list, audited), and a bounce is written on the outbox e-mail too
 * (admins see it). Unknown messages and events are acknowledged and ignored.
 */
export async function applyEmailEvents(db: Db, events: readonly EmailEvent[]): Promise<{ updated: number }> {
  let updated = 0;
  for (const e of events) {
    const status = e.event ?? null;
    const state = status ? stateFromBrevoEmail(status) : null;
    const outboxId = outboxIdOf(e["X-Mailin-custom"]);
    if (!status || !state || !outboxId) continue;
    const reason = e.reason?.trim() ? `${status === "soft_bounce" ? "Refus temporaire" : "Refusé"} par le serveur du destinataire : ${e.reason.trim()}` : null;
    if (state === "BOUNCED" || state === "FAILED") {
      await db.outboxEmail.updateMany({ where: { id: outboxId, sentAt: { not: null } }, data: { error: (reason ?? `Non distribué (${status})`).slice(0, 500) } });
    }
    if (await applyDeliveryReport(db, { outboxEmailId: outboxId }, { state, status, reason, channel: "EMAIL" })) updated++;
  }
  return { updated };
}

/** A raw body (one event or a batch); anything else holds no event. */
export async function handleEmailEvents(db: Db, payload: unknown): Promise<{ updated: number }> {
  const parsed = emailCallbackSchema.safeParse(payload);
  return parsed.success ? applyEmailEvents(db, parsed.data) : { updated: 0 };
}
