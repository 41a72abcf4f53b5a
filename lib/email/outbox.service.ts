import "server-only";
// Every email is first written to the OutboxEmail table inside the transaction of the action that
// causes it (the action succeeds even when SMTP is down), then delivered by deliverOutbox():
// right after the action, and again by the scheduled job until it goes through.
import { addMinutes } from "date-fns";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryDelayMinutes } from "@/lib/email/outbox.rules";
import { transportFromEnv, type EmailMessage, type MailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type EmailPurpose = "invitation" | "password-reset" | "notification" | "digest" | "rgpd-forward" | "intake-ack" | "notice" | "circuit-court";

export async function enqueueEmail(tx: DbOrTx, message: EmailMessage & { purpose: EmailPurpose }, now = new Date()): Promise<string> {
  const { attachments, ...rest } = message;
  const row = await tx.outboxEmail.create({ data: { ...rest, attachments: attachments ? (attachments as unknown as Prisma.InputJsonValue) : undefined, nextAttemptAt: now }, select: { id: true } });
  return row.id;
}

/** While one instance sends an email, the others leave it alone for this long. */
const LEASE_MINUTES = 5;

/**
 * Sends the emails that are due. Rows are claimed with FOR UPDATE SKIP LOCKED and leased, so two
 * instances never send the same email. Returns counts for the job log.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport | null = transportFromEnv(),
  opts: { now?: Date; limit?: number; maxAttempts?: number } = {},
): Promise<{ sent: number; failed: number }> {
  if (!transport) return { sent: 0, failed: 0 };
  const now = opts.now ?? new Date();
  const maxAttempts = opts.maxAttempts ?? env.SMTP_MAX_ATTEMPTS;
  const claimed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${now} AND attempts < ${maxAttempts}
      ORDER BY "createdAt" LIMIT ${opts.limit ?? 50} FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await tx.outboxEmail.updateMany({ where: { id: { in: ids } }, data: { attempts: { increment: 1 }, nextAttemptAt: addMinutes(now, LEASE_MINUTES) } });
    }
    return tx.outboxEmail.findMany({ where: { id: { in: ids } }, select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, purpose: true, attachments: true } });
  });
  let sent = 0;
  let failed = 0;
  for (const e of claimed) {
    try {
      await transport.send({ ...e, reference: e.id, attachments: (e.attachments as EmailMessage["attachments"] | null) ?? undefined });
      await db.outboxEmail.update({ where: { id: e.id }, data: { sentAt: new Date(), error: null } });
      // Circuit-court messages show their delivery state in the event's participant list.
      await db.invitationMessage.updateMany({ where: { outboxEmailId: e.id, state: "QUEUED" }, data: { state: "SENT", error: null } });
      sent++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message.slice(0, 500) : "Erreur inconnue";
      await db.outboxEmail.update({ where: { id: e.id }, data: { error: message, nextAttemptAt: addMinutes(now, retryDelayMinutes(e.attempts)) } });
      // A permanent refusal (5xx) is a bounce; the last allowed attempt failing is a failure.
      const permanent = ((err as { responseCode?: number }).responseCode ?? 0) >= 500;
      if (permanent || e.attempts >= maxAttempts) await db.invitationMessage.updateMany({ where: { outboxEmailId: e.id }, data: { state: permanent ? "BOUNCED" : "FAILED", error: message } });
      logger.warn({ outboxId: e.id, purpose: e.purpose, attempts: e.attempts, err: message }, "email delivery failed, will retry");
    }
  }
  if (claimed.length) logger.info({ sent, failed }, "outbox delivery");
  return { sent, failed };
}

/** After an action has committed: try at once, without making the user wait or fail. */
export function deliverOutboxSoon(db: Db): void {
  if (!transportFromEnv()) return;
  void deliverOutbox(db).catch((err: unknown) => logger.error({ err }, "outbox delivery crashed"));
}
