"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatCents } from "@/lib/format";
import type { SubsidyFileSummary } from "@/lib/subsidy/subsidy.schema";
import { STATUS_LABELS, type SubsidyStatusName } from "@/lib/subsidy/subsidy-workflow.rules";

const FUNDERS: Record<string, string> = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" };

const columns: ColumnDef<SubsidyFileSummary, unknown>[] = [
  {
    id: "platform",
    header: "Plateforme",
    accessorFn: (r) => r.platform.name,
    enableSorting: true,
    cell: ({ row }) => (
      <a href={`/financement/${row.original.id}`} className="text-brand-700 underline">
        {row.original.platform.name}
        <span className="sr-only"> — dossier {FUNDERS[row.original.funder]} {row.original.year}</span>
      </a>
    ),
  },
  { id: "year", header: "Année", accessorKey: "year", enableSorting: true },
  { id: "funder", header: "Financeur", cell: ({ row }) => FUNDERS[row.original.funder] },
  { id: "status", header: "Statut", cell: ({ row }) => STATUS_LABELS[row.original.status as SubsidyStatusName] ?? row.original.status },
  { id: "requested", header: "Montant demandé", cell: ({ row }) => formatCents(row.original.requestedCents), enableSorting: true },
  { id: "awarded", header: "Montant attribué", cell: ({ row }) => formatCents(row.original.awardedCents) },
  { id: "paid", header: "Versé", cell: ({ row }) => formatCents(row.original.paidCents) },
];

export function SubsidyTable(props: { data: SubsidyFileSummary[]; total: number; page: number; pageSize: number; sort: string }) {
  return <DataTable caption="Dossiers de subvention" columns={columns} emptyMessage="Aucun dossier de subvention." {...props} />;
}
