"use client";

import { useActionState } from "react";
import { transitionAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { eurosInput } from "@/components/subsidy/budget-editor";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { TRANSITION_DEFS, type TransitionName } from "@/lib/subsidy/subsidy-workflow.rules";
import { formatCents, formatDate } from "@/lib/format";
import { Card } from "@/components/ui/card";

const CONFIRM: Partial<Record<TransitionName, string>> = {
  submit: "Déposer la demande ? Le budget ne sera plus modifiable sauf renvoi pour correction.",
  reject: "Refuser définitivement cette demande ?",
  close: "Solder le dossier ? Plus aucun versement ne sera possible.",
  notifyTermination: "Notifier la résiliation ? Les versements seront suspendus.",
  lapse: "Constater la caducité de la convention ?",
};

/** What the date of each dated step is (TRANSITION_DEFS.needsDate). */
const DATE_LABELS: Partial<Record<TransitionName, string>> = {
  substantialChange: "Date à laquelle le financeur a été informé",
  amendment: "Date de l'avenant",
  notifyTermination: "Date de réception de la demande, de la mise en demeure ou de la décision (Région : date d'envoi de la lettre recommandée)",
  lapse: "Date de la décision de caducité",
};

function TransitionForm({ file, transition }: { file: SubsidyFileDetail; transition: TransitionName }) {
  const [state, action, pending] = useActionState(transitionAction, null);
  const def = TRANSITION_DEFS[transition];
  const id = `t-${transition}`;
  const commentError = fieldError(state, "comment");
  return (
    <form
      action={action}
      noValidate
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded border border-gray-200 p-3"
      onSubmit={(e) => {
        const msg = CONFIRM[transition];
        if (msg && !window.confirm(msg)) e.preventDefault();
      }}
    >
      <h3 id={`${id}-title`} className="font-semibold">{def.label}</h3>
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="version" value={file.version} />
      <input type="hidden" name="transition" value={transition} />
      {transition === "approve" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Numéro de délibération" name="deliberationNumber" error={fieldError(state, "deliberationNumber")} />
          <Field label="Date de délibération" name="deliberationDate" type="date" error={fieldError(state, "deliberationDate")} />
          <Field
            label="Montant attribué (€)"
            name="awardedEuros"
            inputMode="decimal"
            defaultValue={eurosInput(file.computation.grantCents)}
            hint={`Au plus le montant calculé.`}
            error={fieldError(state, "awardedCents", "awardedEuros")}
          />
        </div>
      ) : null}
      {transition === "sign" ? <Field label="Date de signature de la convention" name="signedAt" type="date" error={fieldError(state, "signedAt")} /> : null}
      {def.needsDate ? <Field label={DATE_LABELS[transition] ?? "Date"} name="at" type="date" id={`${id}-at`} error={fieldError(state, "at")} /> : null}
      {transition === "notifyTermination" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Mode de résiliation" name="terminationMode" id={`${id}-mode`} options={file.termination.modes} error={fieldError(state, "terminationMode")} />
          <Field label="Restitution demandée (€, facultatif)" name="restitutionEuros" id={`${id}-restitution`} inputMode="decimal" error={fieldError(state, "restitutionCents", "restitutionEuros")} />
        </div>
      ) : null}
      {def.commentRequired || transition === "submit" || transition === "approve" ? (
        <TextAreaField
          id={`${id}-comment`}
          name="comment"
          label={def.needsDate ? "Motif ou objet (obligatoire)" : def.commentRequired ? "Commentaire pour la plateforme (obligatoire)" : "Commentaire (facultatif)"}
          rows={3}
          error={commentError}
        />
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant={transition === "reject" ? "danger" : "primary"} disabled={pending}>{def.label}</Button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}

/** Termination, substantial modification and lapse as recorded (FT art. 8 and 14, Région art. 11). */
function TerminationState({ file }: { file: SubsidyFileDetail }) {
  const t = file.termination;
  if (!t.noticeAt && !t.substantialChangeAt && !t.lapsedAt) return null;
  return (
    <div role="status" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="termination-state">
      {t.substantialChangeAt ? <p>Modification substantielle signalée le {formatDate(t.substantialChangeAt)} : à régler par un avenant, sinon résiliation.</p> : null}
      {t.noticeAt ? <p>{t.modeLabel} : notifiée le {formatDate(t.noticeAt)}, effective le {formatDate(t.effectiveAt)}{t.restitutionCents !== null ? ` ; restitution demandée : ${formatCents(t.restitutionCents)}` : ""}.</p> : null}
      {t.suspension ? <p className="font-semibold">{t.suspension}</p> : null}
      {t.lapsedAt ? <p>Convention caduque depuis la décision du {formatDate(t.lapsedAt)}.</p> : null}
    </div>
  );
}

export function WorkflowPanel({ file }: { file: SubsidyFileDetail }) {
  if (file.transitions.length === 0) return <TerminationState file={file} />;
  return (
    <Card as="section" aria-labelledby="workflow-title" className="flex flex-col gap-3">
      <h2 id="workflow-title" className="text-lg font-semibold">Étapes possibles</h2>
      <TerminationState file={file} />
      {file.transitions.map((t) => (
        <TransitionForm key={`${t}-${file.version}`} file={file} transition={t} />
      ))}
    </Card>
  );
}
