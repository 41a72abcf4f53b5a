import "server-only";
// Delivery reports of the providers (SMS gateway, e-mail relay) applied to an invitation message:
// one rule for both channels. A state never goes backwards (a late « sent » after « delivered »);
// final states may replace one another (an asynchronous bounce after « delivered » is the truth).
import type { Db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ReportedState = "SENT" | "DELIVERED" | "FAILED" | "BOUNCED";

const RANK = { QUEUED: 0, SENT: 1, DELIVERED: 2, FAILED: 2, BOUNCED: 2 } as const;

/** Applies one report to the message `where` designates; false when unknown or stale. */
export async function applyDeliveryReport(
  db: Db,
  where: Prisma.InvitationMessageWhereInput,
  report: { state: ReportedState; status: string; reason?: string | null; channel: "SMS" | "EMAIL" },
): Promise<boolean> {
  const message = await db.invitationMessage.findFirst({ where: { ...where, channel: report.channel }, select: { id: true, state: true, invitation: { select: { platformId: true } } } });
  if (!message || RANK[report.state] < RANK[message.state]) return false;
  // The same state again (the provider retries a webhook): nothing to change, nothing to audit.
  if (message.state === report.state) return false;
  const failed = report.state === "FAILED" || report.state === "BOUNCED";
  await db.$transaction(async (tx) => {
    await tx.invitationMessage.update({ where: { id: message.id }, data: { state: report.state, error: failed ? (report.reason || report.status).slice(0, 500) : null } });
    await recordAudit(tx, { action: "invitation.deliveryReport", entityType: "InvitationMessage", entityId: message.id, platformId: message.invitation.platformId, metadata: { state: report.state, status: report.status, channel: report.channel } });
  });
  return true;
}
