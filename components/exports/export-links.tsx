// "Exporter cette vue" links of a list: the current filters and sort go along, paging does not
// (the whole view is exported). Large views are generated in the background ("Mes exports").
import { can, type Principal } from "@/lib/authz/policy";
import type { ExportListKey } from "@/lib/exports/table-export.schema";
import { TextLink } from "@/components/ui/text-link";

export function exportHref(list: ExportListKey, query: Record<string, unknown>, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === "page" || k === "pageSize" || v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  params.set("format", format);
  return `/api/v1/lists/${list}/export?${params.toString()}`;
}

export function ExportLinks({ user, list, query }: { user: Principal; list: ExportListKey; query: Record<string, unknown> }) {
  if (!can(user, "tableExport.run")) return null;
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="export-links">
      <span>Exporter cette vue (filtres et tri appliqués) :</span>
      <a href={exportHref(list, query, "xlsx")} className="text-brand-700 underline">Excel (XLSX)</a>
      <a href={exportHref(list, query, "csv")} className="text-brand-700 underline">CSV</a>
      <TextLink href="/exports">Mes exports</TextLink>
    </p>
  );
}
