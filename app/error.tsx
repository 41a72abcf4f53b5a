"use client";

import { StatusPage } from "@/components/layout/status-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="500" title="Une erreur est survenue">
      <p>L&apos;opération n&apos;a pas abouti. Aucune donnée n&apos;a été perdue ; vous pouvez réessayer.</p>
      {error.digest ? <p className="mt-2 text-sm">Référence à communiquer au support : {error.digest}</p> : null}
      <Button type="button" onClick={reset} className="mt-4">
        Réessayer
      </Button>
    </StatusPage>
  );
}
