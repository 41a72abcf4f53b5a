// Form fields: every control has a visible label, an optional hint, its error at the field, all tied
// by aria-describedby (RGAA 11.1, 11.10); groups use fieldset/legend (RGAA 11.5). One set for every
// form (react-hook-form `register(...)` spreads onto them: they forward refs).
//
//   <Field label="Raison sociale" required error={errors.name?.message} {...register("name")} />
//   <SelectField label="Tranche" options={options(LABELS)} {...register("band")} />
//
// The id is `field-<name>` unless given (one page may hold several forms with the same names); the
// hint is `<id>-hint`, the error `<id>-error` (the error summary of the form links to the control).
import { type FieldsetHTMLAttributes, forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cardBox } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export type ControlSize = "md" | "sm";

/**
 * The control's look (input, select, textarea): 40 px tall, red border when invalid. `size` "sm" is
 * the compact one (32 px, small text) for a control inside a table row, a list line or the header.
 * Every control outside the kit takes its look from here (eslint.config.mjs forbids copying it).
 */
export function controlClass(error?: string, className?: string, size: ControlSize = "md"): string {
  return cn("w-full min-w-0 rounded border bg-white", size === "sm" ? "min-h-8 px-2 py-1 text-sm" : "min-h-10 px-3 py-2", error ? "border-danger" : "border-gray-400", className);
}

/** The error under a field (also read by the form's error summary through data-field-error). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} data-field-error="" className="flex items-start gap-1 text-sm text-danger">
      <Icon name="alert" size={14} className="mt-0.5 shrink-0" />
      <span>{error}</span>
    </p>
  ) : null;
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-muted">
      {hint}
    </p>
  ) : null;
}

/** Label + hint + control + error, for a control the kit does not provide (a combobox, a file input…). */
export function FieldShell({ id, label, hint, error, required, className, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <div className="flex items-baseline gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {/* Outside the label: the accessible name stays the label; `required` on the control says it to screen readers. */}
        {required ? (
          <span aria-hidden="true" className="font-bold text-danger" title="obligatoire">
            *
          </span>
        ) : null}
      </div>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

type Common = { label: ReactNode; name: string; error?: string; hint?: ReactNode; wrapperClassName?: string };

/** Text-like input (text, email, tel, date, number…). Give `type`/`inputMode`/`autoComplete` for phones. */
export const Field = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & Common>(function Field({ label, name, error, hint, className, wrapperClassName, ...props }, ref) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={props.required} className={wrapperClassName}>
      <input ref={ref} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={controlClass(error, className)} {...props} id={id} />
    </FieldShell>
  );
});

export interface Option {
  value: string;
  label: string;
}

/**
 * Native select, for a short list (keyboard type-ahead for free). Give `options` (with a first
 * « non renseigné » entry unless `placeholder={null}`) or `children` <option>s. A list longer than
 * ~20 entries wants a combobox.
 */
export const SelectField = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & Common & { options?: readonly Option[]; placeholder?: string | null }>(function SelectField(
  { label, name, error, hint, options, placeholder = "— Non renseigné —", children, className, wrapperClassName, ...props },
  ref,
) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={props.required} className={wrapperClassName}>
      <select ref={ref} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={controlClass(error, className)} {...props} id={id}>
        {options ? (
          <>
            {placeholder !== null ? <option value="">{placeholder}</option> : null}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </>
        ) : (
          children
        )}
      </select>
    </FieldShell>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & Common>(function TextAreaField({ label, name, error, hint, className, wrapperClassName, ...props }, ref) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={props.required} className={wrapperClassName}>
      <textarea ref={ref} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={controlClass(error, className)} {...props} id={id} />
    </FieldShell>
  );
});

/** One box with its label on the right (a yes/no that has no « unknown »). */
export const CheckboxField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; name: string; error?: string }>(function CheckboxField({ label, name, error, ...props }, ref) {
  const id = props.id ?? `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex min-h-10 items-center gap-2">
        <input ref={ref} type="checkbox" name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="h-5 w-5 shrink-0" {...props} id={id} />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
});

/** Several boxes under one legend; each ticked box sends one `name=value` entry. */
export function CheckboxGroup({ legend, name, options, defaultValues = [], error }: { legend: string; name: string; options: readonly Option[]; defaultValues?: readonly string[]; error?: string }) {
  const id = `field-${name}`;
  return (
    <fieldset id={id} className="flex min-w-0 flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {/* Sent even when no box is ticked, so that unticking everything clears the list. */}
      <input type="hidden" name={name} value="" />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** One choice among a few (≤ ~7), all visible: one click instead of opening a list. */
export function RadioGroup({ legend, name, options, defaultValue, error, required, hint }: { legend: string; name: string; options: readonly Option[]; defaultValue?: string | null; error?: string; required?: boolean; hint?: ReactNode }) {
  const id = `field-${name}`;
  return (
    <fieldset id={id} className="flex min-w-0 flex-col gap-1" aria-describedby={describedBy(id, hint, error)}>
      <legend className="text-sm font-medium">
        {legend}
        {required ? (
          <span aria-hidden="true" className="font-bold text-danger" title="obligatoire">
            {" "}*
          </span>
        ) : null}
      </legend>
      <FieldHint id={id} hint={hint} />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-8 items-center gap-2 text-sm">
            <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} required={required} className="h-5 w-5" />
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
  const choices = [
    { v: "true", l: "Oui" },
    { v: "false", l: "Non" },
    { v: "", l: "Non renseigné" },
  ];
  return (
    <fieldset id={id} className="flex min-w-0 flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4">
        {choices.map((c) => (
          <label key={c.v || "na"} className="inline-flex min-h-8 items-center gap-2 text-sm">
            <input type="radio" name={name} value={c.v} defaultChecked={current === c.v} className="h-5 w-5" />
            {c.l}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/**
 * A titled group of fields in a card (fieldset/legend, RGAA 11.5); two columns from 640 px, one on a
 * phone. `columns={1}` for a group whose fields stack; extra fieldset attributes (id,
 * aria-describedby for a hint under the legend) pass through.
 */
export function FormSection({ title, children, columns = 2, className, ...props }: Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, "title"> & { title: ReactNode; children: ReactNode; columns?: 1 | 2 }) {
  return (
    <fieldset {...props} className={cardBox("md", cn("grid min-w-0 grid-cols-1 gap-4", columns === 2 && "sm:grid-cols-2", className))}>
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Options of a select from a `{ CODE: "Libellé" }` record. */
export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
