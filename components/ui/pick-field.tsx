"use client";
// One choice from a list that may be long: a plain <select> (SelectField) up to PICK_LIST_MAX
// options, a combobox filtered in the browser beyond (typing filters, « commune · SIRET »-like
// descriptions tell equal labels apart). For lists that grow with the data (companies, job
// seekers), prefer a Combobox with `searchUrl` (server search).
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { SelectField } from "@/components/ui/field";

/** Beyond this many options a <select> becomes a combobox (issue 14: no long drop-down). */
export const PICK_LIST_MAX = 20;

export function PickField({ label, name, id, options, placeholder = "— Choisir —", defaultValue, error, hint, required, className }: {
  label: string;
  name: string;
  id?: string;
  options: readonly ComboOption[];
  placeholder?: string | null;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
}) {
  if (options.length <= PICK_LIST_MAX) {
    return (
      <SelectField label={label} name={name} id={id} hint={hint} options={options.map((o) => ({ value: o.value, label: o.description ? `${o.label} — ${o.description}` : o.label }))} placeholder={placeholder} defaultValue={defaultValue} error={error} required={required} wrapperClassName={className} />
    );
  }
  return <Combobox label={label} name={name} id={id} hint={hint ?? "Tapez pour filtrer la liste"} options={options} defaultValue={options.find((o) => o.value === defaultValue) ?? null} error={error} required={required} className={className} />;
}
