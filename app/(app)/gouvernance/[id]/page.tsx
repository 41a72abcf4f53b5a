import type { Metadata } from "next";
import { GovernanceForm } from "@/components/governance/governance-form";
import { DeleteButton } from "@/components/ui/delete-button";
import { loadOrNull } from "@/lib/api/params";
import { orNotFound, requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate, parisToday } from "@/lib/format";
import { GOVERNANCE_KIND_LABELS } from "@/lib/governance/governance.rules";
import { getGovernanceMeeting } from "@/lib/governance/governance.service";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox } from "@/components/ui/card";

export const metadata: Metadata = { title: "Réunion de gouvernance" };

export default async function GovernanceMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("governance.read");
  const { id } = await params;
  const meeting = orNotFound(await loadOrNull(id, (i) => getGovernanceMeeting(db, user, i)));
  const title = `${GOVERNANCE_KIND_LABELS[meeting.kind]} du ${formatDate(meeting.date)}`;
  if (!can(user, "governance.write")) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm"><TextLink href="/gouvernance">Gouvernance</TextLink></p>
        <PageTitle>{title}</PageTitle>
        <dl className={cardBox("md", "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
          <dt className="font-medium">Plateforme</dt>
          <dd>{meeting.platform}</dd>
          <dt className="font-medium">Participants</dt>
          <dd><ul>{meeting.attendees.map((a) => <li key={a}>{a}</li>)}</ul></dd>
          <dt className="font-medium">Décisions</dt>
          <dd className="whitespace-pre-line">{meeting.decisions ?? "—"}</dd>
        </dl>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/gouvernance">Gouvernance</TextLink></p>
      <PageTitle>{title}</PageTitle>
      <GovernanceForm meeting={meeting} today={parisToday()} />
      <section aria-labelledby="danger-title" className="flex flex-col gap-2 border-t border-gray-300 pt-4">
        <h2 id="danger-title" className="text-lg font-semibold">Supprimer</h2>
        <DeleteButton
          url={`/api/v1/governance-meetings/${meeting.id}?version=${meeting.version}`}
          confirmText={`Supprimer la réunion « ${title} » ? Elle ne sera plus comptée dans les réunions tenues.`}
          label="Supprimer cette réunion"
          redirectTo="/gouvernance"
        />
      </section>
    </div>
  );
}
