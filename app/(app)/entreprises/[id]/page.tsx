import type { Metadata } from "next";
import { CompanyTimeline } from "@/components/companies/company-timeline";
import { ContactsSection } from "@/components/companies/contacts-section";
import { DeleteCompanyButton } from "@/components/companies/delete-company-button";
import { NoteForm } from "@/components/companies/note-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { getCompany, listContacts } from "@/lib/companies/company.query";
import { formatSiret } from "@/lib/companies/company.rules";
import { nafLabel } from "@/lib/reference/reference.query";
import { HEADCOUNT_LABELS } from "@/lib/companies/company.schema";
import { getCompanyTimeline } from "@/lib/companies/timeline.query";
import { db } from "@/lib/db";
import { formatDate, parisToday } from "@/lib/format";
import { notFoundOnAppError } from "@/lib/page-errors";
import { registerEstablishment } from "@/lib/prospecting/prospect.service";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Entreprise" };

export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("company.read");
  const { id } = await params;
  const company = await notFoundOnAppError(getCompany(db, user, id));
  const naf = await nafLabel(db, company.nafCode);
  const [contacts, timeline, register] = await Promise.all([
    can(user, "contact.read") ? listContacts(db, user, id) : [],
    getCompanyTimeline(db, user, id),
    registerEstablishment(db, company.siret),
  ]);
  const canWrite = can(user, "company.write");
  const today = parisToday();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><TextLink href="/entreprises">Entreprises</TextLink> / {company.name}</p>
          <PageTitle>{company.name}</PageTitle>
          <p className="text-muted">SIRET <span className="font-mono">{formatSiret(company.siret)}</span> · {company.platform}</p>
          {register && !register.active ? (
            <p role="status" data-testid="sirene-closed" className="mt-1 font-semibold text-danger">
              Établissement fermé dans le répertoire SIRENE de l&apos;INSEE (état administratif « fermé » au dernier chargement).
            </p>
          ) : null}
        </div>
        {canWrite ? (
          <div className="flex flex-wrap gap-2">
            <LinkButton href={`/visites/nouvelle?entreprise=${company.id}`}>Nouvelle visite</LinkButton>
            <LinkButton variant="secondary" href={`/offres/nouvelle?entreprise=${company.id}`}>Nouvelle offre</LinkButton>
            {can(user, "callback.write") ? <LinkButton variant="secondary" href={`/rappels/nouveau?entreprise=${company.id}`}>Nouveau rappel</LinkButton> : null}
            <LinkButton variant="outline" href={`/entreprises/${company.id}/modifier`}>Modifier</LinkButton>
            <DeleteCompanyButton id={company.id} name={company.name} />
          </div>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card as="section" aria-labelledby="info-title">
            <h2 id="info-title" className="mb-3 text-lg font-semibold">Informations</h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="font-medium">SIREN</dt><dd className="font-mono">{company.siren}</dd>
              <dt className="font-medium">NAF / APE</dt><dd>{naf ?? "—"}</dd>
              <dt className="font-medium">Filière</dt><dd>{company.sector ?? "—"}</dd>
              <dt className="font-medium">Effectif</dt><dd>{company.headcountBand ? HEADCOUNT_LABELS[company.headcountBand] : "—"}</dd>
              <dt className="font-medium">Adresse</dt><dd>{[company.address, [company.postalCode, company.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—"}</dd>
              <dt className="font-medium">Numéro vert</dt><dd>{company.numeroVert ? `Oui, appel du ${formatDate(company.numeroVertCalledAt)}` : "Non"}</dd>
              <dt className="font-medium">Dernier contact</dt><dd>{formatDate(company.lastContactAt)}</dd>
            </dl>
          </Card>
          {can(user, "contact.read") ? <ContactsSection companyId={company.id} contacts={contacts} canWrite={can(user, "contact.write")} /> : null}
        </div>
        <Card as="section" aria-labelledby="timeline-title" className="flex flex-col gap-4">
          <h2 id="timeline-title" className="text-lg font-semibold">Historique</h2>
          {canWrite ? <NoteForm companyId={company.id} today={today} /> : null}
          <CompanyTimeline items={timeline} />
        </Card>
      </div>
    </div>
  );
}
