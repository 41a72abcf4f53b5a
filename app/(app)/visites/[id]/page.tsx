import type { Metadata } from "next";
import { FollowUpToggle } from "@/components/visits/follow-up-toggle";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { formatVisitWhen } from "@/lib/visits/visit.rules";
import { OFFER_STATUS_LABELS, type OfferStatus } from "@/lib/offers/offer.rules";
import { notFoundOnAppError } from "@/lib/page-errors";
import { NEED_LABELS } from "@/lib/visits/visit.schema";
import { getVisit } from "@/lib/visits/visit.service";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Visite" };

export default async function VisitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("visit.read");
  const { id } = await params;
  const visit = await notFoundOnAppError(getVisit(db, user, id));
  const canWrite = can(user, "visit.write");
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><TextLink href={`/entreprises/${visit.companyId}`}>{visit.company}</TextLink> / Visite du {formatDate(visit.date)}</p>
          <PageTitle>Visite du {formatDate(visit.date)} — {visit.company}</PageTitle>
          <p className="text-sm text-muted" data-testid="visit-when">{formatVisitWhen(visit.date, visit.timeSet)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite ? <LinkButton variant="outline" href={`/visites/${visit.id}/modifier`}>Modifier la visite</LinkButton> : null}
          {can(user, "offer.write") ? (
            <LinkButton href={`/offres/nouvelle?entreprise=${visit.companyId}&visite=${visit.id}`}>Créer une offre depuis cette visite</LinkButton>
          ) : null}
        </div>
      </div>
      <Card as="section" aria-labelledby="v-info">
        <h2 id="v-info" className="mb-3 text-lg font-semibold">Compte rendu</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">Objet</dt><dd>{visit.purpose}</dd>
          <dt className="font-medium">Intervenants</dt><dd>{visit.staff.map((s) => s.name).join(", ") || "—"}</dd>
          <dt className="font-medium">Partenaires présents</dt><dd>{visit.partnersPresent.join(", ") || "—"}</dd>
          <dt className="font-medium">Besoins détectés</dt><dd>{visit.needs.map((n) => NEED_LABELS[n]).join(", ") || "—"}</dd>
          <dt className="font-medium">Résultat</dt><dd className="whitespace-pre-line">{visit.outcome ?? "—"}</dd>
          <dt className="font-medium">Notes</dt><dd className="whitespace-pre-line">{visit.notes ?? "—"}</dd>
        </dl>
      </Card>
      <Card as="section" aria-labelledby="v-follow">
        <h2 id="v-follow" className="mb-3 text-lg font-semibold">Actions de suivi</h2>
        {visit.followUps.length === 0 ? <p className="text-sm text-muted">Aucune action de suivi.</p> : (
          <ul className="flex flex-col divide-y divide-gray-200">
            {visit.followUps.map((f) => {
              const late = !f.doneAt && new Date(f.dueAt) < now;
              return (
                <li key={f.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium">{f.label}</span> — échéance {formatDate(f.dueAt)}
                    {f.doneAt ? <span className="ml-2 text-success"><Icon name="check" className="mr-1 inline-block align-[-2px]" />faite le {formatDate(f.doneAt)}</span> : late ? <span className="ml-2 font-semibold text-warning"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />en retard</span> : null}
                  </span>
                  {canWrite ? <FollowUpToggle id={f.id} visitId={visit.id} done={f.doneAt !== null} version={f.version} label={f.label} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card as="section" aria-labelledby="v-offers">
        <h2 id="v-offers" className="mb-3 text-lg font-semibold">Offres issues de la visite</h2>
        {visit.offers.length === 0 ? <p className="text-sm text-muted">Aucune offre pour l&apos;instant.</p> : (
          <ul className="list-disc pl-5 text-sm">
            {visit.offers.map((o) => <li key={o.id}><TextLink href={`/offres/${o.id}`}>{o.title}</TextLink> ({OFFER_STATUS_LABELS[o.status as OfferStatus]})</li>)}
          </ul>
        )}
      </Card>
    </div>
  );
}
