"use client";

import { useActionState } from "react";
import { recordActualAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { eurosInput } from "@/components/subsidy/budget-editor";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { formatCents } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

type Line = SubsidyFileDetail["lines"][number];

function ActualForm({ fileId, line }: { fileId: string; line: Line }) {
  const [state, action, pending] = useActionState(recordActualAction, null);
  const id = `actual-${line.id}`;
  const amountError = fieldError(state, "actualEuros", "actualCents");
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="lineId" value={line.id} />
      <input type="hidden" name="version" value={line.version} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-amount`} className="text-xs font-medium">Réalisé (€) — {line.label}</label>
        <input id={`${id}-amount`} name="actualEuros" inputMode="decimal" defaultValue={line.actualCents === null ? "" : eurosInput(line.actualCents)}
          className={controlClass(amountError, "w-32", "sm")} aria-invalid={amountError ? true : undefined} aria-describedby={amountError ? `${id}-err` : undefined} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-gap`} className="text-xs font-medium">Explication de l&apos;écart{line.gapToExplain ? " (requise)" : ""}</label>
        <input id={`${id}-gap`} name="gapExplanation" defaultValue={line.gapExplanation ?? ""} className={controlClass(undefined, "w-64", "sm")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer<span className="sr-only"> le réalisé de {line.label}</span></Button>
      {amountError ? <p id={`${id}-err`} className="text-sm text-danger">{amountError}</p> : null}
      <ActionMessage state={state} />
    </form>
  );
}

/** Compte rendu financier: forecast vs actual, gaps to explain, and the recomputed final amount. */
export function FinalBalancePanel({ file }: { file: SubsidyFileDetail }) {
  if (file.status !== "SIGNED" && file.status !== "CLOSED") return null;
  const editable = file.status === "SIGNED" && file.canEditActuals;
  const missing = file.lines.filter((l) => l.gapToExplain).length;
  return (
    <Card as="section" aria-labelledby="final-title" className="flex flex-col gap-4">
      <h2 id="final-title" className="text-lg font-semibold">Compte rendu financier et solde</h2>
      <TableScroll label="Prévisionnel et réalisé par ligne">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Prévisionnel et réalisé par ligne</caption>
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="p-2">Ligne</th>
              <th scope="col" className="p-2 text-right">Prévu</th>
              <th scope="col" className="p-2 text-right">Réalisé</th>
              <th scope="col" className="p-2 text-right">Écart</th>
              <th scope="col" className="p-2">Explication</th>
            </tr>
          </thead>
          <tbody>
            {file.lines.map((l) => (
              <tr key={l.id} className="border-t border-gray-200 align-top">
                <td className="p-2">{l.label}{l.counted ? "" : " (non éligible)"}</td>
                <td className="p-2 text-right">{formatCents(l.forecastCents)}</td>
                <td className="p-2 text-right">{formatCents(l.actualCents)}</td>
                <td className="p-2 text-right">{l.actualCents === null ? "—" : formatCents(l.actualCents - l.forecastCents)}</td>
                <td className="p-2">{l.gapToExplain ? <strong className="text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Explication requise</strong> : (l.gapExplanation ?? "—")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {missing > 0 ? <p className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{missing} écart(s) à expliquer (convention cadre, art. 7.3).</p> : null}
      {editable ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Saisir les dépenses réalisées</h3>
          {file.lines.map((l) => <ActualForm key={`${l.id}-${l.version}`} fileId={file.id} line={l} />)}
        </div>
      ) : null}
      {file.finalBalance ? (
        <div data-testid="final-balance">
          <h3 className="font-semibold">Montant définitif</h3>
          <ol className="list-decimal pl-6">
            {file.finalBalance.steps.map((s) => <li key={s.label}>{s.text}</li>)}
          </ol>
          <p className="mt-2 font-semibold">
            {file.finalBalance.outcome === "REFUND"
              ? `Ordre de reversement à émettre : ${formatCents(-file.finalBalance.balanceCents)}`
              : file.finalBalance.outcome === "LAST_PAYMENT"
                ? `Dernier versement à effectuer : ${formatCents(file.finalBalance.balanceCents)}`
                : "Aucun solde : les versements égalent le montant définitif."}
          </p>
        </div>
      ) : (
        <p className="text-sm text-muted">Le montant définitif sera calculé dès la saisie des dépenses réalisées.</p>
      )}
    </Card>
  );
}
