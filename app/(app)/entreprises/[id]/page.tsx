import type { Metadata } from "next";
import Link from "next/link";
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
import { formatDate } from "@/lib/format";
import { notFoundOnAppError } from "@/lib/page-errors";
import { registerEstablishment } from "@/lib/prospecting/prospect.service";

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
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><Link href="/entreprises" className="text-brand-700 underline">Entreprises</Link> / {company.name}</p>
          <h1 className="text-2xl font-bold">{company.name}</h1>
          <p className="text-muted">SIRET <span className="font-mono">{formatSiret(company.siret)}</span> · {company.platform}</p>
          {register && !register.active ? (
            <p role="status" data-testid="sirene-closed" className="mt-1 font-semibold text-danger">
              Établissement fermé dans le répertoire SIRENE de l&apos;INSEE (état administratif « fermé » au dernier chargement).
            </p>
          ) : null}
        </div>
        {canWrite ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/visites/nouvelle?entreprise=${company.id}`} className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Nouvelle visite</Link>
            <Link href={`/offres/nouvelle?entreprise=${company.id}`} className="rounded border border-brand-600 bg-white px-4 py-2 text-sm font-semibold text-brand-700">Nouvelle offre</Link>
            {can(user, "callback.write") ? <Link href={`/rappels/nouveau?entreprise=${company.id}`} className="rounded border border-brand-600 bg-white px-4 py-2 text-sm font-semibold text-brand-700">Nouveau rappel</Link> : null}
            <Link href={`/entreprises/${company.id}/modifier`} className="rounded border border-gray-400 bg-white px-4 py-2 text-sm">Modifier</Link>
            <DeleteCompanyButton id={company.id} name={company.name} />
          </div>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <section aria-labelledby="info-title" className="rounded-lg border border-gray-300 bg-white p-4">
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
          </section>
          {can(user, "contact.read") ? <ContactsSection companyId={company.id} contacts={contacts} canWrite={can(user, "contact.write")} /> : null}
        </div>
        <section aria-labelledby="timeline-title" className="flex flex-col gap-4 rounded-lg border border-gray-300 bg-white p-4">
          <h2 id="timeline-title" className="text-lg font-semibold">Historique</h2>
          {canWrite ? <NoteForm companyId={company.id} today={today} /> : null}
          <CompanyTimeline items={timeline} />
        </section>
      </div>
    </div>
  );
}
