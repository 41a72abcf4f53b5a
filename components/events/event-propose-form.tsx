"use client";
// Event outcomes: positions a participant on an offer during the event; the proposal is linked to
// the event, so its later hire counts in the event's results.
import { createProposalAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";
import { PickField } from "@/components/ui/pick-field";
import { useFormAction } from "@/components/forms/use-form-action";

export function EventProposeForm({ eventId, people, offers }: { eventId: string; people: { id: string; name: string }[]; offers: { id: string; label: string }[] }) {
  const [state, action, pending] = useFormAction(createProposalAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  if (people.length === 0) return null;
  return (
    <form onSubmit={action} noValidate className="flex flex-wrap items-end gap-3" aria-labelledby="event-propose-title">
      <h3 id="event-propose-title" className="w-full text-base font-semibold">Positionner un participant sur une offre</h3>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="kind" value="JOB" />
      <PickField label="Participant" name="jobSeekerId" id="event-propose-person" options={people.map((p) => ({ value: p.id, label: p.name }))} error={fields?.jobSeekerId?.[0]} className="min-w-64" />
      <PickField label="Offre ouverte" name="offerId" id="event-propose-offer" options={offers.map((o) => ({ value: o.id, label: o.label }))} placeholder={offers.length ? "— Choisir —" : "Aucune offre ouverte"} error={fields?.offerId?.[0] ?? fields?.eventId?.[0]} className="min-w-72" />
      <Button type="submit" disabled={pending}>Positionner</Button>
      <p aria-live="polite" className="w-full text-sm">{state?.ok ? "Positionnement enregistré : suivez-le depuis la fiche de la personne." : state ? <span className="text-danger">{state.message}</span> : null}</p>
    </form>
  );
}
