"use client";
// Several picks from a large list (e.g. the ROME codes a job seeker looks for): the kit's Combobox
// to find one more, the chosen ones listed above it, each with its « Retirer » button. The values
// travel comma-joined in one hidden input `name` (the schemas read lists that way).
//
//   <MultiCombobox label="Métiers recherchés" name="desiredRomeCodes" searchUrl="/api/v1/reference/rome" defaultValue={options} />
import { useState } from "react";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Icon } from "@/components/ui/icons";

export interface MultiComboboxProps {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  searchUrl?: string;
  options?: readonly ComboOption[];
  defaultValue?: readonly ComboOption[];
  /** At most this many picks (the schema's limit). */
  max?: number;
  id?: string;
}

export function MultiCombobox({ label, name, hint, error, searchUrl, options, defaultValue = [], max = 20, id }: MultiComboboxProps) {
  const [picked, setPicked] = useState<ComboOption[]>([...defaultValue]);
  const inputId = id ?? `field-${name}`;
  const full = picked.length >= max;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {picked.length > 0 ? (
        <ul aria-label={`${label} : choix`} className="flex flex-wrap gap-2">
          {picked.map((o) => (
            <li key={o.value} className="inline-flex max-w-full items-center gap-1 rounded-full border border-brand-600 bg-brand-50 py-0.5 pr-1 pl-3 text-sm">
              <span className="min-w-0 break-words">{o.label}</span>
              <button
                type="button"
                className="inline-flex min-h-8 min-w-8 items-center justify-center rounded-full text-muted hover:text-danger"
                onClick={() => setPicked((p) => p.filter((x) => x.value !== o.value))}
              >
                <Icon name="x" size={14} />
                <span className="sr-only">Retirer {o.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Combobox
        label={label}
        name=""
        id={inputId}
        hint={full ? `${hint ? `${hint} ` : ""}(${max} au maximum : retirez-en un pour en ajouter un autre)` : hint}
        error={error}
        searchUrl={searchUrl}
        options={options}
        value={null}
        clearOnPick
        onChange={(o) => {
          if (o && !full) setPicked((p) => (p.some((x) => x.value === o.value) ? p : [...p, o]));
        }}
      />
      <input type="hidden" name={name} value={picked.map((o) => o.value).join(",")} />
    </div>
  );
}
