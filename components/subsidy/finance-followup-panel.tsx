"use client";

import Link from "next/link";
import { issueRefundOrderAction, markRefundOrderPaidAction, recordFtBreachAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { eurosInput } from "@/components/subsidy/budget-editor";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { formatCents, formatDate } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { FT_BREACHES } from "@/lib/subsidy/tranche.rules";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { useFormAction } from "@/components/forms/use-form-action";
import { Card } from "@/components/ui/card";

const ORDER_STATUS: Record<string, string> = { ISSUED: "Émis, en attente de paiement", PAID: "Réglé", CANCELLED: "Annulé" };

function BreachForm({ file }: { file: SubsidyFileDetail }) {
  const [state, action, pending] = useFormAction(recordFtBreachAction, null);
  const err = fieldError(state, "breach");
  return (
    <form onSubmit={action} noValidate className="flex flex-wrap items-end gap-3" aria-label="Manquement constaté (article 8)">
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="version" value={file.version} />
      <SelectField label="Manquement constaté" name="breach" defaultValue={file.ftBreach ?? ""} error={err}>
        <option value="">Aucun</option>
        {Object.entries(FT_BREACHES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </SelectField>
      <Field label="Montant utilisé à d'autres fins (€)" name="misusedEuros" inputMode="decimal" hint="Seulement pour un détournement."
        defaultValue={file.ftMisusedCents === null ? "" : eurosInput(file.ftMisusedCents)} error={fieldError(state, "misusedEuros", "misusedCents")} />
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer le manquement</Button>
      <ActionMessage state={state} success="Manquement enregistré." />
    </form>
  );
}

function RefundOrderForm({ file, left }: { file: SubsidyFileDetail; left: number }) {
  const [state, action, pending] = useFormAction(issueRefundOrderAction, null);
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-3 rounded border border-gray-200 p-3" aria-labelledby="refund-form-title">
      <h3 id="refund-form-title" className="font-semibold">Émettre un ordre de reversement</h3>
      <input type="hidden" name="fileId" value={file.id} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Montant à reverser (€)" name="amountEuros" inputMode="decimal" defaultValue={eurosInput(left)} error={fieldError(state, "amountEuros", "amountCents")} />
        <Field label="Date d'émission" name="issuedAt" type="date" error={fieldError(state, "issuedAt")} />
        <Field label="Motif" name="reason" defaultValue={file.penalty ? "Manquement à l'article 8 de la convention" : "Solde du compte rendu financier"} error={fieldError(state, "reason")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>Émettre l&apos;ordre de reversement</Button>
        <ActionMessage state={state} success="Ordre de reversement émis." />
      </div>
    </form>
  );
}

function PaidForm({ file, order }: { file: SubsidyFileDetail; order: SubsidyFileDetail["refundOrders"][number] }) {
  const [state, action, pending] = useFormAction(markRefundOrderPaidAction, null);
  return (
    <form onSubmit={action} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="orderId" value={order.id} />
      <input type="hidden" name="version" value={order.version} />
      <Field id={`paid-${order.id}`} label={`Réglé le (${order.number})`} name="paidAt" type="date" error={fieldError(state, "paidAt")} />
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer le règlement<span className="sr-only"> de {order.number}</span></Button>
      <ActionMessage state={state} />
    </form>
  );
}

/** Withholding for a missing financial report, France Travail penalties and refund orders. */
export function FinanceFollowupPanel({ file }: { file: SubsidyFileDetail }) {
  if (file.status !== "SIGNED" && file.status !== "CLOSED") return null;
  const ordered = file.refundOrders.filter((o) => o.status !== "CANCELLED").reduce((s, o) => s + o.amountCents, 0);
  const left = Math.max(0, file.refundableCents - ordered);
  const w = file.withholding;
  return (
    <Card as="section" aria-labelledby="followup-title" className="flex flex-col gap-4">
      <h2 id="followup-title" className="text-lg font-semibold">Retenue, pénalités et reversements</h2>
      <div data-testid="withholding" className={w.stage === "WITHHOLDING" || w.stage === "RATE_UNSET" ? "rounded border border-warning bg-amber-50 p-3" : ""}>
        <h3 className="font-semibold">Retenue pour compte rendu financier</h3>
        <p>{w.stage === "WITHHOLDING" || w.stage === "RATE_UNSET" ? <Icon name="alert" className="mr-1 inline-block align-[-2px]" /> : null}{w.message}</p>
        {w.stage === "WITHHOLDING" ? <p>Montant retenu : <strong data-testid="withheld-amount">{formatCents(w.withheldCents)}</strong></p> : null}
      </div>
      {file.funder === "FRANCE_TRAVAIL" ? (
        <div className="flex flex-col gap-2" data-testid="ft-penalty">
          <h3 className="font-semibold">Manquements à la convention France Travail (article 8)</h3>
          {file.penalty ? (
            <ol className="list-decimal pl-5 text-sm">{file.penalty.steps.map((s) => <li key={s}>{s}</li>)}</ol>
          ) : file.penaltyRulesMissing ? (
            <p className="text-sm"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Manquement enregistré, mais les majorations ne sont pas fixées dans le jeu de règles France Travail : un administrateur doit les renseigner.</p>
          ) : (
            <p className="text-sm text-muted">Aucun manquement constaté : aucune pénalité.</p>
          )}
          {file.canRecordBreach ? <BreachForm file={file} /> : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">Ordres de reversement</h3>
        <p className="text-sm">Montant à reverser : <strong data-testid="refundable">{formatCents(file.refundableCents)}</strong> ; déjà ordonné : {formatCents(ordered)}.</p>
        {file.refundOrders.length === 0 ? (
          <p className="text-sm text-muted">Aucun ordre de reversement émis.</p>
        ) : (
          <TableScroll label="Ordres de reversement">
          <table className="w-full text-left text-sm" data-testid="refund-orders">
            <caption className="sr-only">Ordres de reversement</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="p-2">Numéro</th>
                <th scope="col" className="p-2">Émis le</th>
                <th scope="col" className="p-2">À payer avant le</th>
                <th scope="col" className="p-2">Motif</th>
                <th scope="col" className="p-2 text-right">Montant</th>
                <th scope="col" className="p-2">État</th>
                <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {file.refundOrders.map((o) => (
                <tr key={o.id} className="border-t border-gray-200">
                  <td className="p-2">{o.number}</td>
                  <td className="p-2">{formatDate(o.issuedAt)}</td>
                  <td className="p-2">{formatDate(o.dueAt)}</td>
                  <td className="p-2">{o.reason}</td>
                  <td className="p-2 text-right">{formatCents(o.amountCents)}</td>
                  <td className="p-2">{ORDER_STATUS[o.status]}{o.paidAt ? ` le ${formatDate(o.paidAt)}` : ""}</td>
                  <td className="p-2">
                    <Link className="text-brand-700 underline" href={`/financement/${file.id}/reversements/${o.id}`}>Imprimer<span className="sr-only"> {o.number}</span></Link>
                    {file.canIssueRefund && o.status === "ISSUED" ? <PaidForm file={file} order={o} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
        {file.canIssueRefund && left > 0 ? <RefundOrderForm file={file} left={left} /> : null}
      </div>
    </Card>
  );
}
