"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelEventAction } from "@/app/(app)/evenements/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/form-controls";

/** Cancelling an event: a reason, then an explicit confirmation; the event stays listed as cancelled. */
export function CancelEventForm({ id, version, title }: { id: string; version: number; title: string }) {
  const router = useRouter();
  const [state, setState] = useState<Awaited<ReturnType<typeof cancelEventAction>> | null>(null);
  const [pending, startTransition] = useTransition();
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!window.confirm(`Annuler l'événement « ${title} » ? Les inscrit·es ne pourront plus y être ajouté·es ; il restera visible comme annulé.`)) return;
        const data = new FormData(e.currentTarget);
        // Called directly (not through useActionState): the revalidation re-renders the edit page
        // without this form, and the navigation must still happen.
        startTransition(async () => {
          const result = await cancelEventAction(null, data);
          setState(result);
          if (result.ok) router.push(`/evenements/${id}`);
        });
      }}
      noValidate
      className="flex max-w-3xl flex-col gap-3"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField label="Motif de l'annulation (obligatoire)" name="reason" required error={fields?.reason?.[0]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>Annuler l&apos;événement</Button>
        <p aria-live="polite" className="text-sm text-danger">{state && !state.ok ? state.message : null}</p>
      </div>
    </form>
  );
}
