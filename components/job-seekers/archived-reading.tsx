"use client";
// The reason asked before reading an archived record, sent by POST (server action); the record is
// shown only in the answer to that POST. Each submission is a new audited reading.
import { useActionState } from "react";
import { consultArchivedAction } from "@/app/(app)/rgpd/archives/[id]/actions";
import { JobSeekerRecord } from "@/components/job-seekers/job-seeker-record";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox } from "@/components/ui/card";

export function ArchivedReading({ id }: { id: string }) {
  const [state, action, pending] = useActionState(consultArchivedAction, null);
  if (state?.ok) {
    const { record, rome, commune, mobility, motif } = state.data;
    return (
      <>
        <PageTitle>{`${record.lastName ?? ""} ${record.firstName ?? ""}`.trim() || "Personne archivée"}</PageTitle>
        <p role="note" className="rounded border border-gray-300 bg-gray-50 p-3 text-sm">
          Consultation journalisée avec le motif : « {motif} ». Fiche en lecture seule.
        </p>
        <JobSeekerRecord p={record} rome={rome} commune={commune} mobility={mobility} />
      </>
    );
  }
  const error = state && !state.ok ? (state.fields?._?.[0] ?? Object.values(state.fields ?? {})[0]?.[0] ?? state.message) : null;
  return (
    <>
      <PageTitle>Consulter une fiche archivée</PageTitle>
      <form action={action} className={cardBox("md", "flex max-w-2xl flex-col gap-3")} noValidate>
        <input type="hidden" name="id" value={id} />
        <TextAreaField
          id="f-motif" label="Motif de la consultation" name="motif" rows={3} required minLength={10} maxLength={500} error={error ?? undefined}
          hint="Par exemple : demande d'accès de la personne, retour à l'emploi à vérifier, contrôle. Le motif est conservé dans le journal d'audit."
        />
        <div><Button type="submit" disabled={pending}>{pending ? "Consultation…" : "Consulter la fiche"}</Button></div>
      </form>
    </>
  );
}
