"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import type { AuditEventDto } from "@/lib/audit/audit.schema";
import { formatDateTime } from "@/lib/format";

const columns: ColumnDef<AuditEventDto, unknown>[] = [
  { id: "at", header: "Date (heure de Paris)", cell: ({ row }) => formatDateTime(row.original.at), enableSorting: true },
  {
    id: "action", header: "Action",
    cell: ({ row }) => (
      <>
        {row.original.actionLabel ?? row.original.action}
        <span className="block text-xs text-muted">{row.original.action}</span>
      </>
    ),
  },
  { id: "actor", header: "Auteur", cell: ({ row }) => row.original.actor ?? "—" },
  {
    id: "entity", header: "Objet",
    cell: ({ row }) => {
      const { record, person } = row.original;
      if (!record && !person) return "—";
      return (
        <>
          {record ? <RecordLink r={record} /> : null}
          {person ? <span className="block text-xs">concerne : <RecordLink r={person} /></span> : null}
        </>
      );
    },
  },
  { id: "reason", header: "Motif", cell: ({ row }) => row.original.reason ?? "—" },
];

function RecordLink({ r }: { r: { label: string; href: string | null } }) {
  return r.href ? <a href={r.href} className="text-brand-700 underline">{r.label}</a> : <>{r.label}</>;
}

export function AuditTable(props: { data: AuditEventDto[]; sort: string } & Pick<DataTableProps<unknown>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  return <DataTable caption="Journal d'audit" columns={columns} emptyMessage="Aucun événement journalisé." {...props} />;
}
