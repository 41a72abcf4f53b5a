// The printable notice of a company contact or a chef de file (issue 22 §2, Région annex 1 art. 3.3):
// what the record says was given (version, date, channel), the text in force, and — for the
// platform's staff — the record of its remise (or its sending by e-mail through the outbox).
import type { ReactNode } from "react";
import { InformForm } from "@/components/job-seekers/inform-form";
import { NoticeText } from "@/components/notices/notice-text";
import { PageTitle } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { formatDate } from "@/lib/format";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import type { NoticeDto } from "@/lib/notices/notice.service";
import type { PersonInformation } from "@/lib/notices/person-information.service";

export function PersonNotice({ info, notice, writeUrl, breadcrumb }: { info: PersonInformation; notice: NoticeDto | null; writeUrl: string | null; breadcrumb: ReactNode }) {
  return (
    <div className="print-report flex max-w-3xl flex-col gap-4">
      <p className="text-sm print:hidden">{breadcrumb}</p>
      <PageTitle>Notice d&apos;information — {info.name}</PageTitle>
      <p className="text-sm" data-testid="informed-record">
        {info.informedAt
          ? <>Informé·e le {formatDate(info.informedAt)}{info.informedChannel ? ` (${LABELS.channel[info.informedChannel]})` : ""}{info.informedNoticeVersion ? `, notice version ${info.informedNoticeVersion}` : ""}.</>
          : <>Information non enregistrée.</>}
      </p>
      <div className="flex flex-wrap gap-3 print:hidden"><PrintButton label="Imprimer la notice" /></div>
      {notice ? <NoticeText notice={notice} /> : <p>Aucune notice d&apos;information n&apos;est en vigueur.</p>}
      {writeUrl && notice ? (
        <>
          {!info.email ? <p className="text-sm text-muted print:hidden">Pas d&apos;adresse e-mail professionnelle sur la fiche : remettez la notice imprimée, par téléphone ou par courrier.</p> : null}
          <InformForm url={writeUrl} label="Enregistrer la remise de la notice" />
        </>
      ) : null}
    </div>
  );
}
