"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect } from "react";
import { createDiagnosticAction, updateDiagnosticAction } from "@/app/(app)/demandeurs/actions";
import { Button, LinkButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-sections";
import type { DiagnosticDto } from "@/lib/diagnostics/diagnostic.schema";
import { toast } from "@/components/ui/toast";

function Check({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="true" className="h-4 w-4" defaultChecked={checked} />
      {label}
    </label>
  );
}

/** Records a diagnostic, or edits one when `initial` is given (then back to the person's page). */
export function DiagnosticForm({ jobSeekerId, today, files, initial }: { jobSeekerId: string; today: string; files: { id: string; label: string }[]; initial?: DiagnosticDto }) {
  const router = useRouter();
  const [createState, createAction, creating] = useActionState(createDiagnosticAction, null);
  const [updateState, updateAction, updating] = useActionState(updateDiagnosticAction, null);
  const state = initial ? updateState : createState;
  const action = initial ? updateAction : createAction;
  const pending = creating || updating;
  const f = state && !state.ok ? state.fields : undefined;
  const saved = Boolean(initial && updateState?.ok);
  useEffect(() => {
    if (saved) {
      toast({ message: "Diagnostic mobilité enregistré.", href: `/demandeurs/${jobSeekerId}`, linkLabel: "Voir la fiche" });
      router.push(`/demandeurs/${jobSeekerId}`);
      router.refresh();
    }
  }, [saved, jobSeekerId, router]);
  const num = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));
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
      <h3 id="diag-title" className="text-base font-semibold sm:col-span-3">{initial ? "Modifier le diagnostic mobilité" : "Enregistrer un diagnostic mobilité"}</h3>
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : <input type="hidden" name="jobSeekerId" value={jobSeekerId} />}
      <Field label="Date" name="date" id="diag-date" type="date" defaultValue={initial?.date ?? today} max={today} error={f?.date?.[0]} />
      <SelectField label="Dossier de subvention qui le finance" name="subsidyFileId" defaultValue={initial?.subsidyFileId ?? ""} options={files.map((x) => ({ value: x.id, label: x.label }))} placeholder="— Aucun —" error={f?.subsidyFileId?.[0]} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Réalisé</legend>
        <Check name="diagnosticDone" label="Diagnostic réalisé" checked={initial?.diagnosticDone} />
        <Check name="accompanimentDone" label="Accompagnement réalisé" checked={initial?.accompanimentDone} />
        <Check name="solutionRecommended" label="Solution préconisée" checked={initial?.solutionRecommended} />
        <Check name="orientationMaterialFinancial" label="Orientation vers une solution matérielle ou financière" checked={initial?.orientationMaterialFinancial} />
      </fieldset>
      <Field label="Durée de l'accompagnement (jours)" name="accompanimentDurationDays" type="number" min={1} defaultValue={num(initial?.accompanimentDurationDays)} error={f?.accompanimentDurationDays?.[0]} />
      <Field label="Type de solution préconisée" name="solutionType" defaultValue={initial?.solutionType ?? undefined} error={f?.solutionType?.[0]} />
      <Field label="Distance aller-retour acceptée avant (km)" name="distanceBeforeKm" type="number" min={0} defaultValue={num(initial?.distanceBeforeKm)} error={f?.distanceBeforeKm?.[0]} />
      <Field label="Distance aller-retour acceptée après (km)" name="distanceAfterKm" type="number" min={0} defaultValue={num(initial?.distanceAfterKm)} error={f?.distanceAfterKm?.[0]} />
      <SelectField label="Satisfaction" name="satisfaction" defaultValue={num(initial?.satisfaction) ?? ""} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} sur 5` }))} placeholder="— Non renseignée —" error={f?.satisfaction?.[0]} />
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>{initial ? "Enregistrer les modifications" : "Enregistrer le diagnostic"}</Button>
        {initial ? <LinkButton variant="outline" href={`/demandeurs/${jobSeekerId}`}>Annuler</LinkButton> : null}
        <p aria-live="polite" className="text-sm">
          {state?.ok ? "Diagnostic enregistré." : state ? <span className="text-danger">{state.message}</span> : null}
          {initial && state && !state.ok && state.message.includes("entre-temps") ? <> <a href={`/demandeurs/${jobSeekerId}/diagnostics/${initial.id}/modifier`} className="text-brand-700 underline">Recharger la version actuelle</a></> : null}
        </p>
      </div>
    </form>
  );
}
