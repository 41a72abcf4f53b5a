"use client";
// Create a callback (company, call time, person in charge) or edit one (call time, person, need).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { localInputToIso, toLocalInput } from "@/components/ui/datetime-local";
import { applyFieldErrors, FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-fields";
import { createCallbackSchema, updateCallbackSchema, type CallbackDetail, type CreateCallbackInput, type UpdateCallbackInput } from "@/lib/callbacks/callback.schema";
import type { Option } from "@/lib/callbacks/options.query";
import { toast } from "@/components/ui/toast";
import { cardBox } from "@/components/ui/card";

export function NewCallbackForm({ company, staff, now }: { company?: ComboOption | null; staff: Option[]; now: string }) {
  const router = useRouter();
  const [picked, setPicked] = useState<ComboOption | null>(company ?? null);
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<CreateCallbackInput>({
    resolver: zodResolver(createCallbackSchema),
    defaultValues: { companyId: company?.value ?? "", receivedAt: toLocalInput(now), assignedToId: "" },
  });

  async function onSubmit(values: CreateCallbackInput) {
    setAlert(null);
    const res = await sendJson<CallbackDetail>("/api/v1/callbacks", "POST", { ...values, receivedAt: localInputToIso(values.receivedAt) });
    if (!res.ok) {
      applyFieldErrors(res.fields, setError, ["companyId", "receivedAt", "assignedToId"]);
      setAlert(res);
      return;
    }
    toast({ message: "Rappel enregistré.", href: `/rappels/${res.data.id}`, linkLabel: "Voir le rappel" });
    router.push(`/rappels/${res.data.id}`);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className={cardBox("md", "flex max-w-xl flex-col gap-4")}>
      <FormAlert outcome={alert} />
      <Controller
        control={control}
        name="companyId"
        render={({ field }) => (
          <Combobox
            label="Entreprise"
            name={field.name}
            required
            hint="Nom, SIRET ou commune"
            searchUrl="/api/v1/pickers/companies"
            value={picked}
            onChange={(o) => { setPicked(o); field.onChange(o?.value ?? ""); }}
            error={errors.companyId?.message}
          />
        )}
      />
      <Field label="Appel reçu le" type="datetime-local" error={errors.receivedAt?.message} {...register("receivedAt")} />
      <SelectField label="Suivi par (facultatif)" error={errors.assignedToId?.message} {...register("assignedToId")}>
        <option value="">Personne pour l&apos;instant</option>
        {staff.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <p className="text-sm text-muted">L&apos;échéance est calculée à partir du délai de rappel du jeu de règles en vigueur.</p>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Créer le rappel"}
        </Button>
      </div>
    </form>
  );
}

export function EditCallbackForm({ callback, staff }: { callback: CallbackDetail; staff: Option[] }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<UpdateCallbackInput>({
    resolver: zodResolver(updateCallbackSchema),
    values: { receivedAt: toLocalInput(callback.receivedAt), assignedToId: callback.assignedToId ?? "", qualifiedNeed: callback.qualifiedNeed ?? "", version: callback.version },
  });

  async function onSubmit(values: UpdateCallbackInput) {
    setAlert(null);
    setDone(null);
    const res = await sendJson<CallbackDetail>(`/api/v1/callbacks/${callback.id}`, "PATCH", { ...values, receivedAt: localInputToIso(values.receivedAt), version: callback.version });
    if (!res.ok) {
      applyFieldErrors(res.fields, setError, ["receivedAt", "assignedToId", "qualifiedNeed"]);
      setAlert(res);
      return;
    }
    setDone("Modifications enregistrées.");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="edit-callback-title" className={cardBox("md", "flex flex-col gap-4")}>
      <h2 id="edit-callback-title" className="text-lg font-semibold">Modifier le rappel</h2>
      <FormAlert outcome={alert} id="edit-alert" />
      <Field label="Appel reçu le" type="datetime-local" hint="Corriger cette date recalcule l'échéance." error={errors.receivedAt?.message} {...register("receivedAt")} />
      <SelectField label="Suivi par" error={errors.assignedToId?.message} {...register("assignedToId")}>
        <option value="">Personne</option>
        {staff.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Besoin qualifié" error={errors.qualifiedNeed?.message} {...register("qualifiedNeed")} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          Enregistrer les modifications
        </Button>
        <p aria-live="polite" className="text-sm text-success">
          {done}
        </p>
      </div>
    </form>
  );
}
