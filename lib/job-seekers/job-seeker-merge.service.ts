import "server-only";
// Merging two records of the same person: everything attached to the duplicate (proposals,
// interactions, diagnostics, event registrations, rights requests) moves to the kept record, empty
// fields of the kept record are completed from the duplicate, then the duplicate is deleted.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findJobSeekerInScope } from "@/lib/job-seekers/job-seeker.query";
import { mergeFields } from "@/lib/job-seekers/job-seeker.rules";
import { refreshLastContact } from "@/lib/job-seekers/last-contact.service";

export async function mergeJobSeekers(db: Db, user: CurrentUser, keepId: string, duplicateId: string, keepVersion: number, ctx: { requestId?: string } = {}, now = new Date()) {
  if (keepId === duplicateId) throw new ValidationError({ duplicateId: ["Choisissez une autre fiche que celle conservée."] });
  return db.$transaction(async (tx) => {
    const keep = await findJobSeekerInScope(tx, user, keepId);
    const dup = await findJobSeekerInScope(tx, user, duplicateId);
    if (keep.platformId !== dup.platformId) throw new ValidationError({ duplicateId: ["Les deux fiches doivent appartenir à la même plateforme."] });
    const [keepRow, dupRow] = await Promise.all([tx.jobSeeker.findUniqueOrThrow({ where: { id: keepId } }), tx.jobSeeker.findUniqueOrThrow({ where: { id: duplicateId } })]);
    const completed = mergeFields(keepRow as unknown as Record<string, unknown>, dupRow as unknown as Record<string, unknown>) as Prisma.JobSeekerUncheckedUpdateInput;
    const { count } = await tx.jobSeeker.updateMany({ where: { id: keepId, version: keepVersion }, data: { ...completed, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("La fiche conservée a été modifiée entre-temps. Rechargez la page.");
    const moved = {
      proposals: (await tx.proposal.updateMany({ where: { jobSeekerId: duplicateId }, data: { jobSeekerId: keepId } })).count,
      interactions: (await tx.jobSeekerInteraction.updateMany({ where: { jobSeekerId: duplicateId }, data: { jobSeekerId: keepId } })).count,
      diagnostics: (await tx.mobilityDiagnostic.updateMany({ where: { jobSeekerId: duplicateId }, data: { jobSeekerId: keepId } })).count,
      rightsRequests: (await tx.rightsRequest.updateMany({ where: { jobSeekerId: duplicateId }, data: { jobSeekerId: keepId } })).count,
      events: 0,
    };
    // Event registrations are keyed by (event, person): the kept registration wins when both exist.
    const kept = new Set((await tx.eventJobSeekerParticipation.findMany({ where: { jobSeekerId: keepId }, select: { eventId: true } })).map((r) => r.eventId));
    for (const r of await tx.eventJobSeekerParticipation.findMany({ where: { jobSeekerId: duplicateId }, select: { eventId: true } })) {
      if (kept.has(r.eventId)) continue;
      await tx.eventJobSeekerParticipation.update({ where: { eventId_jobSeekerId: { eventId: r.eventId, jobSeekerId: duplicateId } }, data: { jobSeekerId: keepId } });
      moved.events++;
    }
    await tx.eventJobSeekerParticipation.deleteMany({ where: { jobSeekerId: duplicateId } });
    await tx.jobSeeker.delete({ where: { id: duplicateId } });
    await refreshLastContact(tx, keepId, now);
    await recordAudit(tx, {
      action: "jobSeeker.merged", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: keepId, platformId: keep.platformId,
      reason: "Fusion de doublons", requestId: ctx.requestId, metadata: { mergedFrom: duplicateId, moved, completedFields: Object.keys(completed) },
    });
    return { id: keepId, moved };
  });
}
