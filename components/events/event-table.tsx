"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { EVENT_KIND_LABELS, EVENT_STATUS_LABELS } from "@/lib/events/event.rules";
import type { EventSummary } from "@/lib/events/event.schema";
import { formatDateTime } from "@/lib/format";

export function EventTable(props: { data: EventSummary[]; total: number; page: number; pageSize: number; sort: string; showPlatform: boolean }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<EventSummary, unknown>[] = [
    { id: "date", header: "Date", enableSorting: true, cell: ({ row }) => formatDateTime(row.original.date) },
    { id: "title", header: "Événement", enableSorting: true, cell: ({ row }) => <a href={`/evenements/${row.original.id}`} className="font-semibold text-brand-700 underline">{row.original.title}</a> },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<EventSummary, unknown>] : []),
    { id: "kind", header: "Type", cell: ({ row }) => EVENT_KIND_LABELS[row.original.kind] },
    { id: "place", header: "Lieu", accessorKey: "place" },
    { id: "status", header: "Statut", cell: ({ row }) => EVENT_STATUS_LABELS[row.original.status] },
    { id: "registered", header: "Inscrits / capacité", cell: ({ row }) => `${row.original.registered} / ${row.original.capacity ?? "∞"}${row.original.waitlisted ? ` (+${row.original.waitlisted} en attente)` : ""}` },
  ];
  return <DataTable caption="Événements circuit court" columns={columns} emptyMessage="Aucun événement pour le moment." {...rest} />;
}
