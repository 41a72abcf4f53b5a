"use client";
// The ONE list table: paging, sorting and filtering happen on the server; this component only renders
// the page it is given and turns clicks into URL search params. Columns are declared as
// @tanstack/react-table `ColumnDef`s (id or accessorKey or accessorFn, string header, `cell` reading
// `row.original` or the default cell showing the value), but rendered directly: the page is already
// sorted and paged, and building tanstack's table, row and cell models for it cost 1.5–2 ms of server
// CPU per 50-row page (issue 18, CPU profile of /demandeurs) for no feature of ours.
import type { ColumnDef } from "@tanstack/react-table";
import type { MouseEvent, ReactNode } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SortControl } from "@/components/data-table/sort-control";
import { LinkButton } from "@/components/ui/button";
import { stackClass, TableScroll } from "@/components/ui/table";
import { totalLabel, type TotalKind } from "@/lib/pagination/total-label";

export interface DataTableProps<T> {
  caption: string;
  columns: ColumnDef<T, unknown>[];
  data: T[];
  total: number;
  /** Null when unknown (the last page of a list whose total is an estimate). */
  page: number | null;
  pageSize: number;
  /** Exact count, estimate (« environ ») or lower bound (« plus de »); exact when absent. */
  totalKind?: TotalKind;
  /** Keyset lists: cursors of the neighbouring pages (null at either end). Page numbers otherwise. */
  next?: string | null;
  prev?: string | null;
  /** "field" or "-field" (descending). */
  sort?: string;
  emptyMessage?: string;
}

/** The column's name shown before each cell on a phone (rows as cards). */
function columnLabel(header: unknown, id: string): string {
  return typeof header === "string" ? header : id;
}

/** Back to the first page: no number, no cursor. */
const FIRST = { page: null, after: null, before: null, last: null };

/** A column's id as tanstack derives it: `id`, else `accessorKey` (dots as underscores), else the header. */
function columnId<T>(c: ColumnDef<T, unknown>): string {
  const key = "accessorKey" in c && typeof c.accessorKey === "string" ? c.accessorKey.replaceAll(".", "_") : undefined;
  return c.id ?? key ?? (typeof c.header === "string" ? c.header : "");
}

/** The cell's value: `accessorFn`, else the row's `accessorKey` property (a dotted key walks the path). */
function cellValue<T>(c: ColumnDef<T, unknown>, row: T, index: number): unknown {
  if ("accessorFn" in c && typeof c.accessorFn === "function") return c.accessorFn(row, index);
  if ("accessorKey" in c && typeof c.accessorKey === "string") {
    return c.accessorKey.split(".").reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string, unknown>)[k]), row);
  }
  return undefined;
}

/** What tanstack's flexRender shows: the `cell` function's result, else the value as text (null when none). */
function renderCell<T>(c: ColumnDef<T, unknown>, row: T, index: number): ReactNode {
  const value = cellValue(c, row, index);
  if (typeof c.cell === "function") {
    // Our cells read `row.original` (and at most the value): the context they are given.
    return (c.cell as (ctx: unknown) => ReactNode)({ row: { original: row, index }, getValue: () => value, renderValue: () => value ?? null });
  }
  if (c.cell !== undefined) return c.cell as ReactNode;
  return value == null ? null : String(value);
}

/**
 * A plain left click on a same-origin link in a cell (a cell renders `<a href>`, not next/link's
 * `<Link>`: one per row cost ≈ 10 µs of server rendering each, 50 per page, issue 18) navigates in
 * the app like `<Link>` does, without reloading the page. Anything else is the browser's: a new tab
 * (modifier keys, middle click), `target`, `download`, another origin, or a link that already
 * handled the click (a `<Link>` in a cell). Exported for the tests.
 */
export function navigateCellLink(e: MouseEvent<HTMLElement>, push: (href: string) => void): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!link || !e.currentTarget.contains(link) || link.hasAttribute("download")) return;
  const target = link.getAttribute("target");
  if (target && target !== "_self") return;
  const url = new URL(link.getAttribute("href")!, window.location.href);
  if (url.origin !== window.location.origin) return;
  e.preventDefault();
  push(`${url.pathname}${url.search}${url.hash}`);
}

