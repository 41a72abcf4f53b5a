"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors, FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/field";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { chefDeFileInputSchema, type ChefDeFileDetail } from "@/lib/chefs-de-file/chef-de-file.schema";
import { toast } from "@/components/ui/toast";
import { cardBox } from "@/components/ui/card";

type FormIn = z.input<typeof chefDeFileInputSchema>;
type FormOut = z.output<typeof chefDeFileInputSchema>;
const FIELDS = ["firstName", "lastName", "jobTitle", "proEmail", "proPhone", "sector", "companyId", "commitments", "since", "active"] as const;

/**
 * Create (no `chef`) or edit (with `chef`, sending the version read for optimistic locking). The
 * company is picked in a combobox searching the server (name, SIRET or commune; « commune · SIRET »
 * tells two companies of the same name apart), never in a list of every company.
 */
export function ChefDeFileForm({ chef, sectors }: { chef?: ChefDeFileDetail; sectors: string[] }) {
  const router = useRouter();
  const [company, setCompany] = useState<ComboOption | null>(chef?.company ? { value: chef.company.id, label: chef.company.name, description: chef.company.city ?? undefined } : null);
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(chefDeFileInputSchema),
    defaultValues: {
      firstName: chef?.firstName ?? "", lastName: chef?.lastName ?? "", jobTitle: chef?.jobTitle ?? "", proEmail: chef?.proEmail ?? "",
      proPhone: chef?.proPhone ?? "", sector: chef?.sector ?? "", companyId: chef?.company?.id ?? "", commitments: chef?.commitments ?? "",
      since: chef?.since?.slice(0, 10) ?? "", active: chef?.active ?? true,
    },
  });

  async function onSubmit(values: FormOut) {
    setAlert(null);
    const res = chef
      ? await sendJson<ChefDeFileDetail>(`/api/v1/chefs-de-file/${chef.id}`, "PATCH", { ...values, version: chef.version })
      : await sendJson<ChefDeFileDetail>("/api/v1/chefs-de-file", "POST", values);
    if (!res.ok) {
      applyFieldErrors(res.fields, setError, FIELDS);
      setAlert(res);
      return;
    }
    toast({ message: "Chef de file enregistré.", href: `/chefs-de-file/${res.data.id}`, linkLabel: "Voir la fiche" });
    router.push(`/chefs-de-file/${res.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className={cardBox("md", "flex max-w-2xl flex-col gap-4")}>
      <FormAlert outcome={alert} />
      <p className="text-sm text-muted">Coordonnées professionnelles uniquement (annexe 1 de la convention : minimisation des données).</p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Prénom" autoComplete="off" error={errors.firstName?.message} {...register("firstName")} />
        <Field label="Nom" autoComplete="off" required error={errors.lastName?.message} {...register("lastName")} />
        <Field label="Fonction" hint="Dirigeant·e, DRH…" error={errors.jobTitle?.message} {...register("jobTitle")} />
        <Field label="Filière" required list="sector-options" error={errors.sector?.message} {...register("sector")} />
        <Field label="E-mail professionnel" type="email" autoComplete="off" error={errors.proEmail?.message} {...register("proEmail")} />
        <Field label="Téléphone professionnel" type="tel" autoComplete="off" error={errors.proPhone?.message} {...register("proPhone")} />
      </div>
      <datalist id="sector-options">
        {sectors.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Controller
        control={control}
        name="companyId"
        render={({ field }) => (
          <Combobox
            label="Entreprise"
            name={field.name}
            hint="Nom, SIRET ou commune (facultatif)"
            searchUrl="/api/v1/pickers/companies"
            value={company}
            onChange={(o) => {
              setCompany(o);
              field.onChange(o?.value ?? "");
            }}
            error={errors.companyId?.message}
          />
        )}
      />
      <TextAreaField label="Engagements" hint="Ce que le chef de file s'engage à faire pour le dispositif." error={errors.commitments?.message} {...register("commitments")} />
      <Field label="Chef de file depuis le" type="date" error={errors.since?.message} {...register("since")} />
      <div className="flex items-center gap-2">
        <input id="field-active" type="checkbox" {...register("active")} />
        <label htmlFor="field-active" className="text-sm font-medium">Actif</label>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : chef ? "Enregistrer les modifications" : "Enregistrer le chef de file"}
        </Button>
      </div>
    </form>
  );
}
