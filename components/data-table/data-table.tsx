"use client";
// The ONE @tanstack/react-table wrapper: paging, sorting and filtering happen on the server; this
// component only renders the page it is given and turns clicks into URL search params.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
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

function parseSort(sort?: string): SortingState {
  if (!sort) return [];
  return [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }];
}

export function DataTable<T>({ caption, columns, data, total, page, pageSize, totalKind = "exact", next, prev, sort, emptyMessage = "Aucun résultat." }: DataTableProps<T>) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const sorting = parseSort(sort);
  // The table is rebuilt from server data on each render, so the React Compiler's memoisation
  // concern (returned functions not memoisable) does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: (page ?? 1) - 1, pageSize } },
  });

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
  const sortColumns = table
    .getAllLeafColumns()
    .filter((c) => c.columnDef.enableSorting === true)
    .map((c) => ({ id: c.id, label: columnLabel(c.columnDef.header, c.id) }));

  return (
    <div className="flex flex-col gap-3">
      {sortColumns.length > 0 && total > 1 ? (
        <SortControl key={sort ?? ""} caption={caption} columns={sortColumns} sort={sort} onSort={(s) => router.push(hrefWith({ sort: s, ...FIRST }))} className="sm:hidden" />
      ) : null}
      <TableScroll label={caption}>
        <table className={`w-full border-collapse text-left text-sm ${stackClass}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-gray-100">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sortable = header.column.columnDef.enableSorting === true;
                  const state = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" className="px-3 py-2 font-semibold" aria-sort={state === "asc" ? "ascending" : state === "desc" ? "descending" : undefined}>
                      {sortable ? (
                        <Link href={hrefWith({ sort: state === "asc" ? `-${header.column.id}` : header.column.id, ...FIRST })} className="underline decoration-dotted">
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
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-t border-gray-200">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-top" data-label={columnLabel(cell.column.columnDef.header, cell.column.id)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
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
