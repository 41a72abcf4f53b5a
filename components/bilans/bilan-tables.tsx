// Server-rendered tables of the bilans dashboard: each chart's data table, the full indicator table
// of the period and the side-by-side platform comparison. Open months are marked "provisoire" in
// words (not only by style).
import type { ReactNode } from "react";
import { BilanChart, type ChartRow, type ChartSeries } from "@/components/bilans/bilan-chart";
import { Disclosure } from "@/components/ui/disclosure";
import type { MonthFigures } from "@/lib/bilans/bilan.query";
import { INDICATORS as ALL_INDICATORS, type Figures } from "@/lib/indicators/indicators";
import { shortMonthLabel } from "@/lib/indicators/period.rules";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table";

/**
 * Indicators shown on screen: the governance minimum spread at a twelfth per month is left out —
 * governance is read as whole counts per year against the required range (GovernancePanel).
 */
const INDICATORS = ALL_INDICATORS.filter((d) => d.key !== "governanceMeetingsRequired");

const nf = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
export const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "—" : nf.format(v));

export function monthHeader(c: MonthFigures): ReactNode {
  return (
    <>
      {shortMonthLabel(c.month)}
      {c.closed ? null : <span className="block text-xs font-normal italic">provisoire</span>}
    </>
  );
}

/** A chart with its data table one disclosure away (folded; in the page for screen readers). */
export function ChartCard({ id, title, description, kind, rows, series, stacked, horizontal, height, footer }: {
  id: string; title: string; description: string; kind: "line" | "bar"; rows: ChartRow[]; series: ChartSeries[]; stacked?: boolean; horizontal?: boolean;
  height?: "sm" | "md"; footer?: ReactNode;
}) {
  return (
    <Card as="section" padding="sm" aria-labelledby={`${id}-title`} className="chart-card" data-testid={`chart-${id}`}>
      <h3 id={`${id}-title`} className="text-base font-semibold">{title}</h3>
      <p className="text-xs text-muted">{description}</p>
      <BilanChart kind={kind} rows={rows} series={series} stacked={stacked} horizontal={horizontal} height={height} />
      {footer}
      <Disclosure summary={<>Tableau des données<span className="sr-only"> : {title}</span></>} className="mt-1">
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Données : ${title}`}>
          <table className="mt-2 min-w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left">{horizontal ? "Étape" : "Mois"}</th>
                {series.map((s) => <th key={s.key} scope="col" className="px-2 py-1 text-right">{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-t border-gray-200">
                  <th scope="row" className="px-2 py-1 text-left font-normal">{r.label}</th>
                  {series.map((s) => <td key={s.key} className="px-2 py-1 text-right tabular-nums">{fmt(r[s.key] as number | null)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Disclosure>
    </Card>
  );
}

/** Month rows for a chart: label "mars 26 (provisoire)" for open months, values picked by key. */
export function chartRows(series: MonthFigures[], pick: (f: Figures) => Record<string, number | null>): ChartRow[] {
  return series.map((c) => ({ label: `${shortMonthLabel(c.month)}${c.closed ? "" : " (provisoire)"}`, ...pick(c.figures) }));
}

export function IndicatorTable({ series, total, caption }: { series: MonthFigures[]; total: Figures; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="min-w-full text-sm" data-testid="indicator-table">
        <caption className="p-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className="sticky left-0 bg-gray-50 px-2 py-1 text-left">Indicateur</th>
            {series.length > 1 ? series.map((c) => <th key={c.month} scope="col" className="px-2 py-1 text-right">{monthHeader(c)}</th>) : null}
            <th scope="col" className="px-2 py-1 text-right">{series.length > 1 ? "Période" : series[0] ? monthHeader(series[0]) : "Valeur"}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((d) => (
            <tr key={d.key} className="border-t border-gray-200" data-indicator={d.key}>
              <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                {d.label} <span className="text-xs text-muted">({d.unit})</span>
              </th>
              {series.length > 1 ? series.map((c) => <td key={c.month} className="px-2 py-1 text-right tabular-nums">{fmt(c.figures[d.key])}</td>) : null}
              <td className="px-2 py-1 text-right font-semibold tabular-nums">{fmt(total[d.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ComparisonTable({ rows, regionTotal }: { rows: { platform: { id: string; name: string }; total: Figures; series: MonthFigures[] }[]; regionTotal: Figures }) {
  return (
    <TableScroll label="Comparaison des plateformes">
      <table className="min-w-full text-sm" data-testid="comparison-table">
        <caption className="p-2 text-left font-semibold">Comparaison des plateformes sur la période</caption>
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className="sticky left-0 bg-gray-50 px-2 py-1 text-left">Indicateur</th>
            {rows.map((r) => (
              <th key={r.platform.id} scope="col" className="px-2 py-1 text-right">
                {r.platform.name}
                {r.series.some((c) => !c.closed) ? <span className="block text-xs font-normal italic">provisoire</span> : null}
              </th>
            ))}
            <th scope="col" className="px-2 py-1 text-right">Total région</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((d) => (
            <tr key={d.key} className="border-t border-gray-200">
              <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">{d.label}</th>
              {rows.map((r) => <td key={r.platform.id} className="px-2 py-1 text-right tabular-nums">{fmt(r.total[d.key])}</td>)}
              <td className="px-2 py-1 text-right font-semibold tabular-nums">{fmt(regionTotal[d.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
