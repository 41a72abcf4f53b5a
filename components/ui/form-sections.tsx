// Accessible form primitives besides <Field>: each control has a visible label, its hint and its
// error tied by aria-describedby (RGAA 11.1, 11.10), and groups use fieldset/legend (RGAA 11.5).
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-danger">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;
}

export function SelectField({ label, name, error, hint, options, placeholder = "— Non renseigné —", ...props }: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string; name: string; error?: string; hint?: string; options: readonly { value: string; label: string }[]; placeholder?: string | null;
}) {
  const id = props.id ?? `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <Hint id={id} hint={hint} />
      <select name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`rounded border bg-white px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`} {...props} id={id}>
        {placeholder !== null ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextAreaField({ label, name, error, hint, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = props.id ?? `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <Hint id={id} hint={hint} />
      <textarea name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`rounded border px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`} {...props} id={id} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Several boxes under one legend; each ticked box sends one `name=value` entry. */
export function CheckboxGroup({ legend, name, options, defaultValues = [], error }: {
  legend: string; name: string; options: readonly { value: string; label: string }[]; defaultValues?: readonly string[]; error?: string;
}) {
  const id = `field-${name}`;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {/* Sent even when no box is ticked, so that unticking everything clears the list. */}
      <input type="hidden" name={name} value="" />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Oui / Non / Non renseigné, as radios (a tri-state checkbox would be ambiguous). */
export function YesNoField({ legend, name, defaultValue, error }: { legend: string; name: string; defaultValue?: boolean | null; error?: string }) {
  const id = `field-${name}`;
  const current = defaultValue === true ? "true" : defaultValue === false ? "false" : "";
  const choices = [{ v: "true", l: "Oui" }, { v: "false", l: "Non" }, { v: "", l: "Non renseigné" }];
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex gap-4">
        {choices.map((c) => (
          <label key={c.v || "na"} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={c.v} defaultChecked={current === c.v} className="h-4 w-4" />
            {c.l}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4 rounded-lg border border-gray-300 bg-white p-4 sm:grid-cols-2">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
