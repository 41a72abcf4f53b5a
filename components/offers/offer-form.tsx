"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { createOfferAction, updateOfferAction } from "@/app/(app)/offres/actions";
import { applyServerResult, toJsonFormData } from "@/components/forms/server-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field, FormSection } from "@/components/ui/field";
import { CheckboxField, FormError, SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CONTRACT_LABELS, CONTRACT_TYPES, createOfferSchema, FIXED_TERM, OFFER_SOURCES, SOURCE_LABELS, WORKING_TIME_LABELS, WORKING_TIMES, type OfferDto } from "@/lib/offers/offer.schema";
import { toast } from "@/components/ui/toast";

interface Values {
  companyId: string;
  visitId: string;
  publish: boolean;
  title: string;
  romeCode: string;
  contractType: string;
  contractDurationMonths: string;
  workingTime: string;
  weeklyHours: string;
  communeCode: string;
  positions: string;
  hiddenMarket: boolean;
  inTension: boolean;
  source: string;
  description: string;
  receivedAt: string;
  expiresAt: string;
}

/** `rome` and `commune` are the pickers' initial choices (the offer's, or the company's commune for a new offer). */
export function OfferForm({ company, visitId, offer, rome, commune, today }: { company: { id: string; name: string }; visitId?: string; offer?: OfferDto; rome?: ComboOption | null; commune?: ComboOption | null; today: string }) {
  const router = useRouter();
  const [romeChoice, setRomeChoice] = useState<ComboOption | null>(rome ?? null);
  const [communeChoice, setCommuneChoice] = useState<ComboOption | null>(commune ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(createOfferSchema) as unknown as Resolver<Values>,
    defaultValues: {
      companyId: company.id,
      visitId: visitId ?? offer?.visitId ?? "",
      publish: true,
      title: offer?.title ?? "",
      romeCode: offer?.romeCode ?? "",
      contractType: offer?.contractType ?? "CDI",
      contractDurationMonths: offer?.contractDurationMonths?.toString() ?? "",
      workingTime: offer?.workingTime ?? "TEMPS_PLEIN",
      weeklyHours: offer?.weeklyHours?.toString() ?? "",
      communeCode: offer ? (offer.communeCode ?? "") : (commune?.value ?? ""),
      positions: offer?.positions.toString() ?? "1",
      hiddenMarket: offer?.hiddenMarket ?? false,
      inTension: offer?.inTension ?? false,
      source: offer?.source ?? (visitId ? "VISITE" : "SPONTANEE"),
      description: offer?.description ?? "",
      receivedAt: offer?.receivedAt.slice(0, 10) ?? today,
      expiresAt: offer?.expiresAt?.slice(0, 10) ?? "",
    },
  });
  const contractType = useWatch({ control, name: "contractType" });

  async function onSubmit(values: Values) {
    setFormError(null);
    const result = offer ? await updateOfferAction(null, toJsonFormData({ ...values, id: offer.id, version: offer.version })) : await createOfferAction(null, toJsonFormData(values));
    if (result.ok) {
      toast({ message: "Offre enregistrée.", href: `/offres/${result.data.id}`, linkLabel: "Voir l'offre" });
      router.push(`/offres/${result.data.id}`);
      router.refresh();
      return;
    }
    setConflict(result.message.includes("entre-temps"));
    setFormError(applyServerResult(result, setError));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormError message={formError} />
      {conflict && offer ? <p><a href={`/offres/${offer.id}/modifier`} className="text-brand-700 underline">Recharger la version actuelle de l&apos;offre</a></p> : null}
      <FormSection title={`Poste proposé par ${company.name}`}>
        <Field label="Intitulé du poste" required error={errors.title?.message} {...register("title")} />
        <Controller
          control={control}
          name="romeCode"
          render={({ field }) => (
            <Combobox label="Métier (code ROME)" name={field.name} hint="Métier, appellation ou code (ex. : soudeur, H2913)" searchUrl="/api/v1/reference/rome" value={romeChoice} onChange={(o) => { setRomeChoice(o); field.onChange(o?.value ?? ""); }} error={errors.romeCode?.message} />
          )}
        />
        <SelectField label="Type de contrat" error={errors.contractType?.message} {...register("contractType")}>
          {CONTRACT_TYPES.map((c) => <option key={c} value={c}>{CONTRACT_LABELS[c]}</option>)}
        </SelectField>
        {FIXED_TERM.has(contractType) ? <Field label="Durée du contrat (mois)" type="number" min={1} max={60} error={errors.contractDurationMonths?.message} {...register("contractDurationMonths")} /> : <div />}
        <SelectField label="Temps de travail" error={errors.workingTime?.message} {...register("workingTime")}>
          {WORKING_TIMES.map((w) => <option key={w} value={w}>{WORKING_TIME_LABELS[w]}</option>)}
        </SelectField>
        <Field label="Heures par semaine" type="number" min={1} max={48} error={errors.weeklyHours?.message} {...register("weeklyHours")} />
        <Controller
          control={control}
          name="communeCode"
          render={({ field }) => (
            <Combobox label="Lieu de travail" name={field.name} hint="Commune ou code postal" searchUrl="/api/v1/reference/communes" value={communeChoice} onChange={(o) => { setCommuneChoice(o); field.onChange(o?.value ?? ""); }} error={errors.communeCode?.message} />
          )}
        />
        <Field label="Nombre de postes" type="number" min={1} required error={errors.positions?.message} {...register("positions")} />
      </FormSection>
      <FormSection title="Origine et caractéristiques">
        <CheckboxField label="Marché caché (offre non publiée ailleurs)" {...register("hiddenMarket")} />
        <CheckboxField label="Métier en tension / difficile à pourvoir" {...register("inTension")} />
        <SelectField label="Origine de l'offre" error={errors.source?.message} {...register("source")}>
          {OFFER_SOURCES.map((s) => <option key={s} value={s}>{SOURCE_LABELS[s]}</option>)}
        </SelectField>
        <Field label="Date de réception" type="date" max={today} error={errors.receivedAt?.message} {...register("receivedAt")} />
        <Field label="Date limite de candidature" type="date" error={errors.expiresAt?.message} {...register("expiresAt")} />
        {!offer ? <CheckboxField label="Publier l'offre dès maintenant (sinon : brouillon)" {...register("publish")} /> : null}
        <div className="md:col-span-2"><TextAreaField label="Description du poste" rows={5} error={errors.description?.message} {...register("description")} /></div>
      </FormSection>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>{offer ? "Enregistrer l'offre" : "Créer l'offre"}</Button>
        <LinkButton variant="outline" href={offer ? `/offres/${offer.id}` : `/entreprises/${company.id}`}>Annuler</LinkButton>
      </div>
    </form>
  );
}
