"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import type { JobSeekerListRow } from "@/lib/job-seekers/job-seeker-list.rows";

/** `data`: the screen's rows (lib/job-seekers/job-seeker-list.rows.ts), only what the cells show. */
export function JobSeekerTable(props: { data: JobSeekerListRow[]; sort: string; showPlatform: boolean; caption: string } & Pick<DataTableProps<unknown>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<JobSeekerListRow, unknown>[] = [
    {
      id: "name",
      header: "Nom",
      enableSorting: true,
      // A plain link: the table navigates it in the app (components/data-table navigateCellLink).
      cell: ({ row }) => (
        <a href={`/demandeurs/${row.original.id}`} className="font-semibold text-brand-700 underline">
          {row.original.name}
        </a>
      ),
    },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<JobSeekerListRow, unknown>] : []),
    { id: "city", header: "Commune", accessorKey: "city" },
    { id: "origin", header: "Arrivée par", accessorKey: "origin" },
    { id: "latestProposal", header: "Dernier positionnement", accessorKey: "latestProposal" },
    { id: "lastContact", header: "Dernier contact", enableSorting: true, accessorKey: "lastContact" },
  ];
  return <DataTable columns={columns} emptyMessage="Aucun demandeur d'emploi ne correspond à votre recherche." {...rest} />;
}
