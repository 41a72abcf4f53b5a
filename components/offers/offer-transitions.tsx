"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { transitionOfferAction } from "@/app/(app)/offres/actions";
import { toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import type { OfferStatus } from "@/lib/offers/offer.rules";

const ACTIONS: Partial<Record<OfferStatus, { label: string; confirm?: string; variant: "primary" | "secondary" | "danger" }>> = {
  OPEN: { label: "Publier / rouvrir l'offre", variant: "primary" },
  FILLED: { label: "Marquer comme pourvue", confirm: "Marquer l'offre comme entièrement pourvue ?", variant: "secondary" },
  EXPIRED: { label: "Marquer comme expirée", confirm: "L'offre sortira des offres actives. Continuer ?", variant: "secondary" },
  CANCELLED: { label: "Annuler l'offre", confirm: "Annuler l'offre ? Une offre annulée ne peut plus être rouverte.", variant: "danger" },
};

export function OfferTransitions({ id, version, allowed }: { id: string; version: number; allowed: OfferStatus[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function go(to: OfferStatus) {
    const a = ACTIONS[to];
    if (a?.confirm && !window.confirm(a.confirm)) return;
    const r = await transitionOfferAction(null, toFormData({ id, to, version }));
    if (r.ok) router.refresh();
    else setError(r.message);
  }
  const buttons = allowed.filter((s) => ACTIONS[s]);
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {buttons.map((s) => <Button key={s} variant={ACTIONS[s]!.variant} onClick={() => void go(s)}>{ACTIONS[s]!.label}</Button>)}
      </div>
      {error ? <p role="status" className="text-sm text-danger">{error}</p> : null}
    </div>
  );
}
