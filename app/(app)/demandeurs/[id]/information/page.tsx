import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InformForm } from "@/components/job-seekers/inform-form";
import { NoticeText } from "@/components/notices/notice-text";
import { PageTitle } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { TextLink } from "@/components/ui/text-link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { getJobSeeker } from "@/lib/job-seekers/job-seeker.query";
import { currentNotice } from "@/lib/notices/notice.service";

export const metadata: Metadata = { title: "Notice d'information" };

/**
 * The notices to give the person at collection, printable, and the record of which version was
 * given, when and how. Région annex 1 art. 3.3; France Travail convention art. 11 (annex 1 point 11).
 */
export default async function InformationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("jobSeeker.read");
  const { id } = await params;
  const p = await getJobSeeker(db, user, id, { purpose: "Notice d'information de la personne" }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [record, notice, ftNotice, ftProject] = await Promise.all([
    db.jobSeeker.findUniqueOrThrow({ where: { id }, select: { informedAt: true, informedChannel: true, informedNoticeVersion: true, ftInformedAt: true, ftInformedNoticeVersion: true } }),
    currentNotice(db, "JOB_SEEKER"),
    currentNotice(db, "FRANCE_TRAVAIL"),
    db.mobilityDiagnostic.count({ where: { jobSeekerId: id, subsidyFile: { funder: "FRANCE_TRAVAIL" } } }),
  ]);
  const writer = can(user, "jobSeeker.write") && !p.restricted;
  return (
    <div className="print-report flex max-w-3xl flex-col gap-4">
      <p className="text-sm print:hidden"><TextLink href={`/demandeurs/${id}`}>Fiche de {p.lastName} {p.firstName}</TextLink> › Notice d&apos;information</p>
      <PageTitle>Notice d&apos;information — {p.lastName} {p.firstName}</PageTitle>
      <p className="text-sm" data-testid="informed-record">
        {record.informedAt
          ? <>Informé·e le {formatDate(record.informedAt)}{record.informedChannel ? ` (${LABELS.channel[record.informedChannel]})` : ""}{record.informedNoticeVersion ? `, notice version ${record.informedNoticeVersion}` : ", version de la notice non enregistrée"}.</>
          : <>Information non enregistrée.</>}
        {" "}
        {record.ftInformedAt ? <>Informé·e de la transmission à France Travail le {formatDate(record.ftInformedAt)} (notice version {record.ftInformedNoticeVersion}).</> : null}
      </p>
      <div className="flex flex-wrap gap-3 print:hidden"><PrintButton label="Imprimer la notice" /></div>
      {notice ? <NoticeText notice={notice} /> : <p>Aucune notice d&apos;information n&apos;est en vigueur.</p>}
      {writer && notice ? <InformForm url={`/api/v1/job-seekers/${id}/information`} kind="JOB_SEEKER" label="Enregistrer la remise de la notice" /> : null}
      {ftProject > 0 && ftNotice ? (
        <>
          <NoticeText notice={ftNotice} />
          {writer ? <InformForm url={`/api/v1/job-seekers/${id}/information`} kind="FRANCE_TRAVAIL" label="Enregistrer l'information France Travail" /> : null}
        </>
      ) : null}
    </div>
  );
}
