"use client";

import { useActionState } from "react";
import { addInteractionAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { options, SelectField, TextAreaField } from "@/components/ui/form-sections";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";

export function InteractionForm({ jobSeekerId, today }: { jobSeekerId: string; today: string }) {
  const [state, action, pending] = useActionState(addInteractionAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" aria-labelledby="interaction-title">
      <h3 id="interaction-title" className="text-base font-semibold sm:col-span-2">Noter un échange</h3>
      <input type="hidden" name="jobSeekerId" value={jobSeekerId} />
      <SelectField label="Type d'échange" name="kind" options={options(LABELS.interaction)} defaultValue="APPEL" placeholder={null} error={fields?.kind?.[0]} />
      <Field label="Date de l'échange" name="at" type="date" defaultValue={today} max={today} error={fields?.at?.[0]} />
      <div className="sm:col-span-2">
        <TextAreaField label="Résumé" name="summary" error={fields?.summary?.[0]} hint="Faits utiles au suivi uniquement : pas d'appréciation personnelle ni de donnée de santé." />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>Ajouter l&apos;échange</Button>
        <p aria-live="polite" className="text-sm">
          {state?.ok ? "Échange enregistré." : state ? <span className="text-danger">{state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
