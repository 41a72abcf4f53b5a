import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { JOB_FUNNEL_STEPS } from "@/lib/bilans/funnel.rules";
import { INDICATORS, INDICATORS_VERSION } from "@/lib/indicators/indicators";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Définitions des indicateurs" };

const AGGREGATION = { sum: "somme des mois", stock: "valeur du dernier mois", median: "médiane des mois" };

export default async function IndicatorDefinitionsPage() {
  await requirePageUser("bilan.read");
  const families = [...new Set(INDICATORS.map((d) => d.family))];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Définitions des indicateurs</h1>
      <p className="text-muted">
        Version {INDICATORS_VERSION}. Chaque mois clôturé garde la version des définitions avec laquelle il a été calculé.
        Les mois sont des mois civils à l&apos;heure de Paris. <Link href="/bilans" className="text-brand-700 underline">Retour aux bilans</Link>
      </p>
      {families.map((fam) => (
        <Card as="section" key={fam} aria-labelledby={`fam-${fam}`}>
          <h2 id={`fam-${fam}`} className="mb-2 text-xl font-semibold first-letter:uppercase">{fam}</h2>
          <dl className="flex flex-col gap-3">
            {INDICATORS.filter((d) => d.family === fam).map((d) => (
              <div key={d.key} data-indicator={d.key}>
                <dt className="font-semibold">{d.label} <span className="text-sm font-normal text-muted">— en {d.unit} ; sur une période : {AGGREGATION[d.aggregation]}</span></dt>
                <dd className="text-sm">{d.definition} <code className="text-xs text-muted">{d.key}</code></dd>
              </div>
            ))}
          </dl>
        </Card>
      ))}
      <Card as="section" aria-labelledby="fam-funnel" data-testid="funnel-definitions">
        <h2 id="fam-funnel" className="mb-2 text-xl font-semibold">Des positionnements aux embauches (entonnoir)</h2>
        <p className="mb-2 text-sm">
          Une seule cohorte — les positionnements sur offre faits dans la période — suivie jusqu&apos;à son état d&apos;aujourd&apos;hui :
          chaque étape est une partie de la précédente. Calculé à la date d&apos;affichage, il n&apos;est pas figé à la clôture du mois.
          Gouvernance : les réunions tenues se comptent par année civile, en nombre entier, face à la fourchette annuelle du jeu de règles.
        </p>
        <dl className="flex flex-col gap-3">
          {JOB_FUNNEL_STEPS.map((s) => (
            <div key={s.key}>
              <dt className="font-semibold">{s.label}</dt>
              <dd className="text-sm">{s.definition}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
