"use client";
// The mobility perimeter of a job seeker: its scope, then the places of that scope picked in
// words — communes searched on the server (« Liévin (62800) »), the Région's intercommunalities,
// departments or the Région from a list — never codes typed by hand. Changing the scope empties
// the places (a commune code means nothing as a department). The codes travel comma-joined in
// `mobilityCodes`, as the schema reads them.
import { useState } from "react";
import type { ComboOption } from "@/components/ui/combobox";
import { options, SelectField } from "@/components/ui/field";
import { MultiCombobox } from "@/components/ui/multi-combobox";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";

type Scope = keyof typeof LABELS.scope;

export interface MobilityChoiceLists {
  EPCI: ComboOption[];
  DEPARTEMENT: ComboOption[];
  REGION: ComboOption[];
}

const PLACES: Record<Scope, { label: string; hint: string }> = {
  COMMUNE: { label: "Communes du périmètre", hint: "Nom ou code postal (ex. : Liévin, 62800)" },
  EPCI: { label: "Intercommunalités du périmètre", hint: "Nom de l'intercommunalité (ex. : Lens-Liévin)" },
  DEPARTEMENT: { label: "Départements du périmètre", hint: "Nom ou numéro (ex. : Pas-de-Calais, 62)" },
  REGION: { label: "Région du périmètre", hint: "Hauts-de-France" },
};

export function MobilityFields({ scope: initialScope, areas, choices, errors }: { scope: Scope | null; areas: ComboOption[]; choices: MobilityChoiceLists; errors: { scope?: string; codes?: string } }) {
  const [scope, setScope] = useState<Scope | "">(initialScope ?? "");
  const place = scope ? PLACES[scope] : null;
  return (
    <>
      <SelectField label="Périmètre de mobilité" name="mobilityScope" options={options(LABELS.scope)} value={scope} onChange={(e) => setScope(e.target.value as Scope | "")} error={errors.scope} />
      {scope && place ? (
        <MultiCombobox
          key={scope}
          label={place.label}
          name="mobilityCodes"
          id="field-mobilityCodes"
          hint={place.hint}
          searchUrl={scope === "COMMUNE" ? "/api/v1/reference/communes" : undefined}
          options={scope === "COMMUNE" ? undefined : choices[scope]}
          defaultValue={scope === initialScope ? areas : []}
          error={errors.codes}
        />
      ) : (
        <input type="hidden" name="mobilityCodes" value="" />
      )}
    </>
  );
}
