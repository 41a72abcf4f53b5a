import { forwardRef, type InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

/** Labelled input with its error announced to assistive technologies (RGAA 11.1, 11.10). */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, name, error, hint, ...props }, ref) {
  // An explicit id lets one page hold several forms with the same field names.
  const id = props.id ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded border px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`}
        {...props}
        id={id}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
});
