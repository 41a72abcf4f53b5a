"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { CompanySummary } from "@/lib/companies/company.schema";
import { formatDate } from "@/lib/format";

function formatSiret(s: string): string {
  return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;
}

export function CompanyTable(props: { data: CompanySummary[]; total: number; page: number; pageSize: number; sort: string; showPlatform: boolean }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<CompanySummary, unknown>[] = [
    { id: "name", header: "Raison sociale", accessorKey: "name", enableSorting: true },
    { id: "siret", header: "SIRET", cell: ({ row }) => <span className="font-mono whitespace-nowrap">{formatSiret(row.original.siret)}</span> },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<CompanySummary, unknown>] : []),
    { id: "sector", header: "Filière", cell: ({ row }) => row.original.sector ?? "—" },
    { id: "city", header: "Commune", cell: ({ row }) => row.original.city ?? "—", enableSorting: true },
    { id: "numeroVert", header: "Numéro vert", cell: ({ row }) => (row.original.viaNumeroVert ? "Oui" : "Non") },
    { id: "lastContact", header: "Dernier contact", cell: ({ row }) => formatDate(row.original.lastContactAt), enableSorting: true },
  ];
  return <DataTable caption="Entreprises" columns={columns} emptyMessage="Aucune entreprise ne correspond à votre recherche." {...rest} />;
}
