import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProposalStatusForm } from "@/components/proposals/proposal-status-form";
import { PositionOnOfferForm, ProposeOnOfferButton } from "@/components/proposals/propose-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { romeLabels } from "@/lib/reference/reference.query";
import { NotFoundError } from "@/lib/errors";
import { formatDate, parisToday } from "@/lib/format";
import { activeSeekerWhere } from "@/lib/job-seekers/job-seeker.query";
import { candidatesForOffer } from "@/lib/matching/matching.service";
import { OFFER_STATUS_LABELS, type OfferStatus } from "@/lib/offers/offer.rules";
import { listProposals } from "@/lib/proposals/proposal.service";
import { CONTRACT_LABELS, PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";
import { TableScroll } from "@/components/ui/table";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Candidats pour une offre" };

export default async function OfferCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("proposal.read");
  const { id } = await params;
  const { offer, candidates } = await candidatesForOffer(db, user, id, { limit: 20, purpose: "Candidats suggérés pour une offre" }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const proposals = await listProposals(db, user, { offerId: id, page: 1, pageSize: 200, sort: "-proposedAt" }, { purpose: "Positionnements sur une offre" });
  const people = new Map(
    (await db.jobSeeker.findMany({ where: { AND: [activeSeekerWhere(user), { id: { in: proposals.items.map((p) => p.jobSeekerId) } }] }, select: { id: true, lastName: true, firstName: true } })).map((p) => [p.id, `${p.lastName} ${p.firstName}`]),
  );
  const writer = can(user, "proposal.write");
  const today = parisToday();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageTitle>Candidats : {offer.title}</PageTitle>
        <p className="text-sm text-muted">{offer.company.name}{offer.placeLabel ? ` · ${offer.placeLabel}` : ""} · {CONTRACT_LABELS[offer.contractType]}{offer.romeCode ? ` · ${(await romeLabels(db, [offer.romeCode])).get(offer.romeCode)}` : ""}</p>
        <p className="mt-1 text-sm">
          Statut : <strong>{OFFER_STATUS_LABELS[offer.status as OfferStatus]}</strong> · Postes pourvus : <strong data-testid="positions-filled">{offer.positionsFilled} / {offer.positions}</strong>
        </p>
      </div>

      <Card as="section" aria-labelledby="positioned-title" className="flex flex-col gap-3">
        <h2 id="positioned-title" className="text-lg font-semibold">Personnes positionnées</h2>
        {proposals.items.length === 0 ? (
          <p className="text-sm text-muted">Personne n&apos;est encore positionné sur cette offre.</p>
        ) : (
          <TableScroll label="Personnes positionnées sur l'offre">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Personnes positionnées sur l&apos;offre</caption>
            <thead>
              <tr className="bg-gray-100">
                <th scope="col" className="px-2 py-1">Personne</th>
                <th scope="col" className="px-2 py-1">Proposé le</th>
                <th scope="col" className="px-2 py-1">Statut</th>
                {writer ? <th scope="col" className="px-2 py-1">Suite</th> : null}
              </tr>
            </thead>
            <tbody>
              {proposals.items.map((p) => {
                const name = people.get(p.jobSeekerId) ?? "—";
                return (
                  <tr key={p.id} className="border-t border-gray-200 align-top">
                    <td className="px-2 py-2"><Link href={`/demandeurs/${p.jobSeekerId}`} className="underline">{name}</Link></td>
                    <td className="px-2 py-2">{formatDate(p.proposedAt)}</td>
                    <td className="px-2 py-2"><strong>{PROPOSAL_STATUS_LABELS[p.status]}</strong>{p.reason ? ` — ${p.reason}` : ""}</td>
                    {writer ? <td className="px-2 py-2"><ProposalStatusForm proposal={p} today={today} label={name} /></td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          </TableScroll>
        )}
        {writer && (offer.status === "OPEN" || offer.status === "PARTIALLY_FILLED") ? <PositionOnOfferForm offerId={offer.id} platformId={offer.platformId} /> : null}
      </Card>

      <Card as="section" aria-labelledby="suggested-title" className="flex flex-col gap-3">
        <h2 id="suggested-title" className="text-lg font-semibold">Candidats suggérés (les plus adaptés d&apos;abord)</h2>
        <p className="text-sm text-muted">Adéquation sur 100 : même code ROME (40), lieu dans le périmètre de mobilité (30), contrat souhaité (15), disponibilité (15).</p>
        {candidates.length === 0 ? (
          <p className="text-sm text-muted">Aucun demandeur d&apos;emploi actif ne correspond à cette offre.</p>
        ) : (
          <TableScroll label="Candidats suggérés">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Candidats suggérés</caption>
            <thead>
              <tr className="bg-gray-100">
                <th scope="col" className="px-2 py-1">Personne</th>
                <th scope="col" className="px-2 py-1">Adéquation</th>
                <th scope="col" className="px-2 py-1">Critères remplis</th>
                {writer ? <th scope="col" className="px-2 py-1"><span className="sr-only">Action</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => {
                const name = `${c.lastName ?? ""} ${c.firstName ?? ""}`.trim();
                const met = [c.match.rome ? "même métier" : null, c.match.place ? "périmètre de mobilité" : null, c.match.contract ? "contrat souhaité" : null, c.match.available ? "disponible" : null].filter(Boolean);
                return (
                  <tr key={c.id} className="border-t border-gray-200 align-top">
                    <td className="px-2 py-2"><Link href={`/demandeurs/${c.id}`} className="underline">{name}</Link>{c.city ? ` (${c.city})` : ""}{c.desiredJobLabel ? <span className="block text-muted">{c.desiredJobLabel}</span> : null}</td>
                    <td className="px-2 py-2 font-semibold">{c.match.score} %</td>
                    <td className="px-2 py-2">{met.join(", ") || "aucun"}</td>
                    {writer ? <td className="px-2 py-2"><ProposeOnOfferButton jobSeekerId={c.id} offerId={offer.id} name={name} /></td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}
