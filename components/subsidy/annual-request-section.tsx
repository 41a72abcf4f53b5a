"use client";
// Issue 22 §4 — « Demande annuelle (art. 5) » of a Région subsidy file: the five elements the
// convention cadre (art. 4.1, art. 5) and its cadre d'intervention (§2, §5) ask of the yearly request,
// what is missing (in French), the manager's form for the texts and the upload of last year's bilan.
// Finance and the Région read it. The financing plan and the detailed budget are the « Budget » part.

import type { FormEvent } from "react";
import { useReceiptUpload } from "@/components/subsidy/use-receipt-upload";
import { updateAnnualRequestAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import { Section } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icons";
import { TableScroll } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { useFormAction } from "@/components/forms/use-form-action";
import { formatCents, formatDateTime } from "@/lib/format";
import type { AnnualRequestView } from "@/lib/subsidy/annual-request.service";

function TextsForm({ fileId, request }: { fileId: string; request: AnnualRequestView }) {
  const [state, action, pending] = useFormAction(updateAnnualRequestAction, null, { keep: () => true });
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-3" aria-label="Description et programme d'action">
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="version" value={request.version} />
      <TextAreaField
        key={`d-${request.version}`}
        label="Description de l'opération"
        name="description"
        rows={5}
        defaultValue={request.description ?? ""}
        hint="Le fonctionnement de la plateforme : locaux, moyens humains et matériels mis à disposition (cadre d'intervention §5)."
        error={fieldError(state, "description")}
      />
      <TextAreaField
        key={`p-${request.version}`}
        label={`Programme d'action ${request.year}`}
        name="actionProgramme"
        rows={5}
        defaultValue={request.actionProgramme ?? ""}
        hint="Les actions prévues dans l'année : prospection, offres, circuits courts, chefs de file, gouvernance."
        error={fieldError(state, "actionProgramme")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>Enregistrer la demande annuelle</Button>
        <ActionMessage state={state} success="Demande annuelle enregistrée." />
      </div>
    </form>
  );
}

/** Last year's bilan as a document joined to the file (a receipt of kind PREVIOUS_YEAR_BILAN). */
function BilanUpload({ fileId, previousYear }: { fileId: string; previousYear: number }) {
  const { message, pending, send } = useReceiptUpload(fileId);
  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    data.set("kind", "PREVIOUS_YEAR_BILAN");
    await send(form, data, "Bilan joint.");
  }
  return (
    <form onSubmit={upload} className="flex flex-wrap items-end gap-3" aria-label={`Joindre le bilan d'activité ${previousYear}`}>
      <div className="flex flex-col gap-1">
        <label htmlFor="previous-bilan-file" className="text-sm font-medium">Bilan d&apos;activité {previousYear} (PDF, JPEG ou PNG)</label>
        <FileInput id="previous-bilan-file" name="file" required accept="application/pdf,image/jpeg,image/png" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>Joindre le bilan</Button>
      <div aria-live="polite" className="text-sm">
        {message ? <p className={message.ok ? "text-success" : "text-danger"}><Icon name={message.ok ? "check" : "alert"} className="mr-1 inline-block align-[-2px]" />{message.text}</p> : null}
      </div>
    </form>
  );
}

