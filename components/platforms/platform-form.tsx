"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { createPlatformAction, updatePlatformAction } from "@/app/(app)/plateformes/actions";
import { Button } from "@/components/ui/button";
import { Field, FormSection, SelectField, TextAreaField } from "@/components/ui/field";
import type { ComboOption } from "@/components/ui/combobox";
import { MultiCombobox } from "@/components/ui/multi-combobox";
import { CARRYING_STRUCTURE_LABELS, CARRYING_STRUCTURE_TYPES, type PlatformDto } from "@/lib/platforms/platform.schema";
import { Icon } from "@/components/ui/icons";
import { useFormAction } from "@/components/forms/use-form-action";
import { toast } from "@/components/ui/toast";

interface Props {
  platform?: PlatformDto;
  /** The stored perimeter: whole EPCIs ticked, the other communes with their labels (« Liévin (62800) »). */
  perimeter?: { epciCodes: string[]; communes: ComboOption[] };
  epcis: { code: string; name: string; population: number }[];
}

const fmt = new Intl.NumberFormat("fr-FR");

function ErrorText({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? <p id={id} className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{messages.join(" ")}</p> : null;
}

export function PlatformForm({ platform: p, perimeter, epcis }: Props) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(p ? updatePlatformAction : createPlatformAction, null);
  const f = state && !state.ok ? state.fields : undefined;
  useEffect(() => {
    if (state?.ok) {
      toast({ message: "Plateforme enregistrée.", href: `/plateformes/${state.data.id}`, linkLabel: "Voir la plateforme" });
      router.push(`/plateformes/${state.data.id}`);
    }
  }, [state, router]);
  return (
    <form onSubmit={action} noValidate className="flex max-w-3xl flex-col gap-6">
      {state && !state.ok ? <p role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">{state.message}</p> : null}
      {p ? (
        <>
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
        </>
      ) : null}
      <FormSection title="Plateforme et structure porteuse" columns={1}>
        <Field label="Nom de la plateforme" name="name" defaultValue={p?.name} required error={f?.name?.[0]} />
        <Field label="Structure porteuse" name="carryingStructureName" defaultValue={p?.carryingStructureName} required error={f?.carryingStructureName?.[0]} />
        <SelectField label="Forme juridique" name="carryingStructureType" defaultValue={p?.carryingStructureType ?? "EPCI"} error={f?.carryingStructureType?.join(" ")}>
          {CARRYING_STRUCTURE_TYPES.map((t) => <option key={t} value={t}>{CARRYING_STRUCTURE_LABELS[t]}</option>)}
        </SelectField>
        <Field label="SIRET de la structure porteuse" name="carryingStructureSiret" inputMode="numeric" defaultValue={p?.carryingStructureSiret ?? ""} hint="14 chiffres" error={f?.carryingStructureSiret?.[0]} />
        <Field label="Lieu d'accueil" name="hostingPlace" defaultValue={p?.hostingPlace ?? ""} error={f?.hostingPlace?.[0]} />
        <Field label="DPO de la structure porteuse (nom, courriel)" name="dpoContact" defaultValue={p?.dpoContact ?? ""} error={f?.dpoContact?.[0]} hint="À désigner dans les 15 jours suivant la notification de la convention ; figure au registre des traitements." />
        <Field label="Bassin d'emploi" name="employmentZone" defaultValue={p?.employmentZone ?? ""} error={f?.employmentZone?.[0]} />
      </FormSection>

      <FormSection title="Périmètre" columns={1} className="gap-3" aria-describedby="perimeter-hint">
        <p id="perimeter-hint" className="text-sm text-muted">
          Cochez des intercommunalités entières et/ou ajoutez des communes par leur nom ou leur code postal. La population est calculée à partir du référentiel INSEE.
        </p>
        <div role="group" aria-labelledby="epci-label" aria-describedby={f?.epciCodes ? "field-epciCodes-error" : undefined} className="max-h-72 overflow-y-auto rounded border border-gray-300 p-2">
          <p id="epci-label" className="text-sm font-medium">Intercommunalités (EPCI) des Hauts-de-France</p>
          {epcis.map((e) => (
            <label key={e.code} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" name="epciCodes" value={e.code} defaultChecked={perimeter?.epciCodes.includes(e.code)} />
              {e.name} <span className="text-muted">({fmt.format(e.population)} hab.)</span>
            </label>
          ))}
        </div>
        <ErrorText id="field-epciCodes-error" messages={f?.epciCodes} />
        <MultiCombobox
          label="Communes hors EPCI cochés"
          name="communeCodes"
          hint="Nom ou code postal de la commune, par exemple : Liévin ou 62800"
          searchUrl="/api/v1/reference/communes"
          defaultValue={perimeter?.communes ?? []}
          max={2000}
          error={f?.communeCodes?.join(" ")}
        />
      </FormSection>

      <FormSection title="Moyens et convention" columns={1}>
        <Field label="Nombre d'entreprises du territoire" name="companyCount" type="number" min={0} defaultValue={p?.companyCount ?? 0} error={f?.companyCount?.[0]} />
        <Field label="Équipe en équivalents temps plein (ETP)" name="staffEtp" type="number" min={0} step="0.01" defaultValue={p?.staffEtp ?? 0} error={f?.staffEtp?.[0]} />
        <Field label="Début de la convention cadre" name="conventionStartDate" type="date" defaultValue={p?.conventionStartDate ?? ""} error={f?.conventionStartDate?.[0]} />
        <Field label="Fin de la convention cadre" name="conventionEndDate" type="date" defaultValue={p?.conventionEndDate ?? ""} error={f?.conventionEndDate?.[0]} />
        <Field label="Date de notification" name="notificationDate" type="date" defaultValue={p?.notificationDate ?? ""} error={f?.notificationDate?.[0]} />
        <TextAreaField label="Coprésident·es (un·e par ligne)" name="coPresidents" rows={3} defaultValue={p?.coPresidents.join("\n") ?? ""} error={f?.coPresidents?.join(" ")} />
      </FormSection>
      <Button type="submit" disabled={pending}>{p ? "Enregistrer les modifications" : "Créer la plateforme"}</Button>
    </form>
  );
}
