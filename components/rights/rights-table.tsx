"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { Countdown } from "@/components/rights/countdown";
import { formatDateTime } from "@/lib/format";
import { RIGHTS_CHANNEL_LABELS, RIGHTS_KIND_LABELS, RIGHTS_STATUS_LABELS, type RightsRequestDto } from "@/lib/rights/rights.schema";
import { TextLink } from "@/components/ui/text-link";

const columns: ColumnDef<RightsRequestDto, unknown>[] = [
  {
    id: "receivedAt",
    header: "Reçue le",
    cell: ({ row }) => <TextLink href={`/rgpd/demandes/${row.original.id}`}>{formatDateTime(row.original.receivedAt)}</TextLink>,
  },
  { id: "kind", header: "Droit exercé", cell: ({ row }) => RIGHTS_KIND_LABELS[row.original.kind] },
  { id: "requester", header: "Demandeur·se", cell: ({ row }) => row.original.requesterName ?? "(effacé)" },
  { id: "channel", header: "Canal", cell: ({ row }) => (row.original.channel ? (RIGHTS_CHANNEL_LABELS[row.original.channel as keyof typeof RIGHTS_CHANNEL_LABELS] ?? row.original.channel) : "—") },
  { id: "person", header: "Personne concernée", cell: ({ row }) => row.original.jobSeeker?.name ?? row.original.otherSubject?.name ?? "non reliée" },
  { id: "platform", header: "Plateforme", cell: ({ row }) => row.original.platform ?? "—" },
  { id: "status", header: "État", cell: ({ row }) => RIGHTS_STATUS_LABELS[row.original.status] },
  {
    id: "next",
    header: "Prochain délai",
    cell: ({ row }) => (row.original.next ? <Countdown clock={row.original.next} /> : <span>clos</span>),
  },
];

export function RightsTable(props: { data: RightsRequestDto[]; total: number; page: number; pageSize: number }) {
  return <DataTable caption="Demandes d'exercice de droits" columns={columns} emptyMessage="Aucune demande." {...props} />;
}
