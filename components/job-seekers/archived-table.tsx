"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import type { ArchivedListItem } from "@/lib/job-seekers/archived.query";
import { TextLink } from "@/components/ui/text-link";

const columns: ColumnDef<ArchivedListItem, unknown>[] = [
  {
    id: "name", header: "Personne",
    cell: ({ row }) => <TextLink href={`/rgpd/archives/${row.original.id}`}>{row.original.name || "(sans nom)"}</TextLink>,
  },
  { id: "platform", header: "Plateforme", accessorKey: "platform" },
  { id: "lastContact", header: "Dernier contact", cell: ({ row }) => formatDate(row.original.lastContactAt) },
  { id: "archivedAt", header: "Archivée le", cell: ({ row }) => formatDate(row.original.archivedAt) },
];

export function ArchivedTable(props: { data: ArchivedListItem[]; total: number; page: number; pageSize: number }) {
  return <DataTable caption="Personnes archivées" columns={columns} emptyMessage="Aucune personne archivée dans votre périmètre." sort="" {...props} />;
}
