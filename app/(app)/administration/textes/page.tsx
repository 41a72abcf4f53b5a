import type { Metadata } from "next";
import { NoticeText } from "@/components/notices/notice-text";
import { PublishNoticeForm } from "@/components/notices/publish-notice-form";
import { Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listNoticeVersions } from "@/lib/notices/notice-admin.service";
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from "@/lib/notices/notice.schema";

export const metadata: Metadata = { title: "Notices et engagement de confidentialité" };

/**
 * Issue 22 §2, §7: the information notices (Région annex 1 art. 3.3, wording agreed with the
 * controller; France Travail convention art. 11) and the confidentiality commitment (annex 1
 * art. 3.10.1), by version. Publishing adds a version; earlier versions are kept, read-only.
 */
export default async function NoticeTextsPage() {
  const user = await requirePageUser("notice.write");
  const versions = await listNoticeVersions(db, user);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader title="Notices et engagement de confidentialité" />
      <p className="text-sm">
        Textes convenus avec le responsable de traitement (convention cadre, annexe 1, art. 3.3 et 3.10.1). Une modification publie une nouvelle version :
        les versions précédentes restent consultables et ne sont jamais modifiées, car chaque fiche garde la version remise à la personne
        et chaque compte la version d&apos;engagement acceptée. Chaque publication est tracée dans le journal d&apos;audit.
      </p>
      {NOTICE_KINDS.map((kind) => {
        const all = versions.filter((v) => v.kind === kind);
        const inForce = all.find((v) => v.inForce) ?? null;
        const upcoming = all.filter((v) => !v.inForce && inForce !== null && v.version > inForce.version);
        const previous = all.filter((v) => inForce !== null && v.version < inForce.version);
        const latest = all[0];
        return (
          <Section key={kind} title={NOTICE_KIND_LABELS[kind]} data-testid={`notice-kind-${kind}`}>
            <div className="flex flex-col gap-3">
              {inForce ? <NoticeText notice={inForce} headingLevel={3} /> : <p className="text-sm">Aucune version en vigueur.</p>}
              {upcoming.map((v) => (
                <p key={v.version} className="text-sm">Version {v.version} publiée, en vigueur à partir du {formatDate(v.validFrom)}.</p>
              ))}
              {previous.length > 0 ? (
                <Disclosure summary={`Versions précédentes (${previous.length}, lecture seule)`}>
                  <div className="flex flex-col gap-3">
                    {previous.map((v) => (
                      <div key={v.version} className="flex flex-col gap-1">
                        <NoticeText notice={v} headingLevel={3} />
                        <p className="text-xs text-muted">Publiée le {formatDate(v.createdAt)}{v.createdBy ? ` par ${v.createdBy}` : ""}.</p>
                      </div>
                    ))}
                  </div>
                </Disclosure>
              ) : null}
              <Disclosure summary="Publier une nouvelle version">
                <PublishNoticeForm kind={kind} title={latest?.title ?? ""} body={latest?.body ?? ""} confidentiality={kind === "CONFIDENTIALITY"} />
              </Disclosure>
            </div>
          </Section>
        );
      })}
    </div>
  );
}
