"use client";
// A file input that speaks French. The browser's own control writes its button and its « no file »
// text in the browser's language (Chromium: « Choose File », « No file chosen »), whatever the page
// says. Here the real <input type="file"> stays in the page, focusable and labelled by the caller's
// <label htmlFor={id}> (Tab reaches it, Space/Enter open the picker, tests call setInputFiles on it),
// only visually hidden; beside it « Choisir un fichier » (a click opens the same picker) and the
// chosen file's name or « Aucun fichier choisi », which the input also gives as its description.
// The focus ring of the hidden input is drawn on the visible button. A form reset empties the name.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type InputHTMLAttributes } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { id: string; wrapperClassName?: string };

export const FileInput = forwardRef<HTMLInputElement, Props>(function FileInput({ id, wrapperClassName, className, onChange, multiple, "aria-describedby": describedBy, ...props }, ref) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current!, []);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const reset = () => setNames([]);
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);
  const chosenId = `${id}-chosen`;
  return (
    <div className={cn("relative flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1", wrapperClassName)}>
      <input
        ref={input}
        id={id}
        type="file"
        multiple={multiple}
        className={cn("peer sr-only", className)}
        aria-describedby={[describedBy, chosenId].filter(Boolean).join(" ")}
        onChange={(e) => {
          setNames([...(e.currentTarget.files ?? [])].map((f) => f.name));
          onChange?.(e);
        }}
        {...props}
      />
      {/* Not a second control: the input above is the one reached by Tab and read by screen readers. */}
      <span
        aria-hidden="true"
        onClick={() => input.current?.click()}
        className={cn(
          buttonVariants({ variant: "secondary", size: "md" }),
          "cursor-pointer select-none peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-focus-visible:outline-solid peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        )}
      >
        {multiple ? "Choisir des fichiers" : "Choisir un fichier"}
      </span>
      <span id={chosenId} className="min-w-0 break-all text-sm text-muted">
        {names.length ? names.join(", ") : "Aucun fichier choisi"}
      </span>
    </div>
  );
});
