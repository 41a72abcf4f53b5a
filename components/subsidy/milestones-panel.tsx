"use client";

import { useActionState } from "react";
import { recordMilestonesAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { Card } from "@/components/ui/card";

const LABELS: Record<keyof SubsidyFileDetail["milestones"], string> = {
  startAttestationAt: "Attestation de démarrage reçue le",
  intermediateReportAt: "Rapport intermédiaire reçu le",
  finalReportAt: "Rapport final reçu le",
  finalReviewMeetingAt: "Réunion de bilan final le",
  financialReportReceivedAt: "Compte rendu financier reçu le",
  teamRecruitedAt: "Équipe recrutée le",
  formalNoticeAt: "Mise en demeure envoyée le",
  // Issue 22 §4 — cadre d'intervention §5: the payment waits for the activity bilan.
  activityBilanReceivedAt: "Bilan d'activité de la plateforme reçu le",
};

/** Documents and meetings that condition the tranches and the deadlines. */
export function MilestonesPanel({ file }: { file: SubsidyFileDetail }) {
  const [state, action, pending] = useActionState(recordMilestonesAction, null);
  if (file.awardedCents === null) return null;
  // The activity bilan conditions the Région payment only (cadre d'intervention §5).
  const keys = (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter((k) => k !== "activityBilanReceivedAt" || file.funder === "REGION");
  return (
    <Card as="section" aria-labelledby="milestones-title" className="flex flex-col gap-3">
      <h2 id="milestones-title" className="text-lg font-semibold">Pièces et échéances</h2>
      {file.canRecordMilestones ? (
        <form action={action} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Dates des pièces et réunions">
          <input type="hidden" name="fileId" value={file.id} />
          <input type="hidden" name="version" value={file.version} />
          {keys.map((k) => (
            <Field key={`${k}-${file.version}`} label={LABELS[k]} name={k} type="date" defaultValue={file.milestones[k] ?? ""} error={fieldError(state, k)} />
          ))}
          <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit" disabled={pending}>Enregistrer les dates</Button>
            <ActionMessage state={state} success="Dates enregistrées ; échéances recalculées." />
          </div>
        </form>
      ) : (
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {keys.map((k) => (
            <div key={k}><dt className="text-muted">{LABELS[k]}</dt><dd>{formatDate(file.milestones[k])}</dd></div>
          ))}
        </dl>
      )}
    </Card>
  );
}
