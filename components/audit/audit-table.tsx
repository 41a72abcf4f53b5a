"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { AuditEventDto } from "@/lib/audit/audit.schema";
import { formatDateTime } from "@/lib/format";

const columns: ColumnDef<AuditEventDto, unknown>[] = [
  { id: "at", header: "Date", cell: ({ row }) => formatDateTime(row.original.at), enableSorting: true },
  { id: "action", header: "Action", accessorKey: "action" },
  { id: "actor", header: "Auteur", cell: ({ row }) => row.original.actor ?? "—" },
  { id: "entity", header: "Objet", cell: ({ row }) => (row.original.entityType ? `${row.original.entityType} ${row.original.entityId ?? ""}` : "—") },
  { id: "reason", header: "Motif", cell: ({ row }) => row.original.reason ?? "—" },
];

export function AuditTable(props: { data: AuditEventDto[]; total: number; page: number; pageSize: number; sort: string }) {
  return <DataTable caption="Journal d'audit" columns={columns} emptyMessage="Aucun événement journalisé." {...props} />;
}
