"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { followUpDoneAction } from "@/app/(app)/visites/actions";
import { toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";

export function FollowUpToggle({ id, visitId, done, version, label }: { id: string; visitId: string; done: boolean; version: number; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    const r = await followUpDoneAction(null, toFormData({ id, visitId, done: String(!done), version }));
    if (r.ok) router.refresh();
    else setError(r.message);
  }
  return (
    <span className="flex flex-col items-end">
      <Button variant="secondary" onClick={() => void toggle()}>
        {done ? "Rouvrir" : "Marquer comme faite"}<span className="sr-only"> : {label}</span>
      </Button>
      {error ? <span role="status" className="text-sm text-danger">{error}</span> : null}
    </span>
  );
}
