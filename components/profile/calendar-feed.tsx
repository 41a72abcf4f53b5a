"use client";
// « Mon agenda » on the profile: the private ICS feed's secret URL (shown once), and its revocation.
import { useActionState } from "react";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/app/(app)/profil/actions";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

export function CalendarFeedCard({ createdAt }: { createdAt: string | null }) {
  const [created, create, creating] = useActionState(createCalendarFeedAction, null);
  const [revoked, revoke, revoking] = useActionState(revokeCalendarFeedAction, null);
  const active = created?.ok ? true : revoked?.ok ? false : createdAt !== null;
  return (
    <Section title="Mon agenda (ICS)" className="max-w-3xl">
      <p className="text-sm">Abonnez Outlook, Thunderbird ou l&apos;agenda de votre téléphone à vos visites, suites à donner et événements. L&apos;agenda ne contient aucune donnée sur les demandeurs d&apos;emploi. L&apos;adresse est secrète : ne la partagez pas ; révoquez-la si elle a pu être vue.</p>
      <p className="mt-2 text-sm" data-testid="calendar-state">{active ? `Lien actif${createdAt && !created?.ok ? ` depuis le ${formatDateTime(createdAt)}` : ""}.` : "Aucun lien actif."}</p>
      {created?.ok ? (
        <p className="mt-2 break-all rounded border border-gray-300 p-2 text-sm" role="status">
          Adresse de votre agenda (affichée une seule fois) : <code data-testid="calendar-url">{created.data.url}</code>
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <form action={create}><Button type="submit" variant="secondary" disabled={creating}>{active ? "Créer un nouveau lien (l'ancien cesse de fonctionner)" : "Créer le lien de mon agenda"}</Button></form>
        {active ? <form action={revoke}><Button type="submit" variant="danger" disabled={revoking}>Révoquer le lien</Button></form> : null}
      </div>
      {created && !created.ok ? <p role="alert" className="text-danger">{created.message}</p> : null}
      {revoked && !revoked.ok ? <p role="alert" className="text-danger">{revoked.message}</p> : null}
    </Section>
  );
}
