"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { createCompanyAction, updateCompanyAction } from "@/app/(app)/entreprises/actions";
import { applyServerResult, toFormData } from "@/components/forms/server-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field, FormSection } from "@/components/ui/field";
import { CheckboxField, FormError, SelectField } from "@/components/ui/form-controls";
import { createCompanySchema, HEADCOUNT_BANDS, HEADCOUNT_LABELS, type CompanyDto } from "@/lib/companies/company.schema";
import { toast } from "@/components/ui/toast";
import { TextLink } from "@/components/ui/text-link";

/** One establishment of the SIRENE register, as /api/v1/reference/sirene gives it. */
interface RegisterEstablishment {
  siret: string;
  name: string;
  active: boolean;
  nafCode: string | null;
  nafLabel: string | null;
  companyBand: string | null;
  headcountLabel: string;
  addressLine: string | null;
  inseeCode: string;
  communeLabel: string;
  followedCompanyId: string | null;
}
type RegisterOption = ComboOption & { establishment: RegisterEstablishment };

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
  // The register's establishment the form was filled from (creation only): the assistant checks, then saves.
  const [fromRegister, setFromRegister] = useState<RegisterEstablishment | null>(null);
  const [lookup, setLookup] = useState<{ siret: string; hit: RegisterEstablishment | null } | null>(null);
  const { register, handleSubmit, setError, setValue, control, formState: { errors, isSubmitting } } = useForm<Values>({
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
  const siret = useWatch({ control, name: "siret" });

  function fillFromRegister(e: RegisterEstablishment) {
    const opts = { shouldValidate: true, shouldDirty: true };
    setValue("siret", e.siret, opts);
    setValue("name", e.name.slice(0, 200), opts);
    setValue("nafCode", e.nafCode ?? "", opts);
    setNafChoice(e.nafCode && e.nafLabel ? { value: e.nafCode, label: e.nafLabel } : null);
    if (e.companyBand) setValue("headcountBand", e.companyBand, opts);
    setValue("address", e.addressLine ?? "", opts);
    setValue("communeCode", e.inseeCode, opts);
    setCommuneChoice({ value: e.inseeCode, label: e.communeLabel });
    setFromRegister(e);
  }

  // A SIRET typed by hand: the register is asked once it has 14 digits, and its establishment proposed.
  const digits = (siret ?? "").replace(/\s/g, "");
  const wanted = !company && /^\d{14}$/.test(digits) && fromRegister?.siret !== digits;
  useEffect(() => {
    if (!wanted) return;
    const ctl = new AbortController();
    fetch(`/api/v1/reference/sirene?q=${digits}`, { signal: ctl.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ items: RegisterOption[] }>) : { items: [] }))
      .then((r) => setLookup({ siret: digits, hit: r.items.find((o) => o.value === digits)?.establishment ?? null }))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [wanted, digits]);
  const registerHit = wanted && lookup?.siret === digits ? lookup.hit : null;

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
      {company ? null : (
        <div className="flex flex-col gap-2">
          <Combobox
            label="Chercher dans le répertoire SIRENE"
            name="registerSearch"
            hint="SIRET, SIREN ou nom de l'établissement : le formulaire est rempli avec les données de l'INSEE, vous vérifiez puis enregistrez."
            searchUrl="/api/v1/reference/sirene"
            minChars={3}
            value={null}
            onChange={(o) => { if (o) fillFromRegister((o as RegisterOption).establishment); }}
            noResult={() => "Aucun établissement de votre territoire dans le répertoire : saisissez l'entreprise ci-dessous."}
          />
          <RegisterNotice e={fromRegister} />
        </div>
      )}
      <FormSection title="Identification">
        <Field label="SIRET (14 chiffres)" inputMode="numeric" autoComplete="off" required error={errors.siret?.message?.replace(/ \(\/entreprises\/[0-9a-f-]{36}\)/, "")} {...register("siret")} />
        {registerHit ? (
          <Notice className="md:col-span-2 flex flex-wrap items-center gap-3">
            <span>
              Dans le répertoire SIRENE : <strong>{registerHit.name}</strong>, {registerHit.communeLabel}
              {registerHit.followedCompanyId ? " — déjà suivie par la plateforme" : ""}.
            </span>
            {registerHit.followedCompanyId ? (
              <TextLink href={`/entreprises/${registerHit.followedCompanyId}`}>Ouvrir sa fiche</TextLink>
            ) : (
              <Button type="button" variant="outline" size="sm" onClick={() => fillFromRegister(registerHit)}>Reprendre ses données</Button>
            )}
          </Notice>
        ) : null}
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
      </FormSection>
      <FormSection title="Adresse">
        <Field label="Adresse (numéro et voie)" autoComplete="street-address" error={errors.address?.message} {...register("address")} />
        <Controller
          control={control}
          name="communeCode"
          render={({ field }) => (
            <Combobox label="Commune" name={field.name} hint="Nom ou code postal (ex. : Liévin, 62800)" searchUrl="/api/v1/reference/communes" value={communeChoice} onChange={(o) => { setCommuneChoice(o); field.onChange(o?.value ?? ""); }} error={errors.communeCode?.message} />
          )}
        />
      </FormSection>
      <FormSection title="Numéro vert" columns={1}>
        <CheckboxField label="L'entreprise a appelé le numéro vert" {...register("numeroVert")} />
        {numeroVert ? <Field label="Date de l'appel" type="date" error={errors.numeroVertCalledAt?.message} {...register("numeroVertCalledAt")} /> : null}
      </FormSection>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>{company ? "Enregistrer les modifications" : "Créer l'entreprise"}</Button>
        <LinkButton variant="outline" href={company ? `/entreprises/${company.id}` : "/entreprises"}>Annuler</LinkButton>
      </div>
    </form>
  );
}

/** What the form took from the register, and what to check (closed establishment, already followed). */
function RegisterNotice({ e }: { e: RegisterEstablishment | null }) {
  if (!e) return null;
  return (
    <Notice className="flex flex-col gap-1">
      <p>
        Formulaire rempli avec le répertoire SIRENE : <strong>{e.name}</strong> (SIRET {e.siret}), {e.headcountLabel}. Vérifiez puis enregistrez.
      </p>
      {e.active ? null : <p className="font-semibold text-red-800">Cet établissement est fermé dans le répertoire SIRENE.</p>}
      {e.followedCompanyId ? (
        <p>
          Déjà suivie par la plateforme : <TextLink href={`/entreprises/${e.followedCompanyId}`}>ouvrir sa fiche</TextLink>.
        </p>
      ) : null}
    </Notice>
  );
}
