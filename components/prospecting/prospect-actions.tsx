"use client";
// The two actions of a prospecting line: plan a visit (the company is created from the register, then the
// visit form opens) and set the establishment aside with a reason.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { dismissProspectAction, planVisitFromRegisterAction } from "@/app/(app)/prospection/actions";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

export function ProspectActions({ platformId, siret, name, canDismiss }: { platformId: string; siret: string; name: string; canDismiss: boolean }) {
  const router = useRouter();
  const [planned, plan, planning] = useActionState(planVisitFromRegisterAction, null);
  const [dismissed, dismiss, dismissing] = useActionState(dismissProspectAction, null);
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const reasonError = dismissed && !dismissed.ok ? (dismissed.fields?.reason?.[0] ?? dismissed.message) : undefined;

  useEffect(() => {
    if (planned?.ok) router.push(`/visites/nouvelle?entreprise=${planned.data.companyId}`);
  }, [planned, router]);
  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (dismissed?.ok) router.refresh();
  }, [dismissed, router]);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={plan}>
          <input type="hidden" name="platformId" value={platformId} />
          <input type="hidden" name="siret" value={siret} />
          <Button type="submit" disabled={planning} aria-label={`Planifier une visite : ${name}`}>
            {planning ? "Création de la fiche…" : "Planifier une visite"}
          </Button>
        </form>
        {canDismiss ? (
          <Button type="button" variant="secondary" aria-expanded={open} aria-controls={`${reasonId}-form`} onClick={() => setOpen((o) => !o)} aria-label={`Écarter : ${name}`}>
            Écarter
          </Button>
        ) : null}
      </div>
      {planned && !planned.ok ? <p role="alert" className="text-sm text-danger">{planned.message}</p> : null}
      {open ? (
        <form id={`${reasonId}-form`} action={dismiss} className="flex flex-col gap-1">
          <input type="hidden" name="platformId" value={platformId} />
          <input type="hidden" name="siret" value={siret} />
          <label htmlFor={reasonId} className="text-sm font-medium">
            Pourquoi l&apos;écarter ? <span className="font-normal text-muted">(gardé : il ne reviendra pas dans la liste)</span>
          </label>
          <textarea id={reasonId} ref={reasonRef} name="reason" required minLength={3} maxLength={500} rows={2} className={controlClass(reasonError)}
            aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-err` : undefined} />
          {reasonError ? <p id={`${reasonId}-err`} role="alert" className="text-sm text-danger">{reasonError}</p> : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={dismissing}>{dismissing ? "Enregistrement…" : "Écarter cet établissement"}</Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Annuler</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
