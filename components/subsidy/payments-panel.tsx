"use client";

import { claimTrancheAction, recordPaymentAction } from "@/app/(app)/financement/actions";
import { DOCUMENT_DATE_FIELD, TRANCHE_STATUS_LABELS, type TrancheDocument } from "@/lib/subsidy/tranche.rules";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { eurosInput } from "@/components/subsidy/budget-editor";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/form-controls";
import { TextAreaField } from "@/components/ui/form-fields";
import { formatCents, formatDate } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { useFormAction } from "@/components/forms/use-form-action";
import { Card } from "@/components/ui/card";

type TrancheView = SubsidyFileDetail["tranches"][number];

/** The platform manager sends the missing documents' dates and claims the tranche. */
function ClaimForm({ file, tranche }: { file: SubsidyFileDetail; tranche: TrancheView }) {
  const [state, action, pending] = useFormAction(claimTrancheAction, null);
  const missing = tranche.conditions.filter((c) => !c.met && c.document !== "RECEIPTS");
  const receiptsMissing = tranche.conditions.some((c) => !c.met && c.document === "RECEIPTS");
  const claimable = tranche.status === "DUE" || (tranche.status === "PLANNED" && !receiptsMissing);
  if (!claimable) {
    return receiptsMissing
      ? <p className="text-xs text-muted">Joignez les justificatifs à cette tranche (rubrique « Justificatifs ») pour pouvoir la demander.</p>
      : null;
  }
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-2" aria-label={`Demander le versement de la tranche ${tranche.rank}`}>
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="trancheId" value={tranche.id} />
      <input type="hidden" name="version" value={file.version} />
      {missing.map((c) => {
        const name = DOCUMENT_DATE_FIELD[c.document as Exclude<TrancheDocument, "RECEIPTS">];
        return <Field key={c.document} id={`claim-${tranche.rank}-${name}`} label={`${c.label} : envoyé(e) le`} name={name} type="date" error={fieldError(state, name)} />;
      })}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>Demander le versement</Button>
        <ActionMessage state={state} success="Versement demandé." />
      </div>
    </form>
  );
}

