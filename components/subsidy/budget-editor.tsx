"use client";

import { useActionState } from "react";
import { addBudgetLineAction, deleteBudgetLineAction, updateSubsidyFileAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { formatCents } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { TableScroll } from "@/components/ui/table";
import { Card } from "@/components/ui/card";

/** Cents → the euro text the forms accept back ("12500,50"). */
export function eurosInput(cents: number): string {
  return (cents / 100).toFixed(2).replace(".", ",");
}

function DeleteLine({ fileId, line }: { fileId: string; line: SubsidyFileDetail["lines"][number] }) {
  const [state, action, pending] = useActionState(deleteBudgetLineAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Supprimer la ligne « ${line.label} » (${formatCents(line.forecastCents)}) ?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="lineId" value={line.id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Supprimer<span className="sr-only"> la ligne {line.label}</span>
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}

function FileHeaderForm({ file }: { file: SubsidyFileDetail }) {
  const [state, action, pending] = useActionState(updateSubsidyFileAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate aria-label="Effectif et financements">
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="version" value={file.version} />
      <Field label="Effectif (ETP)" name="staffEtp" inputMode="decimal" defaultValue={String(file.staffEtp)} error={fieldError(state, "staffEtp")} />
      <Field label="Montant demandé (€)" name="requestedEuros" inputMode="decimal" defaultValue={eurosInput(file.requestedCents)} error={fieldError(state, "requestedEuros")} />
      <Field label="Cofinancement du territoire (€)" name="territoryCofundingEuros" inputMode="decimal" defaultValue={eurosInput(file.territoryCofundingCents)} error={fieldError(state, "territoryCofundingEuros")} />
      <Field label="Autres cofinancements (€)" name="otherCofundingEuros" inputMode="decimal" defaultValue={eurosInput(file.otherCofundingCents)} error={fieldError(state, "otherCofundingEuros")} />
      {file.funder === "FRANCE_TRAVAIL" ? (
        // FT convention art. 3.2 « soit XX % »: the rate of this convention.
        <Field label="Taux de la convention (%)" name="fundingRatePercent" inputMode="decimal" defaultValue={String(file.computation.rateBp / 100).replace(".", ",")}
          hint="Le pourcentage écrit à l'article 3.2 de la convention ; il sert au calcul de la contribution, des tranches, du solde et des reversements."
          error={fieldError(state, "fundingRatePercent") ?? fieldError(state, "fundingRateBp")} />
      ) : null}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>Enregistrer les montants</Button>
        <ActionMessage state={state} success="Montants enregistrés." />
      </div>
    </form>
  );
}

function AddLineForm({ file }: { file: SubsidyFileDetail }) {
  const [state, action, pending] = useActionState(addBudgetLineAction, null);
  const catError = fieldError(state, "category");
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate aria-label="Ajouter une ligne de budget">
      <input type="hidden" name="fileId" value={file.id} />
      <SelectField label="Catégorie de dépense" name="category" defaultValue="" error={catError}>
        <option value="" disabled>Choisir…</option>
        {file.categories.map((c) => (
          <option key={c.code} value={c.code}>{c.label}{c.eligible ? "" : " (non éligible)"}</option>
        ))}
      </SelectField>
      <Field label="Libellé" name="label" error={fieldError(state, "label")} />
      <Field label="Montant prévu (€)" name="forecastEuros" inputMode="decimal" error={fieldError(state, "forecastEuros", "forecastCents")} />
      <div className="flex items-center gap-2 pt-6">
        <input id="field-eligible" type="checkbox" name="eligible" defaultChecked className="h-4 w-4" />
        <label htmlFor="field-eligible" className="text-sm font-medium">Dépense éligible</label>
      </div>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>Ajouter la ligne</Button>
        <ActionMessage state={state} success="Ligne ajoutée." />
      </div>
    </form>
  );
}

export function BudgetEditor({ file }: { file: SubsidyFileDetail }) {
  const catLabel = new Map(file.categories.map((c) => [c.code, c.label]));
  return (
    <Card as="section" aria-labelledby="budget-title" className="flex flex-col gap-4">
      <h2 id="budget-title" className="text-lg font-semibold">Budget prévisionnel</h2>
      {file.canEditBudget ? <FileHeaderForm file={file} /> : (
        <dl className="grid gap-2 text-sm sm:grid-cols-4">
          <div><dt className="text-muted">Effectif</dt><dd>{file.staffEtp.toLocaleString("fr-FR")} ETP</dd></div>
          <div><dt className="text-muted">Montant demandé</dt><dd>{formatCents(file.requestedCents)}</dd></div>
          <div><dt className="text-muted">Cofinancement du territoire</dt><dd>{formatCents(file.territoryCofundingCents)}</dd></div>
          <div><dt className="text-muted">Autres cofinancements</dt><dd>{formatCents(file.otherCofundingCents)}</dd></div>
        </dl>
      )}
      {file.lines.length === 0 ? (
        <p className="text-sm text-muted">Aucune ligne de budget : ajoutez les dépenses prévues ci-dessous.</p>
      ) : (
        <TableScroll label="Lignes du budget prévisionnel">
          <table className="w-full text-left text-sm" data-testid="budget-lines">
            <caption className="sr-only">Lignes du budget prévisionnel</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="p-2">Catégorie</th>
                <th scope="col" className="p-2">Libellé</th>
                <th scope="col" className="p-2">Éligible</th>
                <th scope="col" className="p-2 text-right">Prévu</th>
                <th scope="col" className="p-2 text-right">Réalisé</th>
                {file.canEditBudget ? <th scope="col" className="p-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {file.lines.map((l) => (
                <tr key={l.id} className="border-t border-gray-200">
                  <td className="p-2">{catLabel.get(l.category) ?? `${l.category} (hors liste)`}</td>
                  <td className="p-2">{l.label}</td>
                  <td className="p-2">{l.counted ? "Oui" : l.eligible ? "Non (catégorie non éligible)" : "Non"}</td>
                  <td className="p-2 text-right">{formatCents(l.forecastCents)}</td>
                  <td className="p-2 text-right">{formatCents(l.actualCents)}</td>
                  {file.canEditBudget ? <td className="p-2"><DeleteLine fileId={file.id} line={l} /></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {file.canEditBudget ? <AddLineForm file={file} /> : null}
    </Card>
  );
}
