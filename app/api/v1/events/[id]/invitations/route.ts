import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { sendInvitationsSchema } from "@/lib/events/invitation.schema";
import { invitationStatus, sendInvitations } from "@/lib/events/invitation.service";
import { recordAudit } from "@/lib/audit/audit.service";

export const dynamic = "force-dynamic";

/** Invitations of the event: answer and delivery state of each message (names: audited read). */
export const GET = apiRoute({ permission: "event.read" }, async ({ user, params, requestId }) => {
  const items = await invitationStatus(db, user, params.id!);
  await recordAudit(db, { action: "event.read", actorId: user.id, actorRole: user.role, entityType: "CircuitCourtEvent", entityId: params.id!, reason: "API : invitations d'un événement", requestId, metadata: { invitations: items.length } });
  return { items };
});

/** Invites job seekers and company contacts by e-mail and/or SMS. */
export const POST = apiRoute({ permission: "event.write", body: sendInvitationsSchema }, async ({ user, params, body, requestId }) =>
  created(await sendInvitations(db, user, params.id!, body, { requestId })),
);
