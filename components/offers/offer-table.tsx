"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import type { OfferListItem } from "@/lib/offers/offer.query";
import { OFFER_STATUS_LABELS } from "@/lib/offers/offer.rules";
import { CONTRACT_LABELS } from "@/lib/offers/offer.schema";
import { Icon } from "@/components/ui/icons";

const columns: ColumnDef<OfferListItem, unknown>[] = [
  { id: "title", header: "Poste", enableSorting: true, cell: ({ row }) => <Link href={`/offres/${row.original.id}`} className="font-medium text-brand-700 underline">{row.original.title}</Link> },
  { id: "company", header: "Entreprise", cell: ({ row }) => <Link href={`/entreprises/${row.original.companyId}`} className="underline">{row.original.company}</Link> },
  { id: "contract", header: "Contrat", cell: ({ row }) => CONTRACT_LABELS[row.original.contractType] },
  { id: "rome", header: "ROME", cell: ({ row }) => row.original.romeCode ?? "—" },
  { id: "positions", header: "Postes pourvus", cell: ({ row }) => `${row.original.positionsFilled} / ${row.original.positions}` },
  { id: "hidden", header: "Marché caché", cell: ({ row }) => (row.original.hiddenMarket ? "Oui" : "Non") },
  {
    id: "status",
    header: "État",
    cell: ({ row }) => (
      <span>
        {OFFER_STATUS_LABELS[row.original.status]}
        {row.original.staleness === "STALE" ? <span className="block text-xs font-semibold text-warning"><Icon name="clock" className="mr-1 inline-block align-[-2px]" />sans activité, expire dans {row.original.daysLeft} j</span> : null}
        {row.original.staleness === "EXPIRE_NOW" ? <span className="block text-xs font-semibold text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />à expirer</span> : null}
      </span>
    ),
  },
  { id: "receivedAt", header: "Reçue le", enableSorting: true, cell: ({ row }) => formatDate(row.original.receivedAt) },
];

export function OfferTable(props: { data: OfferListItem[]; sort: string } & Pick<DataTableProps<OfferListItem>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  return <DataTable caption="Offres d'emploi" columns={columns} emptyMessage="Aucune offre ne correspond à ces critères." {...props} />;
}
