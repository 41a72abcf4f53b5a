import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { forwardRef } from "react";

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Help({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; hint?: string; children: ReactNode };

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField({ label, name, error, hint, children, ...props }, ref) {
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <select ref={ref} id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`rounded border bg-white px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`} {...props}>
        {children}
      </select>
      <Help id={id} hint={hint} error={error} />
    </div>
  );
});

type AreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

export const TextAreaField = forwardRef<HTMLTextAreaElement, AreaProps>(function TextAreaField({ label, name, error, hint, ...props }, ref) {
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <textarea ref={ref} id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`rounded border px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`} {...props} />
      <Help id={id} hint={hint} error={error} />
    </div>
  );
});

export function CheckboxField({ label, name, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; name: string }) {
  const id = `field-${name}`;
  return (
    <div className="flex items-center gap-2">
      <input type="checkbox" id={id} name={name} className="h-5 w-5" {...props} />
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return (
    <div aria-live="assertive">
      {message ? <p role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">{message}</p> : null}
    </div>
  );
}
