import type { Metadata } from "next";
import { OfferTransitions } from "@/components/offers/offer-transitions";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { offerStalenessNow } from "@/lib/offers/offer.query";
import { allowedTransitions, OFFER_STATUS_LABELS } from "@/lib/offers/offer.rules";
import { CONTRACT_LABELS, SOURCE_LABELS, WORKING_TIME_LABELS } from "@/lib/offers/offer.schema";
import { getOffer } from "@/lib/offers/offer.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { romeLabels } from "@/lib/reference/reference.query";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Offre" };

export default async function OfferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("offer.read");
  const { id } = await params;
  const offer = await notFoundOnAppError(getOffer(db, user, id));
  const staleness = await offerStalenessNow(db, offer);
  const romeLabel = offer.romeCode ? (await romeLabels(db, [offer.romeCode])).get(offer.romeCode) : null;
  const canWrite = can(user, "offer.write");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><TextLink href="/offres">Offres</TextLink> / <TextLink href={`/entreprises/${offer.companyId}`}>{offer.company}</TextLink></p>
          <PageTitle>{offer.title}</PageTitle>
          <p className="text-muted" data-testid="offer-status">
            {OFFER_STATUS_LABELS[offer.status]} · {offer.positionsFilled} poste(s) pourvu(s) sur {offer.positions}
            {offer.hiddenMarket ? " · marché caché" : ""}
          </p>
        </div>
        {canWrite && offer.status !== "CANCELLED" && offer.status !== "EXPIRED" ? (
          <LinkButton variant="outline" href={`/offres/${offer.id}/modifier`}>Modifier</LinkButton>
        ) : null}
      </div>
      {staleness && staleness.state !== "ACTIVE" ? (
        <p role="status" className="rounded border border-warning bg-amber-50 p-3 text-sm">
          <Icon name="alert" className="mr-1 inline-block align-[-2px]" />
          {staleness.state === "EXPIRE_NOW"
            ? "Offre sans activité depuis trop longtemps : elle sera expirée au prochain passage du traitement automatique."
            : `Offre sans activité depuis le ${formatDate(staleness.staleOn)} : elle expirera le ${formatDate(staleness.expiresOn)} sans nouvelle action (proposition, mise à jour).`}
        </p>
      ) : null}
      {canWrite ? <OfferTransitions id={offer.id} version={offer.version} allowed={[...allowedTransitions(offer.status)]} /> : null}
      <Card as="section" aria-labelledby="o-info">
        <h2 id="o-info" className="mb-3 text-lg font-semibold">Le poste</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">Métier (ROME)</dt><dd>{romeLabel ?? "—"}</dd>
          <dt className="font-medium">Contrat</dt><dd>{CONTRACT_LABELS[offer.contractType]}{offer.contractDurationMonths ? ` de ${offer.contractDurationMonths} mois` : ""}</dd>
          <dt className="font-medium">Temps de travail</dt><dd>{WORKING_TIME_LABELS[offer.workingTime]}{offer.weeklyHours ? `, ${offer.weeklyHours} h/semaine` : ""}</dd>
          <dt className="font-medium">Lieu</dt><dd>{offer.place ?? "—"}</dd>
          <dt className="font-medium">Métier en tension</dt><dd>{offer.inTension ? "Oui" : "Non"}</dd>
          <dt className="font-medium">Origine</dt><dd>{SOURCE_LABELS[offer.source]}{offer.visitId ? <> — <TextLink href={`/visites/${offer.visitId}`}>voir la visite</TextLink></> : null}</dd>
          <dt className="font-medium">Reçue le</dt><dd>{formatDate(offer.receivedAt)}</dd>
          <dt className="font-medium">Date limite</dt><dd>{formatDate(offer.expiresAt)}</dd>
          <dt className="font-medium">Dernière activité</dt><dd>{formatDate(offer.lastActivityAt)}</dd>
          <dt className="font-medium">Description</dt><dd className="whitespace-pre-line">{offer.description ?? "—"}</dd>
        </dl>
      </Card>
      {can(user, "proposal.read") ? (
        <p><TextLink href={`/offres/${offer.id}/candidats`}>Candidats et positionnements sur cette offre</TextLink></p>
      ) : null}
    </div>
  );
}
