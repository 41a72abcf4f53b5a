import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard, chartRows, IndicatorTable } from "@/components/bilans/bilan-tables";
import { FunnelPanel } from "@/components/bilans/funnel-panel";
import { GovernancePanel } from "@/components/bilans/governance-panel";
import { HeadlineCards } from "@/components/bilans/headline-cards";
import { MonthCloseControls } from "@/components/bilans/month-close-controls";
import { ObjectivesSection } from "@/components/bilans/objectives-section";
import { PlatformComparison } from "@/components/bilans/platform-comparison";
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { ExportLinks } from "@/components/ui/export-links";
import { FilterField, FilterSelect } from "@/components/ui/filter-form";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { dashboardQuerySchema } from "@/lib/bilans/bilan.schema";
import { compareRows, pickIndicators } from "@/lib/bilans/comparison.rules";
import { dashboardData } from "@/lib/bilans/dashboard.query";
import { headlineCards } from "@/lib/bilans/headline.rules";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { currentMonth, isMonthOver, monthLabel, PERIOD_KINDS, PERIOD_LABELS, periodLabel } from "@/lib/indicators/period.rules";
import { objectivesVsTargets } from "@/lib/objectives/objective.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { parseSearchParams } from "@/lib/search-params";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Bilans" };

