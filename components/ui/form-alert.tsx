"use client";
// What went wrong with a form, at its top: the form-level message (server refusal, conflict) and a
// summary of the fields in error, each a link that puts the focus on the field (the GOV.UK /
// DSFR « récapitulatif des erreurs » pattern). Each field still shows its own error under it.
//
// The summary names the fields (links to them), not their messages again: each message is said once,
// under its field. It reads the kit's field errors ([data-field-error], ids `<control>-error`) of its own
// <form>, so any form built with the kit gets it by rendering <FormError>/<FormAlert> at its top.
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";

interface Item {
  id: string;
  label: string;
  error: string;
}

function labelOf(form: HTMLElement, controlId: string): string {
  const control = document.getElementById(controlId);
  const label = form.querySelector(`label[for="${CSS.escape(controlId)}"]`)?.textContent ?? (control?.tagName === "FIELDSET" ? control.querySelector("legend")?.textContent : null) ?? control?.getAttribute("aria-label");
  return (label ?? "").trim();
}

function collect(form: HTMLElement): Item[] {
  return [...form.querySelectorAll<HTMLElement>("[data-field-error]")].map((el) => {
    const id = el.id.replace(/-error$/, "");
    return { id, label: labelOf(form, id), error: (el.textContent ?? "").trim() };
  });
}

const same = (a: Item[], b: Item[]) => a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.error === b[i]?.error && x.label === b[i]?.label);

/** The field errors of the enclosing form, as a list of links (renders nothing when there are none). */
export function ErrorSummary({ skipMessage }: { skipMessage?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = () => setItems((prev) => {
      const next = collect(form);
      return same(prev, next) ? prev : next;
    });
    update();
    const mo = new MutationObserver(update);
    mo.observe(form, { subtree: true, childList: true, characterData: true });
    return () => mo.disconnect();
  }, []);
  const shown = items.filter((i) => i.error !== skipMessage);
  return (
    <div ref={ref} data-testid="error-summary">
      {shown.length > 0 ? (
        <div className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
          <p className="font-semibold">{shown.length === 1 ? "Le formulaire contient 1 erreur, à corriger :" : `Le formulaire contient ${shown.length} erreurs, à corriger :`}</p>
          <ul className="mt-1 list-disc pl-5">
            {shown.map((i) => (
              <li key={i.id}>
                <a
                  href={`#${i.id}`}
                  className="underline"
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(i.id);
                    (el?.tagName === "FIELDSET" ? el.querySelector<HTMLElement>("input, select, textarea") : el)?.focus();
                  }}
                >
                  {i.label || i.error}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Message({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <p role="status" className={cn("flex items-start gap-2 rounded border border-danger bg-red-50 p-3 text-sm text-danger", className)}>
      <Icon name="alert" className="mt-0.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** The top of a server-action form: the message (or nothing) and the field summary. */
export function FormError({ message }: { message: string | null }) {
  return (
    <div className="flex flex-col gap-2">
      <div aria-live="assertive">{message ? <Message>{message}</Message> : null}</div>
      <ErrorSummary skipMessage={message} />
    </div>
  );
}

/** The top of an API form; a conflict (409) says what happened and links to a fresh copy. */
export function FormAlert({ outcome, id = "form-alert" }: { outcome: { status: number; message: string } | null; id?: string }) {
  return (
    <div className="flex flex-col gap-2">
      <div id={id} aria-live="polite">
        {outcome ? (
          <Message>
            {outcome.status === 409 ? (
              <>
                Cet enregistrement a été modifié entre-temps par quelqu&apos;un d&apos;autre. Vos changements n&apos;ont pas été enregistrés.{" "}
                <a href={typeof window === "undefined" ? "" : window.location.pathname + window.location.search} className="font-semibold underline">
                  Recharger la page pour voir la dernière version
                </a>
              </>
            ) : (
              outcome.message
            )}
          </Message>
        ) : null}
      </div>
      <ErrorSummary skipMessage={outcome?.message} />
    </div>
  );
}
