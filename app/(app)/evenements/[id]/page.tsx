import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ParticipantsTable, RegisterForm } from "@/components/events/event-participants";
import { EventProposeForm } from "@/components/events/event-propose-form";
import { InvitePanel, InvitationStatusTable, type MatchingPicker } from "@/components/events/event-invitations";
import { invitationChoices, invitationStatus, isInvitable, matchedChoices, previewMessage } from "@/lib/events/invitation.service";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { EVENT_KIND_LABELS, EVENT_STATUS_LABELS } from "@/lib/events/event.rules";
import { getEvent, offersForEvent, registrationChoices } from "@/lib/events/event.service";
import { formatDateTime } from "@/lib/format";
import { PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Événement circuit court" };

export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ offre?: string | string[] }> }) {
  const user = await requirePageUser("event.read");
  const { id } = await params;
  const offre = (await searchParams).offre;
  const offerId = typeof offre === "string" && offre ? offre : null;
  const e = await getEvent(db, user, id, { purpose: "Organisation et suivi d'un événement circuit court" }).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const editable = can(user, "event.write") && e.status !== "CANCELLED";
  const choices = editable ? await registrationChoices(db, user, e.platformId) : null;
  const canPropose = can(user, "proposal.write") && e.status !== "CANCELLED";
  const offers = canPropose ? await offersForEvent(db, user, e.id, e.platformId) : [];
  const invitable = editable && isInvitable(e);
  const [inviteChoices, preview, invitations] = await Promise.all([
    invitable ? invitationChoices(db, user, e.id) : null,
    invitable ? previewMessage(db, user, e.id) : null,
    invitationStatus(db, user, e.id),
  ]);
  // « From the matching » (issue 20 §1): the candidates the matching ranks for an open offer of the platform.
  let matching: MatchingPicker | undefined;
  if (invitable && can(user, "offer.read")) {
    const inviteOffers = canPropose ? offers : await offersForEvent(db, user, e.id, e.platformId);
    let matched: MatchingPicker["matched"] = null;
    let problem: string | null = null;
    if (offerId) {
      try {
        matched = await matchedChoices(db, user, e.id, offerId);
        if (matched.people.length === 0) problem = "Aucun candidat de la mise en relation pour cette offre.";
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        problem = err.message;
      }
    }
    matching = { offers: inviteOffers, selectedOfferId: offerId, matched, problem };
  }
  const people = e.participants.filter((x) => x.type === "JOB_SEEKER" && !x.waitlisted).map((x) => ({ id: x.id, name: x.name }));
  const r = e.results;
  const figures: [string, string | number][] = [
    ["Demandeurs inscrits", `${r.jobSeekersRegistered} / ${e.capacity ?? "∞"}`],
    ["Liste d'attente", r.waitlisted],
    ["Présents", r.present],
    ["dont moins de 26 ans", r.youngPresent],
    ["Excusés", r.excused],
    ["Absents", r.absent],
    ["Entreprises présentes", r.companiesPresent],
    ["Chefs de file présents", r.chefsDeFilePresent],
    ["Positionnements", r.proposals],
    ["Embauches", r.hires],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <PageTitle>{e.title}</PageTitle>
          <p className="text-sm text-muted">
            {EVENT_KIND_LABELS[e.kind]} · {formatDateTime(e.date)} · {e.place} · {e.platform.name} · statut : {EVENT_STATUS_LABELS[e.status]}
          </p>
          {e.theme || e.sector ? <p className="text-sm">{[e.theme, e.sector].filter(Boolean).join(" — ")}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {editable ? <LinkButton variant="outline" href={`/evenements/${e.id}/modifier`}>Modifier ou annuler</LinkButton> : null}
          <LinkButton variant="secondary" href={`/evenements/${e.id}/emargement`}>Feuille d&apos;émargement</LinkButton>
        </div>
      </div>
      {e.status === "CANCELLED" ? (
        <p role="status" className="rounded border-2 border-danger bg-red-50 p-3 text-sm" data-testid="event-cancelled">
          <strong>Événement annulé</strong>{e.cancelledAt ? ` le ${formatDateTime(e.cancelledAt.toISOString())}` : ""}{e.cancelReason ? ` — motif : ${e.cancelReason}` : ""}. Plus aucune inscription n&apos;est possible.
        </p>
      ) : null}

      <Card as="section" aria-labelledby="results-title">
        <h2 id="results-title" className="mb-2 text-lg font-semibold">Résultats</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {figures.map(([label, value]) => (
            <div key={label} className="rounded border border-gray-200 p-2">
              <dt className="text-xs text-gray-700">{label}</dt>
              <dd className="text-xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
        {e.proposals.length > 0 ? (
          <ul className="mt-3 list-disc pl-6 text-sm">
            {e.proposals.map((p) => (
              <li key={p.id}>{p.offer ? `${p.offer.title} — ${p.offer.company.name}` : "Proposition"} : {PROPOSAL_STATUS_LABELS[p.status]}</li>
            ))}
          </ul>
        ) : null}
        {e.outcomes ? <p className="mt-2 text-sm">{e.outcomes}</p> : null}
        {canPropose ? <div className="mt-4"><EventProposeForm eventId={e.id} people={people} offers={offers} /></div> : null}
      </Card>

      <Card as="section" aria-labelledby="invitations-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="invitations-title" className="text-lg font-semibold">Invitations</h2>
          {can(user, "eventTemplate.write") ? <LinkButton variant="ghost" href="/evenements/modeles">Modèles de messages</LinkButton> : null}
        </div>
        {inviteChoices && preview ? <InvitePanel eventId={e.id} choices={inviteChoices} preview={preview} matching={matching} /> : null}
        <InvitationStatusTable rows={invitations} />
      </Card>

      <Card as="section" aria-labelledby="participants-title" className="flex flex-col gap-3">
        <h2 id="participants-title" className="text-lg font-semibold">Participants</h2>
        {choices ? <RegisterForm eventId={e.id} platformId={e.platformId} chefs={choices.CHEF_DE_FILE} /> : null}
        <ParticipantsTable eventId={e.id} participants={e.participants} editable={editable} />
      </Card>
    </div>
  );
}
