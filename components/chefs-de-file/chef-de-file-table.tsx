"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { ChefDeFileSummary } from "@/lib/chefs-de-file/chef-de-file.schema";
import { formatDate } from "@/lib/format";

export function ChefDeFileTable(props: { data: ChefDeFileSummary[]; total: number; page: number; pageSize: number; sort: string; showPlatform: boolean }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<ChefDeFileSummary, unknown>[] = [
    {
      id: "name",
      header: "Nom",
      enableSorting: true,
      cell: ({ row }) => (
        <a href={`/chefs-de-file/${row.original.id}`} className="font-semibold text-brand-700 underline">
          {row.original.name}
        </a>
      ),
    },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<ChefDeFileSummary, unknown>] : []),
    { id: "jobTitle", header: "Fonction", cell: ({ row }) => row.original.jobTitle ?? "—" },
    { id: "company", header: "Entreprise", cell: ({ row }) => row.original.companyName ?? "—" },
    { id: "sector", header: "Filière", accessorKey: "sector", enableSorting: true },
    { id: "since", header: "Depuis", enableSorting: true, cell: ({ row }) => formatDate(row.original.since) },
    { id: "events", header: "Événements", cell: ({ row }) => row.original.eventCount },
    { id: "active", header: "État", cell: ({ row }) => (row.original.active ? "Actif" : "Inactif") },
  ];
  return <DataTable caption="Chefs de file métiers" columns={columns} emptyMessage="Aucun chef de file ne correspond à ces critères." {...rest} />;
}
