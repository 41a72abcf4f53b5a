"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect } from "react";
import { createEventAction } from "@/app/(app)/evenements/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { options, SelectField } from "@/components/ui/form-sections";
import { EVENT_KIND_LABELS } from "@/lib/events/event.rules";

export function EventForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(createEventAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  const createdId = state?.ok ? state.data.id : null;
  useEffect(() => {
    if (createdId) router.push(`/evenements/${createdId}`);
  }, [createdId, router]);
  return (
    // onSubmit rather than action=: a form action resets the fields, losing the input on an error.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate className="grid max-w-3xl gap-4 rounded-lg border border-gray-300 bg-white p-4 sm:grid-cols-2">
      <SelectField label="Type" name="kind" options={options(EVENT_KIND_LABELS)} defaultValue="CIRCUIT_COURT" placeholder={null} error={fields?.kind?.[0]} />
      <Field label="Titre (obligatoire)" name="title" error={fields?.title?.[0]} required />
      <Field label="Date et heure (obligatoire)" name="date" type="datetime-local" error={fields?.date?.[0]} required />
      <Field label="Lieu (obligatoire)" name="place" error={fields?.place?.[0]} required />
      <Field label="Thème" name="theme" error={fields?.theme?.[0]} />
      <Field label="Filière" name="sector" error={fields?.sector?.[0]} />
      <Field label="Organisateur" name="organiser" error={fields?.organiser?.[0]} />
      <Field label="Capacité (demandeurs d'emploi)" name="capacity" type="number" min={1} error={fields?.capacity?.[0]} hint="Au-delà, les inscriptions vont en liste d'attente. Vide : pas de limite." />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>Créer l&apos;événement</Button>
        <p aria-live="polite" className="text-sm text-danger">{state && !state.ok ? state.message : null}</p>
      </div>
    </form>
  );
}
