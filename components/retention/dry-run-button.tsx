"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { dryRunAction } from "@/app/(app)/rgpd/conservation/actions";
import { Button } from "@/components/ui/button";

/** Starts a dry run (nothing is changed, so no confirmation) and opens its report. */
export function DryRunButton() {
  const [state, action, pending] = useActionState(dryRunAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/rgpd/conservation/${state.data.id}`);
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col gap-2">
      <Button type="submit" disabled={pending}>{pending ? "Simulation en cours…" : "Lancer une simulation"}</Button>
      <div aria-live="polite" className="text-sm">
        {state && !state.ok ? <p className="text-danger">{state.message}</p> : null}
      </div>
    </form>
  );
}
