import "server-only";
// Informing a company contact or a chef de file (issue 22 §2, « for company contacts and chefs de
// file too »): like a job seeker, the notice in force for their kind is given — printed and handed
// over, read on the phone, posted, or sent by e-mail through the outbox — and the record keeps which
// version, when and how.
// Région convention, annex 1 art. 3.3: « Le Sous-traitant, au moment de la collecte des données, doit
// fournir aux personnes concernées par les opérations de traitement l'information relative aux
// Traitements de données à caractère personnel qu'il réalise. La formulation et le format de
// l'information doivent être convenus avec le Responsable de traitement avant la collecte de données. »
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox.service";
import { noticeEmail } from "@/lib/email/templates";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { InformationChannel } from "@/lib/generated/prisma/enums";
import { currentNotice } from "@/lib/notices/notice.service";
import type { InformPersonInput } from "@/lib/notices/notice.schema";

export type InformedPersonKind = "COMPANY_CONTACT" | "CHEF_DE_FILE";

export interface PersonInformation {
  kind: InformedPersonKind;
  id: string;
  platformId: string;
  name: string;
  email: string | null;
  informedAt: string | null;
  informedChannel: InformationChannel | null;
  informedNoticeVersion: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const select = { id: true, platformId: true, lastName: true, firstName: true, proEmail: true, informedAt: true, informedChannel: true, informedNoticeVersion: true } as const;
const NOT_FOUND: Record<InformedPersonKind, string> = { COMPANY_CONTACT: "Contact introuvable.", CHEF_DE_FILE: "Chef de file introuvable." };

/** The person's row within the user's scope (active records only); out of scope reads as not found. */
async function findPerson(db: DbOrTx, user: CurrentUser, kind: InformedPersonKind, id: string, companyId?: string) {
  const scope = scopeFor(user, kind === "COMPANY_CONTACT" ? "companyContact" : "chefDeFile");
  if (!scope) throw new ForbiddenError();
  if (!UUID.test(id) || (companyId !== undefined && !UUID.test(companyId))) throw new NotFoundError(NOT_FOUND[kind]);
  const row = kind === "COMPANY_CONTACT"
    ? await db.companyContact.findFirst({ where: { AND: [scope, { id, companyId, lifecycle: "ACTIVE" }] }, select })
    : await db.chefDeFile.findFirst({ where: { AND: [scope, { id, lifecycle: "ACTIVE" }] }, select });
  if (!row) throw new NotFoundError(NOT_FOUND[kind]);
  return row;
}

function toDto(kind: InformedPersonKind, r: Awaited<ReturnType<typeof findPerson>>): PersonInformation {
  return {
    kind, id: r.id, platformId: r.platformId, name: [r.lastName, r.firstName].filter(Boolean).join(" ") || "(sans nom)", email: r.proEmail,
    informedAt: r.informedAt?.toISOString() ?? null, informedChannel: r.informedChannel, informedNoticeVersion: r.informedNoticeVersion,
  };
}

const ENTITY: Record<InformedPersonKind, { type: string; read: string; informed: string }> = {
  COMPANY_CONTACT: { type: "CompanyContact", read: "companyContact.read", informed: "companyContact.informed" },
  CHEF_DE_FILE: { type: "ChefDeFile", read: "chefDeFile.read", informed: "chefDeFile.informed" },
};

/** What the person was told (version, date, channel), for the printable notice page. The read is audited. */
export async function getPersonInformation(db: Db, user: CurrentUser, kind: InformedPersonKind, id: string, companyId?: string): Promise<PersonInformation> {
  return db.$transaction(async (tx) => {
    const row = await findPerson(tx, user, kind, id, companyId);
    await recordAudit(tx, {
      action: ENTITY[kind].read, actorId: user.id, actorRole: user.role, entityType: ENTITY[kind].type, entityId: row.id, platformId: row.platformId,
      reason: "Notice d'information de la personne",
    });
    return toDto(kind, row);
  });
}

/**
 * Records that the notice in force for the person's kind was given (and sends it to their
 * professional e-mail address through the outbox when the channel is EMAIL). Scope first: a record
 * of another platform is not found.
 */
export async function informPerson(
  db: Db, user: CurrentUser, kind: InformedPersonKind, id: string, input: InformPersonInput, ctx: { requestId?: string; companyId?: string } = {}, now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const person = await findPerson(tx, user, kind, id, ctx.companyId);
    const notice = await currentNotice(tx, kind, now);
    if (!notice) throw new UnprocessableError("Aucune notice d'information n'est en vigueur : l'administrateur doit en enregistrer une.");
    if (input.channel === "EMAIL") {
      if (!person.proEmail) throw new UnprocessableError("La fiche n'a pas d'adresse e-mail professionnelle : imprimez la notice ou choisissez un autre canal.", { channel: ["Pas d'adresse e-mail sur la fiche."] });
      await enqueueEmail(tx, { ...noticeEmail(person.proEmail, notice), purpose: "notice" }, now);
    }
    const data = { informedAt: now, informedChannel: input.channel, informedNoticeVersion: notice.version, version: { increment: 1 } };
    if (kind === "COMPANY_CONTACT") await tx.companyContact.update({ where: { id }, data });
    else await tx.chefDeFile.update({ where: { id }, data });
    await recordAudit(tx, {
      action: ENTITY[kind].informed, actorId: user.id, actorRole: user.role, entityType: ENTITY[kind].type, entityId: id, platformId: person.platformId,
      reason: "Information sur le traitement des données", requestId: ctx.requestId, metadata: { kind, version: notice.version, channel: input.channel },
    });
    return { kind, version: notice.version, channel: input.channel, informedAt: now.toISOString() };
  });
}
