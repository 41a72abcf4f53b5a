"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect } from "react";
import { createEventAction, updateEventAction } from "@/app/(app)/evenements/actions";
import { Button, LinkButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { options, SelectField } from "@/components/ui/form-sections";
import { EVENT_KIND_LABELS } from "@/lib/events/event.rules";
import type { EventDetailDto } from "@/lib/events/event.schema";
import { toast } from "@/components/ui/toast";
import { cardBox } from "@/components/ui/card";

/** Creates an event, or edits one when `initial` is given (`localDate`: its date as "AAAA-MM-JJTHH:MM", Paris time). */
export function EventForm({ initial, localDate }: { initial?: EventDetailDto; localDate?: string } = {}) {
  const router = useRouter();
  const [createState, createAction, creating] = useActionState(createEventAction, null);
  const [updateState, updateAction, updating] = useActionState(updateEventAction, null);
  const state = initial ? updateState : createState;
  const action = initial ? updateAction : createAction;
  const pending = creating || updating;
  const fields = state && !state.ok ? state.fields : undefined;
  const savedId = state?.ok ? state.data.id : null;
  useEffect(() => {
    if (savedId) {
      toast({ message: "Événement enregistré.", href: `/evenements/${savedId}`, linkLabel: "Voir l'événement" });
      router.push(`/evenements/${savedId}`);
      router.refresh();
    }
  }, [savedId, router]);
  const conflict = Boolean(initial && state && !state.ok && state.message.includes("entre-temps"));
  return (
    // onSubmit rather than action=: a form action resets the fields, losing the input on an error.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate className={cardBox("md", "grid max-w-3xl gap-4 sm:grid-cols-2")}>
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <SelectField label="Type" name="kind" options={options(EVENT_KIND_LABELS)} defaultValue={initial?.kind ?? "CIRCUIT_COURT"} placeholder={null} error={fields?.kind?.[0]} />
      <Field label="Titre (obligatoire)" name="title" defaultValue={initial?.title} error={fields?.title?.[0]} required />
      <Field label="Date et heure (obligatoire)" name="date" type="datetime-local" defaultValue={localDate} error={fields?.date?.[0]} required />
      <Field label="Lieu (obligatoire)" name="place" defaultValue={initial?.place} error={fields?.place?.[0]} required />
      <Field label="Thème" name="theme" defaultValue={initial?.theme ?? undefined} error={fields?.theme?.[0]} />
      <Field label="Filière" name="sector" defaultValue={initial?.sector ?? undefined} error={fields?.sector?.[0]} />
      <Field label="Organisateur" name="organiser" defaultValue={initial?.organiser ?? undefined} error={fields?.organiser?.[0]} />
      <Field label="Capacité (demandeurs d'emploi)" name="capacity" type="number" min={1} defaultValue={initial?.capacity ?? undefined} error={fields?.capacity?.[0]} hint="Au-delà, les inscriptions vont en liste d'attente. Vide : pas de limite." />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{initial ? "Enregistrer les modifications" : "Créer l'événement"}</Button>
        {initial ? <LinkButton variant="outline" href={`/evenements/${initial.id}`}>Annuler</LinkButton> : null}
        <p aria-live="polite" className="text-sm text-danger">
          {state && !state.ok ? state.message : null}
          {conflict && initial ? <> <a href={`/evenements/${initial.id}/modifier`} className="text-brand-700 underline">Recharger la version actuelle</a></> : null}
        </p>
      </div>
    </form>
  );
}
