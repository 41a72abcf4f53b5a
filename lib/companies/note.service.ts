import "server-only";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { findCompanyRow } from "@/lib/companies/company.query";
import type { CreateNoteInput } from "@/lib/companies/note.schema";
import { refreshCompanyLastContact } from "@/lib/companies/timeline.query";
import type { Db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";

/** An exchange with the company (call, email, meeting, note): it moves the date of last contact. */
export async function createCompanyNote(db: Db, user: CurrentUser, companyId: string, input: CreateNoteInput, now = new Date()) {
  if (!can(user, "company.write")) throw new ForbiddenError();
  if (input.at.getTime() > now.getTime() + 60_000) throw new ValidationError({ at: ["Un échange ne peut pas être daté dans le futur."] });
  return db.$transaction(async (tx) => {
    const company = await findCompanyRow(tx, user, companyId);
    const note = await tx.companyInteraction.create({ data: { companyId, platformId: company.platformId, kind: input.kind, at: input.at, summary: input.summary, authorId: user.id }, select: { id: true } });
    await refreshCompanyLastContact(tx, companyId, now);
    await recordAudit(tx, { action: "companyNote.created", actorId: user.id, actorRole: user.role, entityType: "CompanyInteraction", entityId: note.id, platformId: company.platformId, metadata: { companyId, kind: input.kind } });
    return note;
  });
}
