import "server-only";
// Informing a job seeker (issue 22 §2): the notice in force is given — printed and handed over,
// read on the phone, posted, or sent by e-mail from here — and the record keeps which version,
// when and how.
// Région convention, annex 1 art. 3.3 (information at collection, wording agreed with the
// controller); France Travail convention art. 11 (« Chaque partie informe les personnes concernées
// de la transmission des données à l'autre partie ») and annex 1 point 11: a distinct notice and its
// date; the monthly personal-data return includes only people so informed (ft-report.service.ts).
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox.service";
import { noticeEmail } from "@/lib/email/templates";
import { UnprocessableError } from "@/lib/errors";
import { assertNotRestricted, findJobSeekerInScope } from "@/lib/job-seekers/job-seeker.query";
import { currentNotice } from "@/lib/notices/notice.service";
import type { InformJobSeekerInput } from "@/lib/notices/notice.schema";

export async function informJobSeeker(db: Db, user: CurrentUser, id: string, input: InformJobSeekerInput, ctx: { requestId?: string } = {}, now = new Date()) {
  return db.$transaction(async (tx) => {
    const person = await findJobSeekerInScope(tx, user, id);
    assertNotRestricted(person);
    const notice = await currentNotice(tx, input.kind, now);
    if (!notice) throw new UnprocessableError("Aucune notice d'information n'est en vigueur : l'administrateur doit en enregistrer une.");
    if (input.channel === "EMAIL") {
      const to = (await tx.jobSeeker.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
      if (!to) throw new UnprocessableError("La fiche n'a pas d'adresse e-mail : imprimez la notice ou choisissez un autre canal.", { channel: ["Pas d'adresse e-mail sur la fiche."] });
      await enqueueEmail(tx, { ...noticeEmail(to, notice), purpose: "notice" }, now);
    }
    const data = input.kind === "FRANCE_TRAVAIL"
      ? { ftInformedAt: now, ftInformedNoticeVersion: notice.version }
      : { informedAt: now, informedChannel: input.channel, informedNoticeVersion: notice.version };
    await tx.jobSeeker.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    await recordAudit(tx, {
      action: "jobSeeker.informed", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId: person.platformId,
      reason: input.kind === "FRANCE_TRAVAIL" ? "Information : transmission à France Travail" : "Information sur le traitement des données", requestId: ctx.requestId,
      metadata: { kind: input.kind, version: notice.version, channel: input.channel },
    });
    return { kind: input.kind, version: notice.version, channel: input.channel, informedAt: now.toISOString() };
  });
}
