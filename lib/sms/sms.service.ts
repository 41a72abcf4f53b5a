import "server-only";
// Delivery of queued SMS (InvitationMessage rows on channel SMS with a body) and the provider's
// delivery reports. Rows are claimed with FOR UPDATE SKIP LOCKED, so two instances never send the
// same SMS; the text (it carries a personal link) is erased once the provider has it.
import { z } from "zod";
import { lenient, webhookEvents } from "@/lib/api/webhook-events.schema";
import type { Db } from "@/lib/db";
import { applyDeliveryReport } from "@/lib/events/delivery.service";
import { logger } from "@/lib/logger";
import { SmsSendError, smsProviderFromEnv, stateFromBrevo, type SmsProvider } from "@/lib/sms/provider";
import { toE164 } from "@/lib/events/invitation.rules";

export async function deliverSms(db: Db, provider: SmsProvider | null = smsProviderFromEnv(), opts: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  if (!provider) return { sent: 0, failed: 0 };
  const claimed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "InvitationMessage" WHERE channel = 'SMS' AND state = 'QUEUED' AND body IS NOT NULL
      ORDER BY "createdAt" LIMIT ${opts.limit ?? 50} FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((r) => r.id);
    const messages = await tx.invitationMessage.findMany({
      where: { id: { in: ids } },
      select: { id: true, body: true, invitation: { select: { jobSeeker: { select: { phone: true } }, contact: { select: { proPhone: true } } } } },
    });
    // Taken out of the queue inside the claim: the body moves to memory, the row waits for the provider's answer.
    if (ids.length) await tx.invitationMessage.updateMany({ where: { id: { in: ids } }, data: { body: null } });
    return messages;
  });
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const raw = m.invitation.jobSeeker?.phone ?? m.invitation.contact?.proPhone ?? "";
    const to = toE164(raw);
    try {
      if (!to) throw new SmsSendError("Numéro de téléphone absent ou invalide", true);
      const { providerId } = await provider.send({ to, text: m.body ?? "", reference: m.id });
      await db.invitationMessage.update({ where: { id: m.id }, data: { state: "SENT", providerId, error: null } });
      sent++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message.slice(0, 500) : "Erreur inconnue";
      await db.invitationMessage.update({ where: { id: m.id }, data: { state: err instanceof SmsSendError && err.permanent ? "BOUNCED" : "FAILED", error: message } });
      logger.warn({ messageId: m.id, err: message }, "sms delivery failed");
    }
  }
  if (claimed.length) logger.info({ sent, failed }, "sms delivery");
  return { sent, failed };
}

export function deliverSmsSoon(db: Db): void {
  if (!smsProviderFromEnv()) return;
  void deliverSms(db).catch((err: unknown) => logger.error({ err }, "sms delivery crashed"));
}

/** One Brevo SMS report: only the fields we read, each kept only when it has the documented type. */
export const smsReportSchema = z.looseObject({
  messageId: lenient(z.union([z.number(), z.string()])),
  msg_status: lenient(z.string()),
  event: lenient(z.string()),
  reason: lenient(z.string()),
  description: lenient(z.string()),
});
export type SmsReport = z.output<typeof smsReportSchema>;
/** The webhook's body: one report or a batch (lib/api/provider-webhook.ts). */
export const smsCallbackSchema = webhookEvents(smsReportSchema);

/**
 * Delivery reports from Brevo (format: lib/sms/provider.ts, stateFromBrevo): `messageId` finds our
 * message, `msg_status` gives the state. One event or a batch. Unknown messages or statuses are
 * ignored (200, so the provider does not retry forever); a state never goes backwards.
 */
export async function applySmsReports(db: Db, reports: readonly SmsReport[]): Promise<{ updated: boolean }> {
  let updated = false;
  for (const p of reports) {
    const providerId = p.messageId === undefined ? null : String(p.messageId);
    const status = p.msg_status ?? p.event;
    const state = status ? stateFromBrevo(status) : null;
    if (!providerId || !status || !state) continue;
    const reason = p.reason ?? p.description;
    if (await applyDeliveryReport(db, { providerId }, { state, status, reason, channel: "SMS" })) updated = true;
  }
  return { updated };
}

/** A raw body (one report or a batch); anything else holds no report. */
export async function handleSmsCallback(db: Db, payload: unknown): Promise<{ updated: boolean }> {
  const parsed = smsCallbackSchema.safeParse(payload);
  return parsed.success ? applySmsReports(db, parsed.data) : { updated: false };
}
