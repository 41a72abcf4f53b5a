"use client";

import { useActionState } from "react";
import { mergeJobSeekersAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";

/** Merges a probable duplicate into the record on screen, after an explicit confirmation. */
export function MergeButton({ keepId, keepVersion, duplicateId, name, autoFocus = false }: { keepId: string; keepVersion: number; duplicateId: string; name: string; autoFocus?: boolean }) {
  const [state, action, pending] = useActionState(mergeJobSeekersAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Fusionner la fiche « ${name} » dans cette fiche ? Ses positionnements, échanges, diagnostics et inscriptions seront rattachés ici, puis elle sera supprimée.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="keepId" value={keepId} />
      <input type="hidden" name="keepVersion" value={keepVersion} />
      <input type="hidden" name="duplicateId" value={duplicateId} />
      <Button type="submit" variant="secondary" disabled={pending} autoFocus={autoFocus}>Fusionner dans cette fiche<span className="sr-only"> : {name}</span></Button>
      {state && !state.ok ? <p role="status" className="text-sm text-danger">{state.message}</p> : null}
    </form>
  );
}
