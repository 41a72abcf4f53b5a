"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import type { OfferListItem } from "@/lib/offers/offer.query";
import { OFFER_STATUS_LABELS } from "@/lib/offers/offer.rules";
import { CONTRACT_LABELS } from "@/lib/offers/offer.schema";
import { Icon } from "@/components/ui/icons";

const columnsFor = (rome: Record<string, string>): ColumnDef<OfferListItem, unknown>[] => [
  { id: "title", header: "Poste", enableSorting: true, cell: ({ row }) => <a href={`/offres/${row.original.id}`} className="font-medium text-brand-700 underline">{row.original.title}</a> },
  { id: "company", header: "Entreprise", cell: ({ row }) => <a href={`/entreprises/${row.original.companyId}`} className="underline">{row.original.company}</a> },
  { id: "contract", header: "Contrat", cell: ({ row }) => CONTRACT_LABELS[row.original.contractType] },
  { id: "rome", header: "Métier (ROME)", cell: ({ row }) => (row.original.romeCode ? (rome[row.original.romeCode] ?? row.original.romeCode) : "—") },
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

/** `rome`: « H2913 — Soudage manuel » for each ROME code of the page (a code is never shown alone). */
export function OfferTable({ rome, ...props }: { data: OfferListItem[]; sort: string; rome: Record<string, string> } & Pick<DataTableProps<OfferListItem>, "total" | "totalKind" | "page" | "pageSize" | "next" | "prev">) {
  const columns = useMemo(() => columnsFor(rome), [rome]);
  return <DataTable caption="Offres d'emploi" columns={columns} emptyMessage="Aucune offre ne correspond à ces critères." {...props} />;
}
