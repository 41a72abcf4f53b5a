"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteCompanyAction } from "@/app/(app)/entreprises/actions";
import { toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";

export function DeleteCompanyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    if (!window.confirm(`Supprimer l'entreprise « ${name} » ? Cette action est définitive.`)) return;
    const r = await deleteCompanyAction(null, toFormData({ id }));
    if (r.ok) router.push("/entreprises");
    else setError(r.message);
  }
  return (
    <div className="flex flex-col">
      <Button variant="danger" onClick={() => void onClick()}>Supprimer</Button>
      {error ? <p role="status" className="mt-1 max-w-xs text-sm text-danger">{error}</p> : null}
    </div>
  );
}