export default async function BilansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("bilan.read");
  const raw = await searchParams;
  const q = parseSearchParams(dashboardQuerySchema, raw);
  const now = new Date();
  // Another platform's id reads as "not found" (no existence leak).
  const data = await notFoundOnAppError(dashboardData(db, user, q, now));
  const { selected, period, series, trend, total } = data;
  const scopeName = selected?.name ?? "Région — toutes les plateformes";
  const openMonths = series.filter((c) => !c.closed).length;
  const exportBase = `/api/v1/reports/monthly/export?month=${period.anchor}${selected ? `&platformId=${selected.id}` : ""}`;
  const anchorCell = selected ? (series.find((c) => c.month === period.anchor) ?? series[series.length - 1]!) : null;
  const objectiveYear = Number(period.anchor.slice(0, 4));
  const objectives = await objectivesVsTargets(db, user, selected?.id ?? null, objectiveYear, now);
  const cur = currentMonth(now);
  const elapsed = `${objectiveYear}` < cur.slice(0, 4) ? 12 : `${objectiveYear}` > cur.slice(0, 4) ? 0 : Number(cur.slice(5, 7));
  const cards = headlineCards({
    total, lastYearTotal: data.lastYearTotal, trend: trend.map((c) => c.figures),
    objectives: new Map(objectives.rows.map((r) => [r.key, { target: r.target, achieved: r.achieved }])), elapsedMonths: elapsed,
  });

  // Region comparison: picked indicators and sort, carried in the URL.
  const keys = pickIndicators(raw.ind);
  const sortKey = typeof raw.sort === "string" && keys.includes(raw.sort) ? raw.sort : null;
  const sort = { key: sortKey, dir: raw.dir === "asc" ? "asc" as const : "desc" as const };
  const base = { ...(selected ? { platformId: selected.id } : {}), period: period.kind, month: period.anchor };
  const hrefFor = (p: { sort?: string; dir?: "asc" | "desc" }) => {
    const u = new URLSearchParams(base);
    for (const k of keys) u.append("ind", k);
    if (p.sort) u.set("sort", p.sort);
    if (p.dir) u.set("dir", p.dir);
    return `/bilans?${u.toString()}#compare-title`;
  };

  return (
    <article className="print-report flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Bilans d&apos;activité</h1>
          <p className="text-sm text-muted" data-testid="bilan-scope">
            {scopeName} · {periodLabel(period)}
            {openMonths > 0 ? (
              <span data-testid="provisional-notice"> · <strong className="text-ink">chiffres provisoires</strong> : {openMonths} mois non clôturé{openMonths > 1 ? "s" : ""}, encore modifiable{openMonths > 1 ? "s" : ""}</span>
            ) : null}
          </p>
        </div>
        <ExportLinks what={`bilan de ${monthLabel(period.anchor)}`} links={[
          { href: `${exportBase}&format=xlsx`, label: "Excel (XLSX)" },
          { href: `${exportBase}&format=csv`, label: "CSV" },
        ]}>
          <PrintButton label="PDF / imprimer" variant="secondary" />
        </ExportLinks>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label="Choix de la période">
        {data.platforms.length > 1 ? (
          <FilterSelect id="f-platform" name="platformId" label="Plateforme" defaultValue={selected?.id} all="Région (toutes, comparées)" options={data.platforms.map((p) => ({ value: p.id, label: p.name }))} />
        ) : null}
        <FilterSelect id="f-period" name="period" label="Période" defaultValue={period.kind} all={null} options={PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_LABELS[k] }))} />
        <FilterField id="f-month" type="month" name="month" label="Mois de référence" defaultValue={period.anchor} />
        <Button type="submit">Afficher</Button>
        <Link href="/bilans/indicateurs" className="py-2 text-sm text-brand-700 underline">Ce que compte chaque indicateur</Link>
      </form>

      <HeadlineCards cards={cards} year={objectiveYear} sparkLabel="12 derniers mois" />

      <section aria-labelledby="charts-title" className="flex flex-col gap-3">
        <h2 id="charts-title" className="sr-only">Tendances</h2>
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          <ChartCard id="trend" kind="line" height="sm" title="Offres, demandeurs et embauches sur 12 mois" description="Par mois ; les mois non clôturés sont marqués « provisoire »."
            rows={chartRows(trend, (f) => ({ offersCollected: f.offersCollected ?? 0, jobSeekersReceived: f.jobSeekersReceived ?? 0, hires: f.hires ?? 0 }))}
            series={[{ key: "offersCollected", label: "Offres recueillies" }, { key: "jobSeekersReceived", label: "Demandeurs reçus" }, { key: "hires", label: "Embauches" }]} />
          <FunnelPanel steps={data.funnel} periodText={`sur la période (${periodLabel(period)})`} />
          <ChartCard id="hidden" kind="bar" stacked height="sm" title="Part du marché caché" description="Offres recueillies par mois : marché caché et offres visibles."
            rows={chartRows(trend, (f) => ({ hidden: f.offersHiddenMarket ?? 0, visible: (f.offersCollected ?? 0) - (f.offersHiddenMarket ?? 0) }))}
            series={[{ key: "hidden", label: "Marché caché" }, { key: "visible", label: "Offres visibles" }]} />
          <ChartCard id="callbacks" kind="line" height="sm" title="Rappels numéro vert" description="Délai médian de rappel (jours) et rappels en retard, par mois."
            rows={chartRows(trend, (f) => ({ delay: f.callbackMedianDelayDays ?? null, overdue: f.callbacksOverdue ?? 0 }))}
            series={[{ key: "delay", label: "Délai médian (jours)" }, { key: "overdue", label: "Rappels en retard" }]} />
          <ChartCard id="events" kind="bar" height="sm" title="Circuit court" description="Réunions tenues et jeunes présents, par mois."
            rows={chartRows(trend, (f) => ({ events: f.eventsHeld ?? 0, young: f.eventYoungParticipants ?? 0 }))}
            series={[{ key: "events", label: "Réunions tenues" }, { key: "young", label: "Jeunes présents" }]} />
          <GovernancePanel g={data.governance} scopeName={scopeName} platformCount={selected ? 1 : data.platforms.length} />
        </div>
      </section>

      {selected && anchorCell && (can(user, "bilan.close") || can(user, "bilan.reopen") || can(user, "bilan.review")) ? (
        <Card as="section" padding="sm" aria-labelledby="close-title" className="print:hidden">
          <h2 id="close-title" className="text-lg font-semibold">Clôture du mois</h2>
          <MonthCloseControls
            platformId={selected.id} platformName={selected.name} month={anchorCell.month} monthLabel={monthLabel(anchorCell.month)}
            closed={anchorCell.closed} snapshotVersion={anchorCell.snapshotVersion} monthOver={isMonthOver(anchorCell.month, now)}
            canClose={can(user, "bilan.close")} canReopen={can(user, "bilan.reopen")}
            canReview={can(user, "bilan.review")} reviewedAt={anchorCell.reviewedAt ? formatDateTime(anchorCell.reviewedAt) : null}
          />
        </Card>
      ) : null}

      <ObjectivesSection view={objectives} scopeName={scopeName} />
      <p className="-mt-2 flex flex-wrap gap-4 text-sm print:hidden">
        {can(user, "objective.write") ? <Link href={`/bilans/objectifs?year=${objectiveYear}${selected ? `&platformId=${selected.id}` : ""}`} className="text-brand-700 underline">Saisir les objectifs de la convention</Link> : null}
        {selected ? <Link href={`/bilans/rapport-annuel?platformId=${selected.id}&year=${objectiveYear}`} className="text-brand-700 underline">Rapport annuel {objectiveYear}</Link> : null}
      </p>

      {!selected ? (
        <PlatformComparison
          rows={compareRows(data.comparison.map((c) => ({ platform: c.platform, total: c.total, provisional: c.series.some((m) => !m.closed) })), total, keys, sort)}
          keys={keys} regionTotal={total} sort={sort} hrefFor={hrefFor} />
      ) : null}

      <section aria-labelledby="all-title" className="flex flex-col gap-2">
        <h2 id="all-title" className="text-lg font-semibold">Tous les indicateurs</h2>
        <Disclosure summary={`Tableau complet : ${scopeName}, ${periodLabel(period)}`} testId="all-indicators">
          <IndicatorTable series={series} total={total} caption={`Indicateurs — ${scopeName} — ${periodLabel(period)}`} />
        </Disclosure>
      </section>
    </article>
  );
}
