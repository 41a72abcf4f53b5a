"use client";
// Issue 22 §4 — compte rendu financier, convention cadre Région art. 7.3: « un compte rendu
// financier retraçant les charges et les produits […] qui fera apparaître les écarts éventuels entre
// le budget prévisionnel et le budget réalisé. Ces écarts feront l'objet d'une explication ».
// The products beside the charges (which FinalBalancePanel lists), the totals, the points of
// attention and whether the report is complete (qualitative annex included).
import { useActionState } from "react";
import { recordProductAction } from "@/app/(app)/financement/financial-report-actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { eurosInput } from "@/components/subsidy/budget-editor";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Icon } from "@/components/ui/icons";
import { TableScroll, Td, Th, stackClass, tableClass } from "@/components/ui/table";
import { formatCents } from "@/lib/format";
import type { FinancialReportView } from "@/lib/subsidy/financial-report.service";

type Product = FinancialReportView["products"][number];

function ProductForm({ fileId, line }: { fileId: string; line: Product }) {
  const [state, action, pending] = useActionState(recordProductAction, null);
  const id = `product-${line.kind}`;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2 border-t border-gray-200 pt-2" aria-label={`Produit réalisé : ${line.label}`}>
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="kind" value={line.kind} />
      <input type="hidden" name="version" value={line.version} />
      {/* Keyed on the line's version: after a save the inputs start again from the saved values, while
          the form and its confirmation stay mounted (a key on the version around the form lost it). */}
      <Field key={`amount-${line.version}`} id={`${id}-amount`} name="actualEuros" label={`Réalisé (€) — ${line.label}`} inputMode="decimal" wrapperClassName="w-full sm:w-64"
        defaultValue={line.actualCents === null ? "" : eurosInput(line.actualCents)} error={fieldError(state, "actualEuros", "actualCents")} />
      <Field key={`gap-${line.version}`} id={`${id}-gap`} name="gapExplanation" label={`Explication de l'écart${line.gapToExplain ? " (requise)" : ""}`} wrapperClassName="w-full sm:w-72"
        defaultValue={line.gapExplanation ?? ""} error={fieldError(state, "gapExplanation")} />
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer<span className="sr-only"> le produit {line.label}</span></Button>
      <ActionMessage state={state} success="Produit enregistré." />
    </form>
  );
}

/** Products of the report (forecast = plan de financement), totals charges / products, completeness. */
export function FinancialReportProductsPanel({ fileId, report }: { fileId: string; report: FinancialReportView }) {
  const t = report.totals;
  const toExplain = report.products.filter((p) => p.gapToExplain).length;
  return (
    <Section title="Produits du compte rendu financier" data-testid="report-products"
      description="Convention cadre, art. 7.3 : tableau des charges acquittées et des produits affectés, écarts entre prévu et réalisé expliqués.">
      {/* Below 640 px each product is a card (kit: stackClass), its figures named: no column hidden off-screen. */}
      <TableScroll label="Produits prévus et réalisés">
        <table className={`${tableClass} ${stackClass}`}>
          <caption className="sr-only">Produits prévus et réalisés</caption>
          <thead>
            <tr><Th>Produit</Th><Th numeric>Prévu</Th><Th numeric>Réalisé</Th><Th numeric>Écart</Th><Th>Explication</Th></tr>
          </thead>
          <tbody>
            {report.products.map((p) => (
              <tr key={p.kind}>
                <Td data-label="Produit" className="max-sm:font-semibold">{p.label}</Td>
                <Td numeric data-label="Prévu">{formatCents(p.forecastCents)}</Td>
                <Td numeric data-label="Réalisé">{p.actualCents === null ? "—" : formatCents(p.actualCents)}</Td>
                <Td numeric data-label="Écart">{p.actualCents === null ? "—" : formatCents(p.actualCents - p.forecastCents)}</Td>
                <Td data-label="Explication">{p.gapToExplain ? <strong className="text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Explication requise</strong> : (p.gapExplanation ?? "—")}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {toExplain > 0 ? <p className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{toExplain} écart(s) de produits à expliquer (convention cadre, art. 7.3).</p> : null}
      <TableScroll label="Totaux des charges et des produits">
        <table className={tableClass} data-testid="report-totals">
          <caption className="sr-only">Totaux des charges et des produits</caption>
          <thead><tr><Th>Total</Th><Th numeric>Prévu</Th><Th numeric>Réalisé</Th></tr></thead>
          <tbody>
            <tr><Td>Charges</Td><Td numeric>{formatCents(t.chargesForecastCents)}</Td><Td numeric>{formatCents(t.chargesActualCents)}</Td></tr>
            <tr><Td>Produits</Td><Td numeric>{formatCents(t.productsForecastCents)}</Td><Td numeric>{formatCents(t.productsActualCents)}</Td></tr>
            <tr><Td>Résultat (produits − charges)</Td><Td numeric>{formatCents(t.resultForecastCents)}</Td><Td numeric>{formatCents(t.resultActualCents)}</Td></tr>
          </tbody>
        </table>
      </TableScroll>
      {report.warnings.map((w) => <p key={w} className="text-sm"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{w}</p>)}
      <p className="text-sm text-muted">Le montant définitif (solde) se calcule sur les dépenses éligibles réalisées (art. 4.1 : la Région finance 80 % au plus des dépenses éligibles) ; les produits n&apos;en changent pas le montant.</p>
      {report.canEditProducts ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Saisir les produits réalisés</h3>
          {report.products.map((p) => <ProductForm key={p.kind} fileId={fileId} line={p} />)}
        </div>
      ) : null}
      <div data-testid="report-completeness" role="status">
        {report.completeness.complete ? (
          <p className="text-success"><Icon name="check" className="mr-1 inline-block align-[-2px]" />Compte rendu financier complet : il peut être enregistré comme reçu.</p>
        ) : (
          <>
            <p className="font-semibold"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Compte rendu financier incomplet :</p>
            <ul className="list-disc pl-6 text-sm">{report.completeness.missing.map((m) => <li key={m}>{m}</li>)}</ul>
          </>
        )}
      </div>
    </Section>
  );
}
