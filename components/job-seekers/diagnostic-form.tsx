"use client";

import { startTransition, useActionState } from "react";
import { createDiagnosticAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-sections";

function Check({ name, label }: { name: string; label: string }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="true" className="h-4 w-4" />
      {label}
    </label>
  );
}

export function DiagnosticForm({ jobSeekerId, today, files }: { jobSeekerId: string; today: string; files: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createDiagnosticAction, null);
  const f = state && !state.ok ? state.fields : undefined;
  return (
    // onSubmit rather than action=: a form action resets the fields, losing the input on an error.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="grid gap-3 sm:grid-cols-3"
      aria-labelledby="diag-title"
    >
      <h3 id="diag-title" className="text-base font-semibold sm:col-span-3">Enregistrer un diagnostic mobilité</h3>
      <input type="hidden" name="jobSeekerId" value={jobSeekerId} />
      <Field label="Date" name="date" id="diag-date" type="date" defaultValue={today} max={today} error={f?.date?.[0]} />
      <SelectField label="Dossier de subvention qui le finance" name="subsidyFileId" options={files.map((x) => ({ value: x.id, label: x.label }))} placeholder="— Aucun —" error={f?.subsidyFileId?.[0]} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Réalisé</legend>
        <Check name="diagnosticDone" label="Diagnostic réalisé" />
        <Check name="accompanimentDone" label="Accompagnement réalisé" />
        <Check name="solutionRecommended" label="Solution préconisée" />
        <Check name="orientationMaterialFinancial" label="Orientation vers une solution matérielle ou financière" />
      </fieldset>
      <Field label="Durée de l'accompagnement (jours)" name="accompanimentDurationDays" type="number" min={1} error={f?.accompanimentDurationDays?.[0]} />
      <Field label="Type de solution préconisée" name="solutionType" error={f?.solutionType?.[0]} />
      <Field label="Distance aller-retour acceptée avant (km)" name="distanceBeforeKm" type="number" min={0} error={f?.distanceBeforeKm?.[0]} />
      <Field label="Distance aller-retour acceptée après (km)" name="distanceAfterKm" type="number" min={0} error={f?.distanceAfterKm?.[0]} />
      <SelectField label="Satisfaction" name="satisfaction" options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} sur 5` }))} placeholder="— Non renseignée —" error={f?.satisfaction?.[0]} />
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>Enregistrer le diagnostic</Button>
        <p aria-live="polite" className="text-sm">{state?.ok ? "Diagnostic enregistré." : state ? <span className="text-danger">{state.message}</span> : null}</p>
      </div>
    </form>
  );
}
