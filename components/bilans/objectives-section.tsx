// "Objectifs atteints vs cibles": a bar chart of achieved against target per indicator, with its
// table (the percentage and whether it is met are written out, not only shown by colour).
import { ChartCard, fmt } from "@/components/bilans/bilan-tables";
import { Disclosure } from "@/components/ui/disclosure";
import { ToneText } from "@/components/ui/tone-text";
import type { ObjectivesView } from "@/lib/objectives/objective.service";

export function ObjectivesSection({ view, scopeName }: { view: ObjectivesView; scopeName: string }) {
  const title = `Objectifs atteints vs cibles — ${view.year}`;
  return (
    <section aria-labelledby="objectives-title" className="flex flex-col gap-3" data-testid="objectives-section">
      <h2 id="objectives-title" className="text-lg font-semibold">{title}</h2>
      {view.rows.length === 0 ? (
        <p role="status" className="rounded border border-dashed p-4">Aucun objectif saisi pour {scopeName} en {view.year}.</p>
      ) : (
        <>
          {view.provisional ? <p className="text-sm"><strong>Provisoire :</strong> l&apos;année n&apos;est pas entièrement écoulée ou clôturée.</p> : null}
          <ChartCard id="objectives" kind="bar" horizontal title={title} description={`${scopeName} : réalisé sur l'année comparé à la cible de la convention.`}
            rows={view.rows.map((r) => ({ label: r.label, achieved: r.achieved, target: r.target }))}
            series={[{ key: "achieved", label: "Réalisé" }, { key: "target", label: "Cible" }]} />
          <Disclosure summary="Taux d'atteinte de chaque objectif" className="-mt-2">
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Taux d'atteinte des objectifs">
            <table className="min-w-full text-sm" data-testid="objectives-table">
              <caption className="text-left font-medium">Taux d&apos;atteinte — {scopeName} — {view.year}</caption>
              <thead><tr><th scope="col" className="px-2 py-1 text-left">Indicateur</th><th scope="col" className="px-2 py-1 text-right">Cible</th><th scope="col" className="px-2 py-1 text-right">Réalisé</th><th scope="col" className="px-2 py-1 text-right">Atteinte</th><th scope="col" className="px-2 py-1 text-left">Objectif</th></tr></thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.key} className="border-t border-gray-200">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{r.label}</th>
                    <td className="px-2 py-1 text-right tabular-nums">{fmt(r.target)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{fmt(r.achieved)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{r.percent} %</td>
                    <td className="px-2 py-1">{r.met ? <ToneText tone="good">atteint</ToneText> : <ToneText tone="warn">non atteint</ToneText>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </Disclosure>
        </>
      )}
    </section>
  );
}
