"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { createCompanyAction, updateCompanyAction } from "@/app/(app)/entreprises/actions";
import { applyServerResult, toFormData } from "@/components/forms/server-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { CheckboxField, FormError, SelectField } from "@/components/ui/form-controls";
import { createCompanySchema, HEADCOUNT_BANDS, HEADCOUNT_LABELS, type CompanyDto } from "@/lib/companies/company.schema";
import { toast } from "@/components/ui/toast";
import { TextLink } from "@/components/ui/text-link";

interface Values {
  siret: string;
  name: string;
  nafCode: string;
  sector: string;
  headcountBand: string;
  address: string;
  communeCode: string;
  numeroVert: boolean;
  numeroVertCalledAt: string;
}

/** `naf` and `commune`: the pickers' initial choices (the company's codes with their labels). */
export function CompanyForm({ company, naf, commune, sectors }: { company?: CompanyDto; naf?: ComboOption | null; commune?: ComboOption | null; sectors: string[] }) {
  const router = useRouter();
  const [nafChoice, setNafChoice] = useState<ComboOption | null>(naf ?? null);
  const [communeChoice, setCommuneChoice] = useState<ComboOption | null>(commune ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<Values>({
    // The client checks the same schema as the server; the server has the last word.
    resolver: zodResolver(createCompanySchema) as unknown as Resolver<Values>,
    defaultValues: {
      siret: company?.siret ?? "",
      name: company?.name ?? "",
      nafCode: company?.nafCode ?? "",
      sector: company?.sector ?? "",
      headcountBand: company?.headcountBand ?? "",
      address: company?.address ?? "",
      communeCode: company?.communeCode ?? "",
      numeroVert: company?.numeroVert ?? false,
      numeroVertCalledAt: company?.numeroVertCalledAt?.slice(0, 10) ?? "",
    },
  });
  const numeroVert = useWatch({ control, name: "numeroVert" });

  async function onSubmit(values: Values) {
    setFormError(null);
    const fd = toFormData({ ...values, numeroVert: values.numeroVert ? "true" : "false", ...(company ? { id: company.id, version: company.version } : {}) });
    const result = company ? await updateCompanyAction(null, fd) : await createCompanyAction(null, fd);
    if (result.ok) {
      toast({ message: company ? "Entreprise enregistrée." : "Entreprise créée.", href: `/entreprises/${result.data.id}`, linkLabel: "Voir la fiche" });
      router.push(`/entreprises/${result.data.id}`);
      router.refresh();
      return;
    }
    setConflict(result.message.includes("modifiée entre-temps"));
    setFormError(applyServerResult(result, setError));
  }

  const duplicate = errors.siret?.message?.match(/\(\/entreprises\/([0-9a-f-]{36})\)/);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormError message={formError} />
      {conflict && company ? (
        <p><TextLink href={`/entreprises/${company.id}/modifier`} onClick={() => router.refresh()}>Recharger la version actuelle</TextLink></p>
      ) : null}
      <fieldset className="grid grid-cols-1 gap-4 rounded-lg border border-gray-300 bg-white p-4 md:grid-cols-2">
        <legend className="px-1 font-semibold">Identification</legend>
        <Field label="SIRET (14 chiffres)" inputMode="numeric" autoComplete="off" required error={errors.siret?.message?.replace(/ \(\/entreprises\/[0-9a-f-]{36}\)/, "")} {...register("siret")} />
        <Field label="Raison sociale" required error={errors.name?.message} {...register("name")} />
        <Controller
          control={control}
          name="nafCode"
          render={({ field }) => (
            <Combobox label="Code NAF / APE" name={field.name} hint="Code ou activité (ex. : 47.11D, supermarché)" searchUrl="/api/v1/reference/naf" value={nafChoice} onChange={(o) => { setNafChoice(o); field.onChange(o?.value ?? ""); }} error={errors.nafCode?.message} />
          )}
        />
        <div className="flex flex-col gap-1">
          <Field label="Filière" list="sector-options" error={errors.sector?.message} {...register("sector")} />
          <datalist id="sector-options">{sectors.map((s) => <option key={s} value={s} />)}</datalist>
        </div>
        <SelectField label="Tranche d'effectif" error={errors.headcountBand?.message} {...register("headcountBand")}>
          <option value="">Non renseignée</option>
          {HEADCOUNT_BANDS.map((b) => <option key={b} value={b}>{HEADCOUNT_LABELS[b]}</option>)}
        </SelectField>
        {duplicate ? (
          <p className="md:col-span-2 text-sm">
            <TextLink href={`/entreprises/${duplicate[1]}`}>Ouvrir l&apos;entreprise déjà enregistrée avec ce SIRET</TextLink>
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid grid-cols-1 gap-4 rounded-lg border border-gray-300 bg-white p-4 md:grid-cols-2">
        <legend className="px-1 font-semibold">Adresse</legend>
        <Field label="Adresse (numéro et voie)" autoComplete="street-address" error={errors.address?.message} {...register("address")} />
        <Controller
          control={control}
          name="communeCode"
          render={({ field }) => (
            <Combobox label="Commune" name={field.name} hint="Nom ou code postal (ex. : Liévin, 62800)" searchUrl="/api/v1/reference/communes" value={communeChoice} onChange={(o) => { setCommuneChoice(o); field.onChange(o?.value ?? ""); }} error={errors.communeCode?.message} />
          )}
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-gray-300 bg-white p-4">
        <legend className="px-1 font-semibold">Numéro vert</legend>
        <CheckboxField label="L'entreprise a appelé le numéro vert" {...register("numeroVert")} />
        {numeroVert ? <Field label="Date de l'appel" type="date" error={errors.numeroVertCalledAt?.message} {...register("numeroVertCalledAt")} /> : null}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>{company ? "Enregistrer les modifications" : "Créer l'entreprise"}</Button>
        <LinkButton variant="outline" href={company ? `/entreprises/${company.id}` : "/entreprises"}>Annuler</LinkButton>
      </div>
    </form>
  );
}