export function AnnualRequestSection({ fileId, platformId, request, canReadAnnualReport }: { fileId: string; platformId: string; request: AnnualRequestView; canReadAnnualReport: boolean }) {
  const missing = request.checklist.filter((i) => !i.met);
  const plan = request.financingPlan;
  const bilan = request.previousBilan;
  return (
    <Section
      title="Demande annuelle (art. 5)"
      aria-label="Demande annuelle (art. 5)"
      description="Convention cadre art. 5 : chaque année, « une demande de subvention accompagnée d'un budget détaillé » ; cadre d'intervention §5 : un descriptif du fonctionnement de la plateforme, un programme d'action annuel et un plan de financement prévisionnel ; art. 4.1 : le bilan de l'année précédente."
    >
      <div>
        <StatusBadge tone={request.complete ? "success" : "warning"} data-testid="annual-request-status">
          {request.complete ? "Demande complète" : `${missing.length} élément${missing.length > 1 ? "s" : ""} manquant${missing.length > 1 ? "s" : ""}`}
        </StatusBadge>
      </div>
      <ul className="flex flex-col gap-1 text-sm" aria-label="Éléments de la demande annuelle" data-testid="annual-request-checklist">
        {request.checklist.map((i) => (
          <li key={i.element}>
            <Icon name={i.met ? "check" : "x"} className={`mr-1 inline-block align-[-2px] ${i.met ? "text-success" : "text-danger"}`} />
            <strong>{i.label}</strong> : {i.met ? "fourni" : <>manquant — {i.missing}</>}
          </li>
        ))}
      </ul>
      {!request.complete && request.canEdit ? (
        <p className="text-sm text-muted">La demande ne peut être déposée qu&apos;avec ces cinq éléments.</p>
      ) : null}

      {request.canEdit ? <TextsForm fileId={fileId} request={request} /> : (
        <dl className="flex flex-col gap-3 text-sm">
          <div><dt className="font-semibold">Description de l&apos;opération</dt><dd className="whitespace-pre-line">{request.description ?? "Non renseignée."}</dd></div>
          <div><dt className="font-semibold">Programme d&apos;action {request.year}</dt><dd className="whitespace-pre-line">{request.actionProgramme ?? "Non renseigné."}</dd></div>
        </dl>
      )}

      <h3 className="font-semibold">Plan de financement prévisionnel et budget détaillé</h3>
      <TableScroll label="Plan de financement prévisionnel">
        <table className="w-full text-left text-sm" data-testid="financing-plan">
          <caption className="sr-only">Plan de financement prévisionnel</caption>
          <thead className="bg-gray-100">
            <tr><th scope="col" className="p-2">Ressources</th><th scope="col" className="p-2 text-right">Montant</th></tr>
          </thead>
          <tbody>
            <tr className="border-t border-gray-200"><th scope="row" className="p-2 font-normal">Demande à la Région</th><td className="p-2 text-right">{formatCents(plan.requestedCents)}</td></tr>
            <tr className="border-t border-gray-200"><th scope="row" className="p-2 font-normal">Cofinancement du territoire</th><td className="p-2 text-right">{formatCents(plan.territoryCofundingCents)}</td></tr>
            <tr className="border-t border-gray-200"><th scope="row" className="p-2 font-normal">Autres cofinancements</th><td className="p-2 text-right">{formatCents(plan.otherCofundingCents)}</td></tr>
            <tr className="border-t border-gray-300 font-semibold"><th scope="row" className="p-2">Total des ressources</th><td className="p-2 text-right">{formatCents(plan.resourcesCents)}</td></tr>
            <tr className="border-t border-gray-300 font-semibold"><th scope="row" className="p-2">Dépenses prévues ({request.budget.lineCount} ligne{request.budget.lineCount > 1 ? "s" : ""})</th><td className="p-2 text-right">{formatCents(plan.expensesCents)}</td></tr>
            <tr className="border-t border-gray-200"><th scope="row" className="p-2 font-normal">dont dépenses éligibles</th><td className="p-2 text-right">{formatCents(plan.eligibleCents)}</td></tr>
          </tbody>
        </table>
      </TableScroll>
      <p className="text-sm text-muted">
        Les montants et les lignes de dépenses se saisissent dans la partie <a href="#budget" className="text-brand-700 underline">Budget</a>.
      </p>

      <h3 className="font-semibold">Bilan de l&apos;année précédente ({request.previousYear})</h3>
      <ul className="flex flex-col gap-1 text-sm" data-testid="previous-bilan">
        <li>
          Rapport annuel {request.previousYear} de la plateforme :{" "}
          {bilan.annualReport.written ? `bilan qualitatif rédigé (mis à jour le ${formatDateTime(bilan.annualReport.updatedAt)})` : "bilan qualitatif non rédigé"}
          {canReadAnnualReport ? (
            <> — <TextLink href={`/bilans/rapport-annuel?platformId=${platformId}&year=${request.previousYear}`}>voir le rapport annuel {request.previousYear}</TextLink></>
          ) : null}
        </li>
        {bilan.documents.map((d) => (
          <li key={d.id}>
            Bilan joint : <a href={`/api/v1/subsidy-files/${fileId}/receipts/${d.id}`} className="text-brand-700 underline">{d.fileName}</a> ({formatDateTime(d.createdAt)})
          </li>
        ))}
      </ul>
      {request.canEdit ? <BilanUpload fileId={fileId} previousYear={request.previousYear} /> : null}
    </Section>
  );
}
