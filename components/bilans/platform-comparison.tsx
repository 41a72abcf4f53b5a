// Region view: platforms side by side on the indicators the user picks — small multiples (one bar
// list per indicator, same scale within an indicator) then a sortable table with each platform's
// share and the region total, folded.
import Link from "next/link";
import { fmt } from "@/components/bilans/bilan-tables";
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { COMPARABLE, type ComparedRow } from "@/lib/bilans/comparison.rules";
import { INDICATOR_BY_KEY, type Figures } from "@/lib/indicators/indicators";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table";

export function PlatformComparison({ rows, keys, regionTotal, sort, hrefFor }: {
  rows: ComparedRow[]; keys: string[]; regionTotal: Figures; sort: { key: string | null; dir: "asc" | "desc" };
  /** URL of the page with other comparison parameters (keeps the period and the picked indicators). */
  hrefFor: (p: { sort?: string; dir?: "asc" | "desc" }) => string;
}) {
  return (
    <section aria-labelledby="compare-title" className="flex flex-col gap-2">
      <h2 id="compare-title" className="text-lg font-semibold">Plateformes côte à côte</h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="small-multiples">
        {keys.map((k) => {
          const max = Math.max(1, ...rows.map((r) => r.cells[k]!.value ?? 0));
          return (
            <Card as="li" padding="sm" key={k}>
              <h3 className="text-sm font-semibold">{INDICATOR_BY_KEY.get(k)!.label}</h3>
              <ul className="mt-1 flex flex-col gap-1 text-xs">
                {rows.map((r) => (
                  <li key={r.platform.id} className="grid grid-cols-[7.5rem_1fr] items-center gap-1">
                    <span className="truncate">{r.platform.name}</span>
                    <span className="flex items-center gap-1">
                      <span aria-hidden="true" className="block h-3 rounded-sm bg-brand-600" style={{ width: `${((r.cells[k]!.value ?? 0) / max) * 70}%` }} />
                      <span className="tabular-nums">{fmt(r.cells[k]!.value)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </ul>
      <Disclosure summary="Choisir les indicateurs comparés">
        <form method="get" className="flex flex-col gap-2" aria-label="Indicateurs comparés">
          <fieldset className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <legend className="text-sm font-medium">Indicateurs</legend>
            {COMPARABLE.map((d) => (
              <label key={d.key} className="flex items-center gap-2">
                <input type="checkbox" name="ind" value={d.key} defaultChecked={keys.includes(d.key)} />
                {d.label}
              </label>
            ))}
          </fieldset>
          {/* The period and the sort are kept by the page's own hidden fields. */}
          <HiddenFromHref href={hrefFor({})} />
          <Button type="submit" size="sm" className="self-start">Comparer</Button>
        </form>
      </Disclosure>
      <Disclosure summary="Tableau de comparaison (tri, parts de la région)" open={sort.key !== null} testId="comparison-disclosure">
        <TableScroll label="Comparaison des plateformes">
          <table className="min-w-full text-sm" data-testid="comparison-table">
            <caption className="p-2 text-left font-semibold">Comparaison des plateformes sur la période (part de la région entre parenthèses)</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">Plateforme</th>
                {keys.map((k) => {
                  const active = sort.key === k;
                  const next = active && sort.dir === "desc" ? "asc" : "desc";
                  return (
                    <th key={k} scope="col" className="px-2 py-1 text-right" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
                      <Link href={hrefFor({ sort: k, dir: next })} className="text-brand-700 underline">
                        {INDICATOR_BY_KEY.get(k)!.label}
                        <span aria-hidden="true">{active ? (sort.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                        <span className="sr-only"> : trier {next === "asc" ? "par ordre croissant" : "par ordre décroissant"}</span>
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.platform.id} className="border-t border-gray-200">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {r.platform.name}
                    {r.provisional ? <span className="block text-xs italic">provisoire</span> : null}
                  </th>
                  {keys.map((k) => (
                    <td key={k} className="px-2 py-1 text-right tabular-nums">
                      {fmt(r.cells[k]!.value)}
                      {r.cells[k]!.share !== null ? <span className="text-muted"> ({r.cells[k]!.share} %)</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="border-t-2 border-gray-400 font-semibold">
                <th scope="row" className="px-2 py-1 text-left">Total région</th>
                {keys.map((k) => <td key={k} className="px-2 py-1 text-right tabular-nums">{fmt(regionTotal[k])}</td>)}
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </Disclosure>
    </section>
  );
}

/** Hidden inputs carrying the page's other query parameters (everything but the picked indicators). */
function HiddenFromHref({ href }: { href: string }) {
  const params = new URLSearchParams(href.split("?")[1] ?? "");
  return <>{[...params].filter(([k]) => k !== "ind").map(([k, v]) => <input key={`${k}=${v}`} type="hidden" name={k} value={v} />)}</>;
}
