"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, type Resolver } from "react-hook-form";
import { createVisitAction, updateVisitAction } from "@/app/(app)/visites/actions";
import { applyServerResult, toJsonFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError, TextAreaField } from "@/components/ui/form-controls";
import { createVisitSchema, NEED_KINDS, NEED_LABELS, type VisitDto } from "@/lib/visits/visit.schema";
import { Icon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";

interface Values {
  companyId: string;
  date: string;
  purpose: string;
  staffIds: string[];
  partnersPresent: string;
  needs: string[];
  outcome: string;
  notes: string;
  followUps: { label: string; dueAt: string }[];
}

/** Creates a visit, or edits one when `visit` is given (same form; existing follow-up actions are ticked on the visit page, new ones may be added). */
export function VisitForm({ company, staff, currentUserId, today, visit }: { company: { id: string; name: string }; staff: { id: string; name: string }[]; currentUserId: string; today: string; visit?: VisitDto }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // A staff member who left the team still appears on a visit they attended.
  const people = visit ? [...staff, ...visit.staff.filter((s) => !staff.some((t) => t.id === s.id))] : staff;
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(createVisitSchema) as unknown as Resolver<Values>,
    defaultValues: visit
      ? { companyId: company.id, date: visit.date.slice(0, 10), purpose: visit.purpose, staffIds: visit.staff.map((s) => s.id), partnersPresent: visit.partnersPresent.join(", "), needs: visit.needs, outcome: visit.outcome ?? "", notes: visit.notes ?? "", followUps: [] }
      : { companyId: company.id, date: today, purpose: "", staffIds: staff.some((s) => s.id === currentUserId) ? [currentUserId] : [], partnersPresent: "", needs: [], outcome: "", notes: "", followUps: [] },
  });
  const followUps = useFieldArray({ control, name: "followUps" });

  async function onSubmit(values: Values) {
    setFormError(null);
    const result = visit
      ? await updateVisitAction(null, toJsonFormData({ ...values, companyId: undefined, id: visit.id, version: visit.version }))
      : await createVisitAction(null, toJsonFormData(values));
    if (result.ok) {
      toast({ message: "Visite enregistrée.", href: `/visites/${result.data.id}`, linkLabel: "Voir la visite" });
      router.push(`/visites/${result.data.id}`);
      router.refresh();
      return;
    }
    setConflict(result.message.includes("entre-temps"));
    setFormError(applyServerResult(result, setError));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormError message={formError} />
      {conflict && visit ? <p><a href={`/visites/${visit.id}/modifier`} className="text-brand-700 underline">Recharger la version actuelle de la visite</a></p> : null}
      <input type="hidden" {...register("companyId")} />
      <fieldset className="grid grid-cols-1 gap-4 rounded-lg border border-gray-300 bg-white p-4 md:grid-cols-2">
        <legend className="px-1 font-semibold">Visite chez {company.name}</legend>
        <Field label="Date de la visite" type="date" required error={errors.date?.message} {...register("date")} />
        <Field label="Objet de la visite" required error={errors.purpose?.message} {...register("purpose")} />
        <fieldset className="flex flex-col gap-1 md:col-span-2" aria-describedby={errors.staffIds ? "staff-error" : undefined}>
          <legend className="text-sm font-medium">Intervenants de la plateforme</legend>
          <div className="flex flex-wrap gap-4">
            {people.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={s.id} className="h-5 w-5" {...register("staffIds")} /> {s.name}
              </label>
            ))}
          </div>
          {errors.staffIds ? <p id="staff-error" className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{errors.staffIds.message}</p> : null}
        </fieldset>
        <Field label="Partenaires présents" hint="Séparés par des virgules (ex. : France Travail, Mission locale)" error={errors.partnersPresent?.message} {...register("partnersPresent")} />
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Besoins détectés</legend>
          <div className="flex flex-wrap gap-4">
            {NEED_KINDS.map((n) => (
              <label key={n} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={n} className="h-5 w-5" {...register("needs")} /> {NEED_LABELS[n]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="md:col-span-2"><TextAreaField label="Résultat de la visite" error={errors.outcome?.message} {...register("outcome")} /></div>
        <div className="md:col-span-2"><TextAreaField label="Notes" error={errors.notes?.message} {...register("notes")} /></div>
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-gray-300 bg-white p-4">
        <legend className="px-1 font-semibold">{visit ? "Nouvelles actions de suivi" : "Actions de suivi"}</legend>
        {visit && visit.followUps.length ? <p className="text-sm text-muted">Les {visit.followUps.length} action(s) déjà prévue(s) se cochent sur la page de la visite ; ajoutez ici les nouvelles.</p> : null}
        {followUps.fields.length === 0 ? <p className="text-sm text-muted">{visit ? "Aucune nouvelle action." : "Aucune action de suivi pour l'instant."}</p> : null}
        {followUps.fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_auto_auto]">
            <Field label={`Intitulé de l'action ${i + 1}`} error={errors.followUps?.[i]?.label?.message} {...register(`followUps.${i}.label`)} />
            <Field label={`Échéance de l'action ${i + 1}`} type="date" error={errors.followUps?.[i]?.dueAt?.message} {...register(`followUps.${i}.dueAt`)} />
            <Button type="button" variant="secondary" onClick={() => followUps.remove(i)}>Retirer<span className="sr-only"> l&apos;action {i + 1}</span></Button>
          </div>
        ))}
        <div><Button type="button" variant="secondary" onClick={() => followUps.append({ label: "", dueAt: today })}>Ajouter une action de suivi</Button></div>
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>Enregistrer la visite</Button>
        <Link href={visit ? `/visites/${visit.id}` : `/entreprises/${company.id}`} className="rounded border border-gray-400 px-4 py-2 text-sm">Annuler</Link>
      </div>
    </form>
  );
}
