"use client";
// A visit in a few keystrokes (issue 14 §3): the company is picked inline (or created from a
// SIRET), today / the user / the last purpose are the defaults, the hour is optional, and
// « Une offre a été recueillie » opens the offer fields under the visit: both are saved together
// by one server action, in one transaction (nothing half-saved on an error).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldValues, type Resolver } from "react-hook-form";
import { createVisitAction, updateVisitAction } from "@/app/(app)/visites/actions";
import { applyServerResult, toJsonFormData } from "@/components/forms/server-form";
import { sendJson } from "@/components/ui/api-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field, FormSection } from "@/components/ui/field";
import { CheckboxField, FormError, SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CONTRACT_LABELS, CONTRACT_TYPES, FIXED_TERM, WORKING_TIME_LABELS, WORKING_TIMES } from "@/lib/offers/offer.schema";
import { visitFormValues } from "@/lib/visits/visit.rules";
import { createVisitSchema, NEED_KINDS, NEED_LABELS, type VisitDto } from "@/lib/visits/visit.schema";
import { Icon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";

interface OfferValues {
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
  publish: boolean;
}

interface Values {
  companyId: string;
  date: string;
  time: string;
  purpose: string;
  staffIds: string[];
  partnersPresent: string;
  needs: string[];
  outcome: string;
  notes: string;
  followUps: { label: string; dueAt: string }[];
  withOffer: boolean;
  offer: OfferValues;
}

const emptyOffer = (today: string): OfferValues => ({
  title: "", romeCode: "", contractType: "CDI", contractDurationMonths: "", workingTime: "TEMPS_PLEIN", weeklyHours: "", communeCode: "",
  positions: "1", hiddenMarket: false, inTension: false, source: "VISITE", description: "", receivedAt: today, publish: true,
});

/** Validates the visit, and the offer only when « Une offre a été recueillie » is ticked. */
function visitResolver(): Resolver<Values> {
  const inner = zodResolver(createVisitSchema, undefined, { raw: true }) as unknown as Resolver<FieldValues>;
  return (values, ctx, options) => inner({ ...values, offer: values.withOffer ? values.offer : undefined }, ctx, options as never) as ReturnType<Resolver<Values>>;
}

interface Props {
  /** The company when known (edit, or « Nouvelle visite » from its page); otherwise it is picked inline. */
  company?: ComboOption | null;
  staff: { id: string; name: string }[];
  currentUserId: string;
  today: string;
  lastPurpose?: string;
  canOffer?: boolean;
  visit?: VisitDto;
}

export function VisitForm({ company, staff, currentUserId, today, lastPurpose = "", canOffer = false, visit }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [picked, setPicked] = useState<ComboOption | null>(company ?? null);
  const [creating, setCreating] = useState<{ siret: string; name: string; error?: string } | null>(null);
  const [rome, setRome] = useState<ComboOption | null>(null);
  const [commune, setCommune] = useState<ComboOption | null>(null);
  // A staff member who left the team still appears on a visit they attended.
  const people = visit ? [...staff, ...visit.staff.filter((s) => !staff.some((t) => t.id === s.id))] : staff;
  const initial = visit ? visitFormValues(visit.date, visit.timeSet) : { date: today, time: "" };
  const { register, handleSubmit, setError, control, setValue, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: visitResolver(),
    defaultValues: visit
      ? { companyId: visit.companyId, ...initial, purpose: visit.purpose, staffIds: visit.staff.map((s) => s.id), partnersPresent: visit.partnersPresent.join(", "), needs: visit.needs, outcome: visit.outcome ?? "", notes: visit.notes ?? "", followUps: [], withOffer: false, offer: emptyOffer(today) }
      : { companyId: company?.value ?? "", ...initial, purpose: lastPurpose, staffIds: staff.some((s) => s.id === currentUserId) ? [currentUserId] : [], partnersPresent: "", needs: [], outcome: "", notes: "", followUps: [], withOffer: false, offer: emptyOffer(today) },
  });
  const followUps = useFieldArray({ control, name: "followUps" });
  const withOffer = useWatch({ control, name: "withOffer" });
  const contractType = useWatch({ control, name: "offer.contractType" });
  const offerErrors = errors.offer;

  async function onSubmit(values: Values) {
    setFormError(null);
    const { withOffer: offerToo, offer, ...rest } = values;
    const result = visit
      ? await updateVisitAction(null, toJsonFormData({ ...rest, companyId: undefined, id: visit.id, version: visit.version }))
      : await createVisitAction(null, toJsonFormData({ ...rest, offer: offerToo ? offer : undefined }));
    if (result.ok) {
      toast({ message: "Visite enregistrée.", href: `/visites/${result.data.id}`, linkLabel: "Voir la visite" });
      router.push(`/visites/${result.data.id}`);
      router.refresh();
      return;
    }
    setConflict(result.message.includes("entre-temps"));
    setFormError(applyServerResult(result, setError));
  }

  async function createCompanyInline() {
    if (!creating) return;
    const res = await sendJson<{ id: string; name: string; siret: string; city: string | null }>("/api/v1/companies", "POST", { siret: creating.siret, name: creating.name });
    if (!res.ok) {
      setCreating({ ...creating, error: Object.values(res.fields ?? {})[0]?.[0] ?? res.message });
      return;
    }
    const option = { value: res.data.id, label: res.data.name, description: `SIRET ${res.data.siret}` };
    setPicked(option);
    setValue("companyId", option.value, { shouldValidate: true });
    setCreating(null);
  }

  const fixedCompany = Boolean(visit);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormError message={formError} />
      {conflict && visit ? <p><a href={`/visites/${visit.id}/modifier`} className="text-brand-700 underline">Recharger la version actuelle de la visite</a></p> : null}
      <FormSection title={fixedCompany ? `Visite chez ${picked?.label ?? ""}` : "Visite"}>
        {fixedCompany ? (
          <input type="hidden" {...register("companyId")} />
        ) : (
          <div className="md:col-span-2">
            <Controller
              control={control}
              name="companyId"
              render={({ field }) => (
                <Combobox
                  label="Entreprise visitée"
                  name={field.name}
                  required
                  autoFocus={!company}
                  hint="Nom, SIRET ou commune"
                  searchUrl="/api/v1/pickers/companies"
                  value={picked}
                  onChange={(o) => {
                    setPicked(o);
                    field.onChange(o?.value ?? "");
                  }}
                  error={errors.companyId?.message}
                  noResult={(q) => {
                    const siret = q.replace(/\s/g, "");
                    return /^\d{14}$/.test(siret) ? (
                      <Button type="button" variant="secondary" onClick={() => setCreating({ siret, name: "" })}>Créer l&apos;entreprise au SIRET {siret}</Button>
                    ) : (
                      <span className="text-muted">Aucune entreprise trouvée. Tapez son SIRET (14 chiffres) pour la créer ici.</span>
                    );
                  }}
                />
              )}
            />
            {creating ? (
              <div role="group" aria-label="Nouvelle entreprise" className="mt-2 grid grid-cols-1 items-end gap-3 rounded border border-gray-300 p-3 md:grid-cols-[1fr_1fr_auto]">
                <Field label="SIRET" id="new-company-siret" name="newCompanySiret" inputMode="numeric" value={creating.siret} onChange={(e) => setCreating({ ...creating, siret: e.target.value })} />
                <Field label="Raison sociale" id="new-company-name" name="newCompanyName" required autoFocus value={creating.name} error={creating.error} onChange={(e) => setCreating({ ...creating, name: e.target.value })} />
                <Button type="button" onClick={createCompanyInline}>Créer l&apos;entreprise</Button>
              </div>
            ) : null}
          </div>
        )}
        <Field label="Date de la visite" type="date" required error={errors.date?.message} {...register("date")} />
        <Field label="Heure (facultative)" type="time" hint="Sans heure : « dans la journée »" error={errors.time?.message} {...register("time")} />
        <div className="md:col-span-2">
          <Field label="Objet de la visite" required hint={!visit && lastPurpose ? "Repris de votre dernière visite" : undefined} error={errors.purpose?.message} {...register("purpose")} />
        </div>
        <fieldset className="flex flex-col gap-1 md:col-span-2" aria-describedby={errors.staffIds ? "staff-error" : undefined}>
          <legend className="text-sm font-medium">Intervenants de la plateforme</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {people.map((s) => (
              <label key={s.id} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" value={s.id} className="h-5 w-5" {...register("staffIds")} /> {s.name}
              </label>
            ))}
          </div>
          {errors.staffIds ? <p id="staff-error" className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{errors.staffIds.message}</p> : null}
        </fieldset>
        <fieldset className="flex flex-col gap-1 md:col-span-2">
          <legend className="text-sm font-medium">Besoins détectés</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {NEED_KINDS.map((n) => (
              <label key={n} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" value={n} className="h-5 w-5" {...register("needs")} /> {NEED_LABELS[n]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="md:col-span-2"><TextAreaField label="Résultat de la visite" error={errors.outcome?.message} {...register("outcome")} /></div>
        <details className="md:col-span-2" open={Boolean(visit && (visit.notes || visit.partnersPresent.length))}>
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-brand-700">Partenaires présents et notes</summary>
          <div className="mt-2 grid gap-4">
            <Field label="Partenaires présents" hint="Séparés par des virgules (ex. : France Travail, Mission locale)" error={errors.partnersPresent?.message} {...register("partnersPresent")} />
            <TextAreaField label="Notes" error={errors.notes?.message} {...register("notes")} />
          </div>
        </details>
      </FormSection>

      {!visit && canOffer ? (
        <FormSection title="Offre d'emploi" columns={1}>
          <CheckboxField label="Une offre d'emploi a été recueillie pendant la visite" {...register("withOffer")} />
          {withOffer ? (
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Field label="Intitulé du poste" id="field-offer-title" required error={offerErrors?.title?.message} {...register("offer.title")} />
              <Controller
                control={control}
                name="offer.romeCode"
                render={({ field }) => (
                  <Combobox label="Métier (code ROME)" name={field.name} id="field-offer-romeCode" hint="Métier, appellation ou code (ex. : soudeur, H2913)" searchUrl="/api/v1/reference/rome" value={rome} onChange={(o) => { setRome(o); field.onChange(o?.value ?? ""); }} error={offerErrors?.romeCode?.message} />
                )}
              />
              <SelectField label="Type de contrat" error={offerErrors?.contractType?.message} {...register("offer.contractType")}>
                {CONTRACT_TYPES.map((c) => <option key={c} value={c}>{CONTRACT_LABELS[c]}</option>)}
              </SelectField>
              {FIXED_TERM.has(contractType) ? <Field label="Durée du contrat (mois)" id="field-offer-duration" type="number" inputMode="numeric" min={1} max={60} error={offerErrors?.contractDurationMonths?.message} {...register("offer.contractDurationMonths")} /> : <div className="hidden md:block" />}
              <SelectField label="Temps de travail" error={offerErrors?.workingTime?.message} {...register("offer.workingTime")}>
                {WORKING_TIMES.map((w) => <option key={w} value={w}>{WORKING_TIME_LABELS[w]}</option>)}
              </SelectField>
              <Field label="Nombre de postes" id="field-offer-positions" type="number" inputMode="numeric" min={1} required error={offerErrors?.positions?.message} {...register("offer.positions")} />
              <Controller
                control={control}
                name="offer.communeCode"
                render={({ field }) => (
                  <Combobox label="Lieu de travail" name={field.name} id="field-offer-communeCode" hint="Commune ou code postal" searchUrl="/api/v1/reference/communes" value={commune} onChange={(o) => { setCommune(o); field.onChange(o?.value ?? ""); }} error={offerErrors?.communeCode?.message} />
                )}
              />
              <div className="flex flex-col justify-end gap-2">
                <CheckboxField label="Marché caché (offre non publiée ailleurs)" {...register("offer.hiddenMarket")} />
                <CheckboxField label="Métier en tension" {...register("offer.inTension")} />
              </div>
              <div className="md:col-span-2"><TextAreaField label="Description du poste" rows={3} error={offerErrors?.description?.message} {...register("offer.description")} /></div>
              <CheckboxField label="Publier l'offre dès maintenant (sinon : brouillon)" {...register("offer.publish")} />
            </div>
          ) : null}
        </FormSection>
      ) : null}

      <FormSection title={visit ? "Nouvelles actions de suivi" : "Actions de suivi"} columns={1} className="gap-3">
        {visit && visit.followUps.length ? <p className="text-sm text-muted">Les {visit.followUps.length} action(s) déjà prévue(s) se cochent sur la page de la visite ; ajoutez ici les nouvelles.</p> : null}
        {followUps.fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_auto_auto]">
            <Field label={`Intitulé de l'action ${i + 1}`} error={errors.followUps?.[i]?.label?.message} {...register(`followUps.${i}.label`)} />
            <Field label={`Échéance de l'action ${i + 1}`} type="date" error={errors.followUps?.[i]?.dueAt?.message} {...register(`followUps.${i}.dueAt`)} />
            <Button type="button" variant="secondary" onClick={() => followUps.remove(i)}>Retirer<span className="sr-only"> l&apos;action {i + 1}</span></Button>
          </div>
        ))}
        <div><Button type="button" variant="secondary" onClick={() => followUps.append({ label: "", dueAt: today })}>Ajouter une action de suivi</Button></div>
      </FormSection>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>{withOffer ? "Enregistrer la visite et l'offre" : "Enregistrer la visite"}</Button>
        <LinkButton variant="outline" href={visit ? `/visites/${visit.id}` : picked && company ? `/entreprises/${picked.value}` : "/visites"}>Annuler</LinkButton>
      </div>
    </form>
  );
}
