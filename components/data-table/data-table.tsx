"use client";
// The ONE @tanstack/react-table wrapper: paging, sorting and filtering happen on the server; this
// component only renders the page it is given and turns clicks into URL search params.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table";

export interface DataTableProps<T> {
  caption: string;
  columns: ColumnDef<T, unknown>[];
  data: T[];
  total: number;
  page: number;
  pageSize: number;
  /** "field" or "-field" (descending). */
  sort?: string;
  emptyMessage?: string;
}

function parseSort(sort?: string): SortingState {
  if (!sort) return [];
  return [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }];
}

export function DataTable<T>({ caption, columns, data, total, page, pageSize, sort, emptyMessage = "Aucun résultat." }: DataTableProps<T>) {
  const pathname = usePathname();
  const params = useSearchParams();
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
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
  });

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `${pathname}?${next.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="flex flex-col gap-3">
      <TableScroll label={caption}>
        <table className="w-full border-collapse text-left text-sm">
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
                        <Link href={hrefWith({ sort: state === "asc" ? `-${header.column.id}` : header.column.id, page: null })} className="underline decoration-dotted">
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
                    <td key={cell.id} className="px-3 py-2 align-top">
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
          {total.toLocaleString("fr-FR")} résultat{total > 1 ? "s" : ""} · page {page} sur {pages}
        </p>
        <div className="flex gap-2">
          {page > 1 ? (
            <LinkButton variant="outline" size="sm" href={hrefWith({ page: String(page - 1) })}>
              Page précédente
            </LinkButton>
          ) : null}
          {page < pages ? (
            <LinkButton variant="outline" size="sm" href={hrefWith({ page: String(page + 1) })}>
              Page suivante
            </LinkButton>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
