import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard, chartRows, ComparisonTable, fmt, IndicatorTable } from "@/components/bilans/bilan-tables";
import { MonthCloseControls } from "@/components/bilans/month-close-controls";
import { ObjectivesSection } from "@/components/bilans/objectives-section";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { dashboardQuerySchema } from "@/lib/bilans/bilan.schema";
import { dashboardData } from "@/lib/bilans/dashboard.query";
import { db } from "@/lib/db";
import { isMonthOver, monthLabel, PERIOD_KINDS, PERIOD_LABELS, periodLabel } from "@/lib/indicators/period.rules";
import { objectivesVsTargets } from "@/lib/objectives/objective.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Bilans" };

const KEY_FIGURES = ["offersCollected", "offersHiddenMarket", "hires", "jobSeekersReceived", "companiesVisited", "eventsHeld"];

export default async function BilansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("bilan.read");
  const q = parseSearchParams(dashboardQuerySchema, await searchParams);
  const now = new Date();
  // Another platform's id reads as "not found" (no existence leak).
  const data = await notFoundOnAppError(dashboardData(db, user, q, now));
  const { selected, period, series, trend, total } = data;
  const scopeName = selected?.name ?? "Région — toutes les plateformes";
  const openMonths = series.filter((c) => !c.closed).length;
  const exportBase = `/api/v1/reports/monthly/export?month=${period.anchor}${selected ? `&platformId=${selected.id}` : ""}`;
  const anchorCell = selected ? (series.find((c) => c.month === period.anchor) ?? series[series.length - 1]!) : null;
  const label = (key: string) => total[key];
  const objectiveYear = Number(period.anchor.slice(0, 4));
  const objectives = await objectivesVsTargets(db, user, selected?.id ?? null, objectiveYear, now);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Bilans d&apos;activité</h1>
        <p className="text-muted">
          {scopeName} · {periodLabel(period)}.{" "}
          <Link href="/bilans/indicateurs" className="text-brand-700 underline">Ce que compte chaque indicateur</Link>
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-gray-300 bg-white p-4" aria-label="Choix de la période">
        {data.platforms.length > 1 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="f-platform" className="text-sm font-medium">Plateforme</label>
            <select id="f-platform" name="platformId" defaultValue={selected?.id ?? ""} className="rounded border border-gray-400 px-3 py-2">
              <option value="">Région (toutes, comparées)</option>
              {data.platforms.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="f-period" className="text-sm font-medium">Période</label>
          <select id="f-period" name="period" defaultValue={period.kind} className="rounded border border-gray-400 px-3 py-2">
            {PERIOD_KINDS.map((k) => <option key={k} value={k}>{PERIOD_LABELS[k]}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-month" className="text-sm font-medium">Mois de référence</label>
          <input id="f-month" type="month" name="month" defaultValue={period.anchor} className="rounded border border-gray-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">Afficher</button>
      </form>

      {openMonths > 0 ? (
        <p className="rounded border border-warning bg-white p-3 text-sm" data-testid="provisional-notice">
          <strong>Chiffres provisoires :</strong> {openMonths} mois de la période {openMonths > 1 ? "ne sont pas clôturés" : "n'est pas clôturé"} et peuvent encore changer.
        </p>
      ) : null}

      <section aria-labelledby="key-figures" className="flex flex-col gap-3">
        <h2 id="key-figures" className="text-xl font-semibold">Chiffres clés de la période</h2>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          {KEY_FIGURES.map((k) => (
            <li key={k} className="rounded-lg border border-gray-300 bg-white p-3" data-testid={`kpi-${k}`}>
              <p className="text-sm text-muted">{INDICATOR_LABELS[k]}</p>
              <p className="text-2xl font-bold tabular-nums">{fmt(label(k))}</p>
            </li>
          ))}
        </ul>
      </section>

      {selected && anchorCell && (can(user, "bilan.close") || can(user, "bilan.reopen")) ? (
        <section aria-labelledby="close-title" className="rounded-lg border border-gray-300 bg-white p-4">
          <h2 id="close-title" className="text-xl font-semibold">Clôture du mois</h2>
          <MonthCloseControls
            platformId={selected.id} platformName={selected.name} month={anchorCell.month} monthLabel={monthLabel(anchorCell.month)}
            closed={anchorCell.closed} snapshotVersion={anchorCell.snapshotVersion} monthOver={isMonthOver(anchorCell.month, now)}
            canClose={can(user, "bilan.close")} canReopen={can(user, "bilan.reopen")}
          />
        </section>
      ) : null}

      <section aria-labelledby="charts-title" className="flex flex-col gap-4">
        <h2 id="charts-title" className="text-xl font-semibold">Tendances</h2>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <ChartCard id="trend" kind="line" title="Offres, demandeurs et embauches sur 12 mois" description="Par mois ; les mois non clôturés sont marqués « provisoire »."
            rows={chartRows(trend, (f) => ({ offersCollected: f.offersCollected ?? 0, jobSeekersReceived: f.jobSeekersReceived ?? 0, hires: f.hires ?? 0 }))}
            series={[{ key: "offersCollected", label: "Offres recueillies" }, { key: "jobSeekersReceived", label: "Demandeurs reçus" }, { key: "hires", label: "Embauches" }]} />
          <ChartCard id="funnel" kind="bar" horizontal title="Des offres aux embauches" description={`Sur la période (${periodLabel(period)}).`}
            rows={[
              { label: "Postes proposés", value: total.positionsOffered ?? 0 },
              { label: "Positionnements", value: total.proposalsJob ?? 0 },
              { label: "Acceptés", value: total.proposalsAccepted ?? 0 },
              { label: "Embauches", value: total.hires ?? 0 },
            ]}
            series={[{ key: "value", label: "Nombre" }]} />
          <ChartCard id="hidden" kind="bar" stacked title="Part du marché caché" description="Offres recueillies par mois : marché caché et offres visibles."
            rows={chartRows(trend, (f) => ({ hidden: f.offersHiddenMarket ?? 0, visible: (f.offersCollected ?? 0) - (f.offersHiddenMarket ?? 0) }))}
            series={[{ key: "hidden", label: "Marché caché" }, { key: "visible", label: "Offres visibles" }]} />
          <ChartCard id="callbacks" kind="line" title="Rappels numéro vert" description="Délai médian de rappel (jours) et rappels en retard, par mois."
            rows={chartRows(trend, (f) => ({ delay: f.callbackMedianDelayDays ?? null, overdue: f.callbacksOverdue ?? 0 }))}
            series={[{ key: "delay", label: "Délai médian (jours)" }, { key: "overdue", label: "Rappels en retard" }]} />
          <ChartCard id="events" kind="bar" title="Circuit court" description="Réunions tenues et jeunes présents, par mois."
            rows={chartRows(trend, (f) => ({ events: f.eventsHeld ?? 0, young: f.eventYoungParticipants ?? 0 }))}
            series={[{ key: "events", label: "Réunions tenues" }, { key: "young", label: "Jeunes présents" }]} />
        </div>
      </section>

      <ObjectivesSection view={objectives} scopeName={scopeName} />
      <p className="-mt-4 flex flex-wrap gap-4 text-sm">
        {can(user, "objective.write") ? <Link href={`/bilans/objectifs?year=${objectiveYear}${selected ? `&platformId=${selected.id}` : ""}`} className="text-brand-700 underline">Saisir les objectifs de la convention</Link> : null}
        {selected ? <Link href={`/bilans/rapport-annuel?platformId=${selected.id}&year=${objectiveYear}`} className="text-brand-700 underline">Rapport annuel {objectiveYear}</Link> : null}
      </p>

      {!selected ? (
        <section aria-labelledby="compare-title" className="flex flex-col gap-2">
          <h2 id="compare-title" className="text-xl font-semibold">Plateformes côte à côte</h2>
          <ComparisonTable rows={data.comparison} regionTotal={total} />
        </section>
      ) : null}

      <section aria-labelledby="all-title" className="flex flex-col gap-2">
        <h2 id="all-title" className="text-xl font-semibold">Tous les indicateurs</h2>
        <p className="text-sm">
          Bilan de {monthLabel(period.anchor)} :{" "}
          <a href={`${exportBase}&format=xlsx`} className="text-brand-700 underline">Excel (XLSX)</a> ·{" "}
          <a href={`${exportBase}&format=csv`} className="text-brand-700 underline">CSV</a>
        </p>
        <IndicatorTable series={series} total={total} caption={`Indicateurs — ${scopeName} — ${periodLabel(period)}`} />
      </section>
    </div>
  );
}

const INDICATOR_LABELS: Record<string, string> = {
  offersCollected: "Offres recueillies",
  offersHiddenMarket: "dont marché caché",
  hires: "Embauches",
  jobSeekersReceived: "Demandeurs reçus",
  companiesVisited: "Entreprises visitées",
  eventsHeld: "Réunions circuit court",
};
