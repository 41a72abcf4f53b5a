import type { Metadata } from "next";
import { CancelEventForm } from "@/components/events/cancel-event-form";
import { EventForm } from "@/components/events/event-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventFields } from "@/lib/events/event.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { parisDateTimeLocal } from "@/lib/paris-day";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Modifier l'événement" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("event.write");
  const { id } = await params;
  const e = await notFoundOnAppError(getEventFields(db, user, id));
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm"><TextLink href="/evenements">Événements</TextLink> / <TextLink href={`/evenements/${e.id}`}>{e.title}</TextLink> / Modifier</p>
      <PageTitle>Modifier l&apos;événement « {e.title} »</PageTitle>
      {e.status === "CANCELLED" ? (
        <p role="status" className="rounded border-2 border-danger bg-red-50 p-3 text-sm">
          Cet événement est annulé{e.cancelReason ? ` (motif : ${e.cancelReason})` : ""} : il ne se modifie plus. <TextLink href={`/evenements/${e.id}`}>Voir l&apos;événement</TextLink>
        </p>
      ) : (
        <>
          <EventForm initial={e} localDate={parisDateTimeLocal(e.date)} />
          <section aria-labelledby="cancel-title" className="flex flex-col gap-2 rounded-lg border border-danger bg-white p-4">
            <h2 id="cancel-title" className="text-lg font-semibold">Annuler l&apos;événement</h2>
            <p className="text-sm text-muted">L&apos;événement reste dans la liste, marqué « Annulé », avec le motif ; les inscriptions sont fermées.</p>
            <CancelEventForm id={e.id} version={e.version} title={e.title} />
          </section>
        </>
      )}
    </div>
  );
}
