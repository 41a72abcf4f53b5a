"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { formatDate } from "@/lib/format";
import type { JobSeekerListItem } from "@/lib/job-seekers/job-seeker.query";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";
import type { TotalKind } from "@/lib/pagination/total-label";

export function JobSeekerTable(props: { data: JobSeekerListItem[]; total: number; totalKind?: TotalKind; page: number; pageSize: number; sort: string; showPlatform: boolean; caption: string }) {
  const { showPlatform, ...rest } = props;
  const columns: ColumnDef<JobSeekerListItem, unknown>[] = [
    {
      id: "name",
      header: "Nom",
      enableSorting: true,
      cell: ({ row }) => (
        <Link href={`/demandeurs/${row.original.id}`} className="font-semibold text-brand-700 underline">
          {row.original.lastName} {row.original.firstName}
        </Link>
      ),
    },
    ...(showPlatform ? [{ id: "platform", header: "Plateforme", accessorKey: "platform" } as ColumnDef<JobSeekerListItem, unknown>] : []),
    { id: "city", header: "Commune", cell: ({ row }) => row.original.city ?? "—" },
    { id: "origin", header: "Arrivée par", cell: ({ row }) => LABELS.origin[row.original.origin] },
    {
      id: "latestProposal",
      header: "Dernier positionnement",
      cell: ({ row }) => {
        const p = row.original.latestProposal;
        return p ? `${p.label ?? "—"} : ${PROPOSAL_STATUS_LABELS[p.status]} (${formatDate(p.at)})` : "Aucun";
      },
    },
    { id: "lastContact", header: "Dernier contact", enableSorting: true, cell: ({ row }) => formatDate(row.original.lastContactAt) },
  ];
  return <DataTable columns={columns} emptyMessage="Aucun demandeur d'emploi ne correspond à votre recherche." {...rest} />;
}
