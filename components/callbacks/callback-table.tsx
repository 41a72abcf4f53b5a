"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UrgencyBadge } from "@/components/callbacks/urgency-badge";
import { DataTable } from "@/components/data-table/data-table";
import { CALLBACK_STATUS_LABELS } from "@/lib/callbacks/callback.rules";
import type { CallbackSummary } from "@/lib/callbacks/callback.schema";
import { formatDateTime } from "@/lib/format";

export function CallbackTable(props: { data: CallbackSummary[]; total: number; page: number; pageSize: number; sort: string; showPlatform: boolean }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<CallbackSummary, unknown>[] = [
    {
      id: "company",
      header: "Entreprise",
      enableSorting: true,
      cell: ({ row }) => (
        <a href={`/rappels/${row.original.id}`} className="font-semibold text-brand-700 underline">
          {row.original.companyName}
          <span className="sr-only"> : ouvrir le rappel</span>
        </a>
      ),
    },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<CallbackSummary, unknown>] : []),
    { id: "receivedAt", header: "Appel reçu", enableSorting: true, cell: ({ row }) => formatDateTime(row.original.receivedAt) },
    { id: "dueAt", header: "À rappeler avant", enableSorting: true, cell: ({ row }) => formatDateTime(row.original.dueAt) },
    { id: "urgency", header: "Échéance", cell: ({ row }) => <UrgencyBadge urgency={row.original.urgency} /> },
    { id: "status", header: "Statut", cell: ({ row }) => CALLBACK_STATUS_LABELS[row.original.status] },
    { id: "attempts", header: "Tentatives", cell: ({ row }) => row.original.attemptCount },
    { id: "assignedTo", header: "Suivi par", cell: ({ row }) => row.original.assignedTo ?? "—" },
  ];
  return <DataTable caption="Rappels numéro vert" columns={columns} emptyMessage="Aucun rappel ne correspond à ces critères." {...rest} />;
}
