import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { fmt } from "@/components/bilans/bilan-tables";
import { ObjectivesSection } from "@/components/bilans/objectives-section";
import { PrintButton, QualitativeEditor } from "@/components/bilans/qualitative-editor";
import { Button } from "@/components/ui/button";
import { FilterField, FilterSelect } from "@/components/ui/filter-form";
import { getAnnualReport } from "@/lib/annual-report/annual-report.service";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { bilanPlatforms } from "@/lib/bilans/bilan.query";
import { db } from "@/lib/db";
import { INDICATORS } from "@/lib/indicators/indicators";
import { objectiveYearSchema } from "@/lib/objectives/objective.schema";
import { parisDay } from "@/lib/paris-day";
import { notFoundOnAppError } from "@/lib/page-errors";
import { parseSearchParams } from "@/lib/search-params";
import { formatDate } from "@/lib/format";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Rapport annuel" };

const querySchema = z.object({ platformId: z.uuid().optional(), year: objectiveYearSchema.optional() });

export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("bilan.read");
  const q = parseSearchParams(querySchema, await searchParams);
  const now = new Date();
  const year = q.year ?? parisDay(now).y;
  const platforms = await bilanPlatforms(db, user);
  const platformId = q.platformId ?? platforms[0]?.id;
  if (!platformId) return <p role="status">Aucune plateforme dans votre périmètre.</p>;
  // Another platform's id reads as "not found" (no existence leak).
  const r = await notFoundOnAppError(getAnnualReport(db, user, platformId, year, now));
  return (
    <article className="print-report flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Rapport annuel {r.year} — {r.platformName}</h1>
        <p className="text-muted">
          {r.provisional ? "Chiffres provisoires" : "Chiffres définitifs"} : {r.closedMonths} mois clôturé{r.closedMonths > 1 ? "s" : ""} sur {r.monthCount}.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-4 print:hidden">
        <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Choix de la plateforme et de l'année">
          {platforms.length > 1 ? (
            <FilterSelect id="r-platform" name="platformId" label="Plateforme" defaultValue={r.platformId} all={null} options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
          ) : <input type="hidden" name="platformId" value={r.platformId} />}
          <FilterField id="r-year" type="number" name="year" label="Année" min={2020} max={2100} defaultValue={r.year} className="w-28" />
          <Button type="submit">Afficher</Button>
        </form>
        <a href={`/api/v1/reports/annual/${r.platformId}/${r.year}/export`} className="text-brand-700 underline" data-testid="annual-xlsx">Télécharger le rapport (XLSX)</a>
        <PrintButton />
        <Link href={`/bilans?platformId=${r.platformId}&period=year&month=${r.year}-12`} className="text-brand-700 underline">Tableau de bord de l&apos;année</Link>
      </div>

      <ObjectivesSection view={r.objectives} scopeName={r.platformName} />

      <section aria-labelledby="gov-title" className="flex flex-col gap-2">
        <h2 id="gov-title" className="text-xl font-semibold">Gouvernance : réunions tenues et requises</h2>
        <table className="min-w-full text-sm" data-testid="governance-table">
          <caption className="sr-only">Réunions de gouvernance {r.year}</caption>
          <thead><tr><th scope="col" className="px-2 py-1 text-left">Instance</th><th scope="col" className="px-2 py-1 text-right">Tenues</th><th scope="col" className="px-2 py-1 text-right">Requises</th><th scope="col" className="px-2 py-1 text-left">Respecté</th></tr></thead>
          <tbody>
            {r.governance.map((g) => (
              <tr key={g.kind} className="border-t border-gray-200">
                <th scope="row" className="px-2 py-1 text-left font-normal">{g.label}</th>
                <td className="px-2 py-1 text-right tabular-nums">{g.held}</td>
                <td className="px-2 py-1 text-right tabular-nums">{g.required ?? "—"}</td>
                <td className="px-2 py-1">{g.met ? "oui" : "non"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="fig-title" className="flex flex-col gap-2">
        <h2 id="fig-title" className="text-xl font-semibold">Chiffres de l&apos;année</h2>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Indicateurs {r.year} — {r.platformName}</caption>
          <thead><tr><th scope="col" className="px-2 py-1 text-left">Famille</th><th scope="col" className="px-2 py-1 text-left">Indicateur</th><th scope="col" className="px-2 py-1 text-right">{r.year}</th></tr></thead>
          <tbody>
            {INDICATORS.map((d) => (
              <tr key={d.key} className="border-t border-gray-200 break-inside-avoid">
                <td className="px-2 py-1">{d.family}</td>
                <th scope="row" className="px-2 py-1 text-left font-normal">{d.label}</th>
                <td className="px-2 py-1 text-right tabular-nums">{fmt(r.figures[d.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="qual-title" className="flex flex-col gap-2 break-before-page">
        <h2 id="qual-title" className="text-xl font-semibold">Bilan qualitatif</h2>
        {r.qualitative ? <Card padding="sm" className="whitespace-pre-wrap" data-testid="qualitative-text">{r.qualitative}</Card> : <p className="text-muted">Aucun texte saisi.</p>}
        {r.updatedAt ? <p className="text-sm text-muted">Version {r.version}, modifiée le {formatDate(r.updatedAt)}.</p> : null}
        {can(user, "annualReport.write") ? <QualitativeEditor platformId={r.platformId} year={r.year} text={r.qualitative} version={r.version} /> : null}
      </section>
    </article>
  );
}
