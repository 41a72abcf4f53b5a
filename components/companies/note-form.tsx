"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { createNoteAction } from "@/app/(app)/entreprises/actions";
import { applyServerResult, toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError, SelectField, TextAreaField } from "@/components/ui/form-controls";
import { createNoteSchema, INTERACTION_KINDS, INTERACTION_LABELS } from "@/lib/companies/note.schema";
import { toast } from "@/components/ui/toast";

type Values = { kind: string; at: string; summary: string };

export function NoteForm({ companyId, today }: { companyId: string; today: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(createNoteSchema) as unknown as Resolver<Values>,
    defaultValues: { kind: "APPEL", at: today, summary: "" },
  });
  async function onSubmit(values: Values) {
    const result = await createNoteAction(null, toFormData({ ...values, companyId }));
    if (result.ok) {
      reset({ kind: values.kind, at: today, summary: "" });
      toast({ message: "Échange enregistré dans l'historique.", href: `/entreprises/${companyId}`, linkLabel: "Voir la fiche" });
      router.refresh();
    } else setFormError(applyServerResult(result, setError));
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-3" aria-label="Noter un échange">
      <FormError message={formError} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField label="Type d'échange" error={errors.kind?.message} {...register("kind")}>
          {INTERACTION_KINDS.map((k) => <option key={k} value={k}>{INTERACTION_LABELS[k]}</option>)}
        </SelectField>
        <Field label="Date" type="date" max={today} error={errors.at?.message} {...register("at")} />
      </div>
      <TextAreaField label="Résumé de l'échange" error={errors.summary?.message} {...register("summary")} />
      <Button type="submit" disabled={isSubmitting}>Noter l&apos;échange</Button>
    </form>
  );
}