function PaymentForm({ file }: { file: SubsidyFileDetail }) {
  const [state, action, pending] = useFormAction(recordPaymentAction, null);
  const next = file.tranches.find((t) => t.status !== "PAID" && t.status !== "CANCELLED");
  const trancheError = fieldError(state, "trancheId");
  const unmet = fieldError(state, "confirmUnmetConditions") ?? fieldError(state, "overrideReason");
  return (
    <form onSubmit={action} noValidate aria-labelledby="payment-form-title" className="flex flex-col gap-3 rounded border border-gray-200 p-3">
      <h3 id="payment-form-title" className="font-semibold">Enregistrer un versement</h3>
      <input type="hidden" name="fileId" value={file.id} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Tranche" name="trancheId" defaultValue={next?.id ?? ""} error={trancheError}>
          <option value="">Hors tranche (solde)</option>
          {file.tranches.map((t) => (
            <option key={t.id} value={t.id}>Tranche {t.rank} — {t.label} ({formatCents(t.amountCents)})</option>
          ))}
        </SelectField>
        <Field
          label="Montant versé (€)"
          name="amountEuros"
          inputMode="decimal"
          defaultValue={next ? eurosInput(Math.max(0, next.amountCents - next.paidCents)) : ""}
          error={fieldError(state, "amountEuros", "amountCents")}
        />
        <Field label="Date du versement" name="paidAt" type="date" error={fieldError(state, "paidAt")} />
        <Field label="Référence (mandat)" name="reference" error={fieldError(state, "reference")} />
      </div>
      {unmet ? (
        // The server refused: the tranche's conditions are not met. Paying anyway needs a confirmation and its reason (audited).
        <div role="alert" className="flex flex-col gap-2 rounded border border-danger p-3">
          <p className="text-sm font-medium text-danger">{unmet}</p>
          <CheckboxField label="Je confirme ce versement malgré les conditions non remplies" name="confirmUnmetConditions" />
          <TextAreaField label="Motif du versement" name="overrideReason" error={fieldError(state, "overrideReason")} />
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>Enregistrer le versement</Button>
        <ActionMessage state={state} success="Versement enregistré." />
      </div>
    </form>
  );
}

export function PaymentsPanel({ file }: { file: SubsidyFileDetail }) {
  if (file.awardedCents === null) return null;
  const remaining = file.awardedCents - file.paidCents;
  return (
    <Card as="section" aria-labelledby="payments-title" className="flex flex-col gap-4">
      <h2 id="payments-title" className="text-lg font-semibold">Tranches et versements</h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div><dt className="text-muted">Montant attribué</dt><dd data-testid="awarded-amount">{formatCents(file.awardedCents)}</dd></div>
        <div><dt className="text-muted">Déjà versé</dt><dd data-testid="paid-amount">{formatCents(file.paidCents)}</dd></div>
        <div><dt className="text-muted">Reste à verser</dt><dd>{formatCents(remaining)}</dd></div>
      </dl>
      {file.activityBilan.required ? (
        // Issue 22 §4 — cadre d'intervention §5: « Le paiement de la subvention se fera sur présentation d'un bilan d'activité de la plateforme ».
        <p className="text-sm" data-testid="activity-bilan">
          <Icon name={file.activityBilan.missing ? "alert" : "check"} className={`mr-1 inline-block align-[-2px] ${file.activityBilan.missing ? "text-warning" : "text-success"}`} />
          {file.activityBilan.missing
            ? "Bilan d'activité de la plateforme non reçu : le paiement de la subvention se fait sur sa présentation (cadre d'intervention §5). Un versement avant sa réception demande une confirmation et un motif."
            : `Bilan d'activité de la plateforme reçu le ${formatDate(file.activityBilan.receivedAt)}.`}
        </p>
      ) : null}
      {file.tranches.length === 0 ? (
        <p className="text-sm text-muted">L&apos;échéancier sera établi à la signature de la convention.</p>
      ) : (
        <TableScroll label="Tranches de versement">
          <table className="w-full text-left text-sm" data-testid="tranches">
            <caption className="sr-only">Tranches de versement</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="p-2">Tranche</th>
                <th scope="col" className="p-2">Condition (pièces à fournir)</th>
                <th scope="col" className="p-2">Échéance</th>
                <th scope="col" className="p-2 text-right">Montant</th>
                <th scope="col" className="p-2 text-right">Versé</th>
                <th scope="col" className="p-2">État</th>
                {file.canClaim ? <th scope="col" className="p-2">Demande</th> : null}
              </tr>
            </thead>
            <tbody>
              {file.tranches.map((t) => (
                <tr key={t.id} className="border-t border-gray-200">
                  <td className="p-2">{t.rank}. {t.label} ({(t.shareBp / 100).toLocaleString("fr-FR")} %)</td>
                  <td className="p-2">
                    {t.condition ?? "—"}
                    {t.conditions.length ? (
                      <ul className="mt-1 text-xs" aria-label={`Pièces requises pour la tranche ${t.rank}`}>
                        {t.conditions.map((c) => (
                          <li key={c.document}><Icon name={c.met ? "check" : "x"} className="mr-1 inline-block align-[-2px]" />{c.met ? "reçu" : "manquant"} : {c.label}{c.at ? ` (${formatDate(c.at)})` : ""}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="p-2">{t.dueAt ? formatDate(t.dueAt) : "à fixer (date de l'événement attendue)"}</td>
                  <td className="p-2 text-right">{formatCents(t.amountCents)}</td>
                  <td className="p-2 text-right">{formatCents(t.paidCents)}</td>
                  <td className="p-2" data-testid={`tranche-${t.rank}-status`}>{TRANCHE_STATUS_LABELS[t.status] ?? t.status}</td>
                  {file.canClaim ? <td className="p-2">{t.status === "PLANNED" || t.status === "DUE" ? <ClaimForm file={file} tranche={t} /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {file.payments.length > 0 ? (
        <TableScroll label="Versements enregistrés">
        <table className="w-full text-left text-sm" data-testid="payments">
          <caption className="text-left font-semibold">Versements enregistrés</caption>
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="p-2">Date</th>
              <th scope="col" className="p-2">Tranche</th>
              <th scope="col" className="p-2">Référence</th>
              <th scope="col" className="p-2 text-right">Montant</th>
            </tr>
          </thead>
          <tbody>
            {file.payments.map((p) => (
              <tr key={p.id} className="border-t border-gray-200">
                <td className="p-2">{formatDate(p.paidAt)}</td>
                <td className="p-2">{p.trancheRank ? `Tranche ${p.trancheRank}` : "Hors tranche"}</td>
                <td className="p-2">
                  {p.reference ?? "—"}
                  {p.overrideReason ? <span className="block text-xs text-muted">Versé malgré des pièces manquantes : {p.overrideReason}</span> : null}
                </td>
                <td className="p-2 text-right">{formatCents(p.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : null}
      {file.canPay ? <PaymentForm file={file} /> : null}
    </Card>
  );
}
