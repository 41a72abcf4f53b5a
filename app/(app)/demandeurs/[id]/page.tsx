import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiagnosticForm } from "@/components/job-seekers/diagnostic-form";
import { MergeButton } from "@/components/job-seekers/merge-button";
import { InteractionForm } from "@/components/job-seekers/interaction-form";
import { JobSeekerRecord } from "@/components/job-seekers/job-seeker-record";
import { Timeline } from "@/components/job-seekers/timeline";
import { ProposalStatusForm } from "@/components/proposals/proposal-status-form";
import { ProposeForm } from "@/components/proposals/propose-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDate, parisToday } from "@/lib/format";
import { fundingFiles } from "@/lib/diagnostics/diagnostic.service";
import { getJobSeeker, getJobSeekerActivity } from "@/lib/job-seekers/job-seeker.query";
import { DUPLICATE_REASON_LABELS } from "@/lib/job-seekers/job-seeker.rules";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { findDuplicates } from "@/lib/job-seekers/job-seeker.service";
import { offersForJobSeeker } from "@/lib/matching/matching.service";
import { CONTRACT_LABELS, PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";
import { mobilityAreaOptions } from "@/lib/job-seekers/mobility-areas";
import { communeLabels, romeLabels } from "@/lib/reference/reference.query";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demandeur d'emploi" };

export default async function JobSeekerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fusionner?: string }> }) {
  const user = await requirePageUser("jobSeeker.read");
  const { id } = await params;
  // Set when coming from the duplicate warning of the creation form: the record just saved, to merge here.
  const { fusionner } = await searchParams;
  const p = await getJobSeeker(db, user, id, { purpose: "Consultation de la fiche pour le suivi de la personne" }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const writer = can(user, "proposal.write");
  const [activity, offers] = await Promise.all([getJobSeekerActivity(db, id), writer ? offersForJobSeeker(db, user, id, 20) : Promise.resolve([])]);
  const [rome, communes, mobility] = await Promise.all([romeLabels(db, p.desiredRomeCodes), communeLabels(db, [p.communeCode]), mobilityAreaOptions(db, p.mobilityScope, p.mobilityCodes)]);
  const today = parisToday();
  const duplicates = can(user, "jobSeeker.write")
    ? await findDuplicates(db, user, { ...p, birthDate: p.birthDate ? new Date(p.birthDate) : null }, p.id)
    : [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <PageTitle>{p.civility ? `${LABELS.civility[p.civility]} ` : ""}{p.lastName} {p.firstName}</PageTitle>
          <p className="text-sm text-muted">
            {p.platform} · arrivée par : {LABELS.origin[p.origin]} · référent·e Région : {p.referentName ?? "aucun"} · informé·e du traitement le {formatDate(p.informedAt)} · <TextLink href={`/demandeurs/${p.id}/information`}>notice d&apos;information</TextLink>
          </p>
          <p className="text-sm">
            Dernier contact : <strong data-testid="last-contact">{formatDate(p.lastContactAt)}</strong> <span className="text-muted">(calculé à partir des échanges, positionnements, événements et diagnostics)</span>
          </p>
        </div>
        {can(user, "jobSeeker.write") && !p.restricted ? (
          <LinkButton variant="secondary" href={`/demandeurs/${p.id}/modifier`}>Modifier la fiche</LinkButton>
        ) : null}
      </div>

      {p.restricted ? (
        <p role="status" className="rounded-lg border-2 border-danger bg-red-50 p-4 font-semibold" data-testid="restricted-flag">
          <Icon name="ban" className="mr-1 inline-block align-[-2px]" />Traitement limité (demande d&apos;exercice de droits) : fiche gelée, ni modification, ni positionnement, ni rapprochement tant que le DPO n&apos;a pas levé la limitation.
        </p>
      ) : null}

      {duplicates.length > 0 ? (
        <section id="doublons" aria-labelledby="dups-title" className="flex flex-col gap-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="dups-title" className="text-lg font-semibold">Doublons probables</h2>
          <ul className="flex flex-col gap-2 text-sm">
            {duplicates.map((d) => (
              <li key={d.id} className={`flex flex-wrap items-center gap-3 ${d.id === fusionner ? "rounded border-2 border-brand-600 bg-white p-2" : ""}`} data-testid={d.id === fusionner ? "merge-preselected" : undefined}>
                <Link href={`/demandeurs/${d.id}`} className="font-semibold underline">{d.lastName} {d.firstName}</Link>
                <span>({d.reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(", ")})</span>
                {d.id === fusionner ? <strong>Fiche que vous venez de saisir : confirmez sa fusion dans cette fiche.</strong> : null}
                <MergeButton keepId={p.id} keepVersion={p.version} duplicateId={d.id} name={`${d.lastName ?? ""} ${d.firstName ?? ""}`.trim()} autoFocus={d.id === fusionner} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <JobSeekerRecord p={p} rome={Object.fromEntries(rome)} commune={p.communeCode ? (communes.get(p.communeCode) ?? null) : null} mobility={mobility.map((o) => o.label)} />

      <Card as="section" aria-labelledby="proposals-title" className="flex flex-col gap-3">
        <h2 id="proposals-title" className="text-lg font-semibold">Positionnements</h2>
        {activity.proposals.length === 0 ? (
          <p className="text-sm text-muted">Aucune proposition pour le moment.</p>
        ) : (
          <TableScroll label="Positionnements de la personne">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Positionnements de la personne</caption>
            <thead>
              <tr className="bg-gray-100">
                <th scope="col" className="px-2 py-1">Proposition</th>
                <th scope="col" className="px-2 py-1">Proposé le</th>
                <th scope="col" className="px-2 py-1">Statut</th>
                {writer ? <th scope="col" className="px-2 py-1">Suite</th> : null}
              </tr>
            </thead>
            <tbody>
              {activity.proposals.map((pr) => {
                const label = pr.offer ? `${pr.offer.title} — ${pr.offer.company.name}` : `${PROPOSAL_KIND_LABELS[pr.kind]} : ${pr.label ?? ""}`;
                return (
                  <tr key={pr.id} className="border-t border-gray-200 align-top">
                    <td className="px-2 py-2">{pr.offerId ? <Link href={`/offres/${pr.offerId}/candidats`} className="underline">{label}</Link> : label}</td>
                    <td className="px-2 py-2">{formatDate(pr.proposedAt)}</td>
                    <td className="px-2 py-2" data-testid={`proposal-status-${pr.id}`}>
                      <strong>{PROPOSAL_STATUS_LABELS[pr.status]}</strong>
                      {pr.refusalReason ? ` — ${pr.refusalReason}` : ""}
                      {pr.notRetainedReason ? ` — ${pr.notRetainedReason}` : ""}
                      {pr.refusalComment ? ` (${pr.refusalComment})` : ""}
                      {pr.hiredAt ? ` le ${formatDate(pr.hiredAt)}${pr.hireContractType ? ` en ${CONTRACT_LABELS[pr.hireContractType]}` : ""}` : ""}
                    </td>
                    {writer ? <td className="px-2 py-2"><ProposalStatusForm proposal={pr} today={today} label={label} /></td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          </TableScroll>
        )}
        {writer ? <ProposeForm jobSeekerId={p.id} offers={offers.map((o) => ({ id: o.id, label: `${o.title} — ${o.company}${o.placeLabel ? `, ${o.placeLabel}` : ""} (adéquation ${o.match.score} %)` }))} /> : null}
      </Card>

      {writer && offers.length > 0 ? (
        <Card as="section" aria-labelledby="offers-title">
          <h2 id="offers-title" className="mb-2 text-lg font-semibold">Offres ouvertes correspondantes</h2>
          <ul className="flex flex-col gap-1 text-sm">
            {offers.slice(0, 10).map((o) => (
              <li key={o.id}>
                <Link href={`/offres/${o.id}/candidats`} className="font-medium underline">{o.title} — {o.company}</Link> : adéquation {o.match.score} %
                ({[o.match.rome ? "même métier" : null, o.match.place ? "dans le périmètre de mobilité" : null, o.match.contract ? "contrat souhaité" : null, o.match.available ? "disponible" : null].filter(Boolean).join(", ") || "aucun critère"})
                · {o.positionsFilled}/{o.positions} poste(s) pourvu(s)
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {can(user, "diagnostic.write") ? (
        <Card as="section" aria-labelledby="diagnostics-title" className="flex flex-col gap-3">
          <h2 id="diagnostics-title" className="text-lg font-semibold">Diagnostics mobilité</h2>
          {activity.diagnostics.length === 0 ? <p className="text-sm text-muted">Aucun diagnostic mobilité.</p> : (
            <ul className="list-disc pl-6 text-sm">
              {activity.diagnostics.map((d) => (
                <li key={d.id}>
                  {formatDate(d.date)} : {d.diagnosticDone ? "diagnostic réalisé" : "diagnostic non réalisé"}{d.accompanimentDone ? ", accompagnement réalisé" : ""}{" "}
                  <TextLink href={`/demandeurs/${p.id}/diagnostics/${d.id}/modifier`}>Modifier<span className="sr-only"> le diagnostic du {formatDate(d.date)}</span></TextLink>
                </li>
              ))}
            </ul>
          )}
          <DiagnosticForm jobSeekerId={p.id} today={today} files={await fundingFiles(db, p.platformId)} />
        </Card>
      ) : null}

      <Card as="section" aria-labelledby="timeline-title" className="flex flex-col gap-4">
        <h2 id="timeline-title" className="text-lg font-semibold">Historique des contacts</h2>
        {can(user, "jobSeeker.write") ? <InteractionForm jobSeekerId={p.id} today={today} /> : null}
        <Timeline activity={activity} />
      </Card>
    </div>
  );
}
