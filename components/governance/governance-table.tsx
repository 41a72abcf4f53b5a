"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import { GOVERNANCE_KIND_LABELS } from "@/lib/governance/governance.rules";
import type { GovernanceMeetingDto } from "@/lib/governance/governance.schema";

export function GovernanceTable(props: { data: GovernanceMeetingDto[]; total: number; page: number; pageSize: number; sort: string; showPlatform: boolean }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<GovernanceMeetingDto, unknown>[] = [
    {
      id: "date",
      header: "Date",
      enableSorting: true,
      cell: ({ row }) => (
        <a href={`/gouvernance/${row.original.id}`} className="font-semibold text-brand-700 underline">
          {formatDate(row.original.date)}
          <span className="sr-only"> : {GOVERNANCE_KIND_LABELS[row.original.kind]}</span>
        </a>
      ),
    },
    { id: "kind", header: "Instance", enableSorting: true, cell: ({ row }) => GOVERNANCE_KIND_LABELS[row.original.kind] },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<GovernanceMeetingDto, unknown>] : []),
    { id: "attendees", header: "Participants", cell: ({ row }) => row.original.attendees.join(", ") },
    { id: "decisions", header: "Décisions", cell: ({ row }) => <span className="line-clamp-2">{row.original.decisions ?? "—"}</span> },
  ];
  return <DataTable caption="Réunions de gouvernance" columns={columns} emptyMessage="Aucune réunion ne correspond à ces critères." {...rest} />;
}
