"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { Countdown } from "@/components/rights/countdown";
import { formatDateTime } from "@/lib/format";
import { BREACH_STATUS_LABELS, type BreachDto } from "@/lib/rights/breach.schema";
import { TextLink } from "@/components/ui/text-link";

const columns: ColumnDef<BreachDto, unknown>[] = [
  { id: "detectedAt", header: "Détectée le", cell: ({ row }) => <TextLink href={`/rgpd/violations/${row.original.id}`}>{formatDateTime(row.original.detectedAt)}</TextLink> },
  { id: "nature", header: "Nature", cell: ({ row }) => (row.original.nature.length > 80 ? `${row.original.nature.slice(0, 80)}…` : row.original.nature) },
  { id: "platform", header: "Plateforme", cell: ({ row }) => row.original.platform ?? "—" },
  { id: "people", header: "Personnes (approx.)", cell: ({ row }) => row.original.approxPeople ?? "—" },
  { id: "status", header: "Statut", cell: ({ row }) => BREACH_STATUS_LABELS[row.original.status] },
  { id: "deadline", header: "Notification au responsable", cell: ({ row }) => <Countdown clock={{ dueAt: row.original.deadlineAt, doneAt: row.original.notifiedAt, overdue: row.original.overdue, late: row.original.late, countdown: row.original.countdown }} /> },
];

export function BreachTable(props: { data: BreachDto[]; total: number; page: number; pageSize: number }) {
  return <DataTable caption="Registre des violations de données" columns={columns} emptyMessage="Aucune violation enregistrée." {...props} />;
}