export function DataTable<T>({ caption, columns, data, total, page, pageSize, totalKind = "exact", next, prev, sort, emptyMessage = "Aucun résultat." }: DataTableProps<T>) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const sortedId = sort ? sort.replace(/^-/, "") : null;
  const sortedDir = sort?.startsWith("-") ? "desc" : "asc";
  const cols = columns.map((c) => ({ def: c, id: columnId(c), label: columnLabel(c.header, columnId(c)) }));

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `${pathname}?${next.toString()}`;
  };
  const pages = totalKind === "exact" ? Math.max(1, Math.ceil(total / pageSize)) : null;
  const keyset = next !== undefined || prev !== undefined;
  // Keyset lists move by cursor (the page number only travels along for display); others by number.
  const prevHref = keyset
    ? prev ? hrefWith({ before: prev, after: null, last: null, page: page && page > 1 ? String(page - 1) : null }) : null
    : page && page > 1 ? hrefWith({ page: String(page - 1) }) : null;
  const nextHref = keyset
    ? next ? hrefWith({ after: next, before: null, last: null, page: page ? String(page + 1) : null }) : null
    : page && pages && page < pages ? hrefWith({ page: String(page + 1) }) : null;
  const firstHref = keyset && prev ? hrefWith(FIRST) : null;
  const lastHref = keyset && next ? hrefWith({ ...FIRST, last: "true" }) : null;

  // On a phone the rows are cards and the header's sort links are hidden: a sort control instead.
  const sortColumns = cols.filter((c) => c.def.enableSorting === true).map((c) => ({ id: c.id, label: c.label }));

  return (
    <div className="flex flex-col gap-3">
      {sortColumns.length > 0 && total > 1 ? (
        <SortControl key={sort ?? ""} caption={caption} columns={sortColumns} sort={sort} onSort={(s) => router.push(hrefWith({ sort: s, ...FIRST }))} className="sm:hidden" />
      ) : null}
      <TableScroll label={caption}>
        <table className={`data-table w-full border-collapse text-left text-sm ${stackClass}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-gray-100">
            <tr>
              {cols.map(({ def, id }) => {
                const sortable = def.enableSorting === true;
                const state = sortedId === id ? sortedDir : false;
                const label = def.header as ReactNode;
                return (
                  <th key={id} scope="col" className="px-3 py-2 font-semibold" aria-sort={state === "asc" ? "ascending" : state === "desc" ? "descending" : undefined}>
                    {sortable ? (
                      <Link href={hrefWith({ sort: state === "asc" ? `-${id}` : id, ...FIRST })} prefetch={false} className="underline decoration-dotted">
                        {label}
                        <span aria-hidden="true">{state === "asc" ? " ▲" : state === "desc" ? " ▼" : " ↕"}</span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody onClick={(e) => navigateCellLink(e, (href) => router.push(href))}>
            {data.length === 0 ? (
              <tr data-empty="">
                <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              data.map((row, index) => (
                <tr key={index}>
                  {cols.map(({ def, id, label }) => (
                    <td key={id} data-label={label}>
                      {renderCell(def, row, index)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label={`Pagination : ${caption}`} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          {totalLabel(total, totalKind)}
          {page ? ` · page ${page}${pages ? ` sur ${pages}` : ""}` : ""}
        </p>
        <div className="flex flex-wrap gap-2">
          {firstHref ? (
            <LinkButton variant="outline" size="sm" href={firstHref}>
              Première page
            </LinkButton>
          ) : null}
          {prevHref ? (
            <LinkButton variant="outline" size="sm" href={prevHref}>
              Page précédente
            </LinkButton>
          ) : null}
          {nextHref ? (
            <LinkButton variant="outline" size="sm" href={nextHref}>
              Page suivante
            </LinkButton>
          ) : null}
          {lastHref ? (
            <LinkButton variant="outline" size="sm" href={lastHref}>
              Dernière page
            </LinkButton>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
