import "server-only";
// Assignment of a France Travail file to a France Travail reviewer, who then sees it (and only
// the files assigned to them: scopeFor). Done by the Région finance team, audited.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db } from "@/lib/db";
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError } from "@/lib/errors";
import { findScopedFile } from "@/lib/subsidy/subsidy-file.repo";

export async function listFranceTravailReviewers(db: Db): Promise<{ id: string; name: string }[]> {
  const rows = await db.user.findMany({
    where: { role: "FRANCE_TRAVAIL_REVIEWER", active: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
}

export async function assignReviewer(db: Db, user: CurrentUser, id: string, input: { version: number; reviewerId: string | null }): Promise<void> {
  if (!can(user, "subsidy.review")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, id);
  if (file.funder !== "FRANCE_TRAVAIL") throw new UnprocessableError("Seuls les dossiers France Travail ont un relecteur France Travail.");
  if (input.reviewerId) {
    const ok = await db.user.count({ where: { id: input.reviewerId, role: "FRANCE_TRAVAIL_REVIEWER", active: true } });
    if (!ok) throw new ValidationError({ reviewerId: ["Choisissez un relecteur France Travail actif."] });
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({ where: { id, version: input.version }, data: { reviewerId: input.reviewerId, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    await recordAudit(tx, {
      action: "subsidyFile.reviewerAssigned", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId,
      metadata: { from: file.reviewerId, to: input.reviewerId },
    });
  });
}
