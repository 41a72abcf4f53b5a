// Issue 22 §4 — the indicators of a Région annual convention, chosen from the catalogue with their
// target. Convention cadre Région art. 3.1 « Les indicateurs seront définis lors de l'élaboration des
// conventions financières annuelles » ; art. 5 « La convention financière annuelle, déterminera […] Les
// objectifs qualitatifs et quantitatifs pour la période concernée ». Who may choose them follows the
// role table (objective.write: the platform's manager, the Région referent); others read them.
import { ObjectivesForm } from "@/components/bilans/objectives-form";
import { Section } from "@/components/ui/card";
import { TableScroll, Td, Th, tableClass } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { ConventionIndicatorRow } from "@/lib/objectives/convention-indicator.service";

export interface CatalogueEntry {
  key: string;
  label: string;
  unit: string;
  family: string;
}

export function ConventionIndicatorsPanel({ platformId, year, chosen, catalogue, canChoose }: {
  platformId: string; year: number; chosen: ConventionIndicatorRow[]; catalogue: CatalogueEntry[]; canChoose: boolean;
}) {
  const byKey = new Map(chosen.map((c) => [c.key, c]));
  return (
    <Section title="Indicateurs et objectifs de la convention" data-testid="convention-indicators"
      description={`Indicateurs du catalogue suivis par la convention financière ${year} (convention cadre, art. 3.1 et 5). Les bilans et le rapport annuel de l'année les reprennent.`}>
      {canChoose ? (
        <p className="text-sm" data-testid="convention-indicators-chosen">
          {chosen.length === 0
            ? "Aucun indicateur choisi : saisissez une cible pour chaque indicateur que la convention suit."
            : `${chosen.length} indicateur${chosen.length > 1 ? "s" : ""} choisi${chosen.length > 1 ? "s" : ""} : ${chosen.map((c) => c.label).join(", ")}. Une cible saisie ajoute un indicateur, une cible vidée le retire.`}
        </p>
      ) : null}
      {canChoose ? (
        <ObjectivesForm key={`${platformId}-${year}`} platformId={platformId} year={year}
          rows={catalogue.map((d) => ({ ...d, target: byKey.get(d.key)?.target ?? null, version: byKey.get(d.key)?.version ?? null }))} />
      ) : chosen.length === 0 ? (
        <p className="text-sm text-muted">Aucun indicateur choisi pour cette convention.</p>
      ) : (
        <TableScroll label={`Indicateurs de la convention ${year}`}>
          <table className={tableClass}>
            <caption className="sr-only">Indicateurs de la convention {year}</caption>
            <thead><tr><Th>Famille</Th><Th>Indicateur</Th><Th numeric>Cible annuelle</Th></tr></thead>
            <tbody>
              {chosen.map((c) => (
                <tr key={c.key}><Td>{c.family}</Td><Td>{c.label}</Td><Td numeric>{new Intl.NumberFormat("fr-FR").format(c.target)} {c.unit}</Td></tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canChoose ? <p className="text-sm"><TextLink href={`/bilans/objectifs?platformId=${platformId}&year=${year}`}>Voir les objectifs atteints de l&apos;année</TextLink></p> : null}
    </Section>
  );
}
