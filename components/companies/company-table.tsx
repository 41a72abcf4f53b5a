"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import { formatSiret } from "@/lib/companies/company.rules";
import type { CompanySummary } from "@/lib/companies/company.schema";
import { formatDate } from "@/lib/format";

export function CompanyTable(props: { data: CompanySummary[]; sort: string; showPlatform: boolean } & Pick<DataTableProps<unknown>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<CompanySummary, unknown>[] = [
    {
      id: "name",
      header: "Raison sociale",
      enableSorting: true,
      cell: ({ row }) => (
        <a href={`/entreprises/${row.original.id}`} className="font-medium text-brand-700 underline">
          {row.original.name}
        </a>
      ),
    },
    { id: "siret", header: "SIRET", cell: ({ row }) => <span className="whitespace-nowrap font-mono">{formatSiret(row.original.siret)}</span> },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<CompanySummary, unknown>] : []),
    { id: "sector", header: "Filière", cell: ({ row }) => row.original.sector ?? "—" },
    { id: "city", header: "Commune", cell: ({ row }) => row.original.city ?? "—", enableSorting: true },
    { id: "numeroVert", header: "Numéro vert", cell: ({ row }) => (row.original.numeroVert ? "Oui" : "Non") },
    { id: "openOffers", header: "Offres ouvertes", cell: ({ row }) => row.original.openOffers },
    { id: "lastContact", header: "Dernier contact", cell: ({ row }) => formatDate(row.original.lastContactAt), enableSorting: true },
  ];
  return <DataTable caption="Entreprises" columns={columns} emptyMessage="Aucune entreprise ne correspond à votre recherche." {...rest} />;
}
