"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import { NEED_LABELS, type VisitSummary } from "@/lib/visits/visit.schema";
import { TextLink } from "@/components/ui/text-link";

const columns: ColumnDef<VisitSummary, unknown>[] = [
  { id: "date", header: "Date", enableSorting: true, cell: ({ row }) => <TextLink href={`/visites/${row.original.id}`}>{formatDate(row.original.date)}</TextLink> },
  { id: "company", header: "Entreprise", cell: ({ row }) => <a href={`/entreprises/${row.original.companyId}`} className="underline">{row.original.company}</a> },
  { id: "purpose", header: "Objet", accessorKey: "purpose" },
  { id: "needs", header: "Besoins", cell: ({ row }) => row.original.needs.map((n) => NEED_LABELS[n]).join(", ") || "—" },
  { id: "staff", header: "Intervenants", cell: ({ row }) => row.original.staff.map((s) => s.name).join(", ") || "—" },
];

export function VisitTable(props: { data: VisitSummary[]; sort: string } & Pick<DataTableProps<unknown>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  return <DataTable caption="Visites d'entreprises" columns={columns} emptyMessage="Aucune visite." {...props} />;
}
