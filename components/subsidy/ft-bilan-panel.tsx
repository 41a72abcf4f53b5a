// France Travail convention art. 5: the intermediate and final bilans on the file (figures over the
// period, the porteur's indicators, the budget update, the due date), with their XLSX export.
import type { ReactNode } from "react";
import { FtBilanForm } from "@/components/subsidy/ft-bilan-form";
import { StatusBadge, type Tone } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { ExportLinks } from "@/components/ui/export-links";
import { TableScroll, Td, Th } from "@/components/ui/table";
import { formatCents, formatDate } from "@/lib/format";
import type { FtBilanDto } from "@/lib/france-travail/ft-bilan.schema";

const CHECK: Record<FtBilanDto["check"]["state"], { tone: Tone; label: string }> = {
  ON_TIME: { tone: "success", label: "Reçu à temps" },
  LATE: { tone: "danger", label: "Reçu en retard" },
  AWAITED: { tone: "info", label: "Attendu" },
  OVERDUE: { tone: "danger", label: "En retard" },
  NO_MEETING: { tone: "neutral", label: "Réunion non fixée" },
};

function Bilan({ b, title, children }: { b: FtBilanDto; title: string; children?: ReactNode }) {
  const kind = b.kind === "INTERMEDIATE" ? "intermédiaire" : "final";
  return (
    <Section
      title={title}
      headingLevel={3}
      data-testid={`ft-bilan-${b.kind.toLowerCase()}`}
      description={`Du ${formatDate(b.period.from)} au ${formatDate(b.period.to)}.`}
      actions={<ExportLinks what={`bilan ${kind} France Travail`} links={[{ href: `/api/v1/subsidy-files/${b.file.id}/ft-bilan?kind=${b.kind}&format=xlsx`, label: "XLSX" }]} />}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge tone={CHECK[b.check.state].tone}>{CHECK[b.check.state].label}</StatusBadge>
        <span>{b.check.message}</span>
      </p>
      <TableScroll label={`Indicateurs du bilan ${kind}`}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Indicateurs du bilan {kind}</caption>
          <thead><tr><Th scope="col">Indicateur</Th><Th scope="col" numeric>Valeur</Th><Th scope="col" numeric>Cible</Th><Th scope="col">Unité</Th></tr></thead>
          <tbody>
            {b.porteurIndicators.map((p) => (
              <tr key={p.id} className="border-t"><Th scope="row" className="font-normal">{p.label} <span className="text-muted">(porteur)</span></Th><Td numeric>{p.value ?? "—"}</Td><Td numeric>{p.target ?? "—"}</Td><Td>{p.unit ?? ""}</Td></tr>
            ))}
            {b.indicators.map((i) => (
              <tr key={i.key} className="border-t"><Th scope="row" className="font-normal">{i.label}</Th><Td numeric>{i.display}</Td><Td numeric>—</Td><Td>{i.unit}</Td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="text-sm text-muted">{b.masking.note}</p>
      <details className="text-sm">
        <summary>Mesures de l&apos;article 5 sans donnée dans l&apos;application</summary>
        <ul className="ml-5 list-disc">{b.noData.map((n) => <li key={n}>{n}</li>)}</ul>
      </details>
      {children}
    </Section>
  );
}

function BudgetTable({ b }: { b: FtBilanDto }) {
  return (
    <TableScroll label="Budget actualisé">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Budget : prévu initial, prévu actualisé, réalisé</caption>
        <thead><tr><Th scope="col">Ligne</Th><Th scope="col" numeric>Prévu initial</Th><Th scope="col" numeric>Prévu actualisé</Th><Th scope="col" numeric>Réalisé</Th><Th scope="col" numeric>Écart</Th></tr></thead>
        <tbody>
          {b.budget.rows.map((r) => (
            <tr key={r.id} className="border-t">
              <Th scope="row" className="font-normal">{r.label}{r.eligible ? "" : " (non éligible)"}</Th>
              <Td numeric>{formatCents(r.forecastCents)}</Td><Td numeric>{formatCents(r.currentForecastCents)}</Td><Td numeric>{formatCents(r.actualCents)}</Td><Td numeric>{formatCents(r.gapCents)}</Td>
            </tr>
          ))}
          <tr className="border-t font-semibold">
            <Th scope="row">Dont dépenses éligibles</Th>
            <Td numeric>{formatCents(b.budget.eligible.forecastCents)}</Td><Td numeric>{formatCents(b.budget.eligible.currentForecastCents)}</Td><Td numeric>{formatCents(b.budget.eligible.actualCents)}</Td><Td numeric>—</Td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

export function FtBilanPanel({ bilans, canWrite }: { bilans: { intermediate: FtBilanDto; final: FtBilanDto } | null; canWrite: boolean }) {
  return (
    <Section title="Bilans France Travail (article 5)" description="Chiffres du projet sur la période (une personne vue plusieurs mois compte une fois), sans donnée nominative.">
      {bilans === null ? (
        <p>Les bilans courent à partir de la signature de la convention.</p>
      ) : (
        <>
          <Bilan b={bilans.intermediate} title="Bilan intermédiaire">
            <p className="text-sm"><strong>Étapes déjà mises en œuvre :</strong> {bilans.intermediate.steps.done ?? "non renseigné"}</p>
            <p className="text-sm"><strong>Étapes à venir :</strong> {bilans.intermediate.steps.ahead ?? "non renseigné"}</p>
            <BudgetTable b={bilans.intermediate} />
            {canWrite ? <FtBilanForm bilan={bilans.intermediate} /> : null}
          </Bilan>
          <Bilan b={bilans.final} title="Bilan final"><BudgetTable b={bilans.final} /></Bilan>
        </>
      )}
    </Section>
  );
}
