"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatDateTime } from "@/lib/format";
import type { PurgeRunDto } from "@/lib/retention/purge-run.schema";
import { TextLink } from "@/components/ui/text-link";
import { runStatusText } from "@/lib/retention/retention-labels";

const columns: ColumnDef<PurgeRunDto, unknown>[] = [
  {
    id: "startedAt",
    header: "Début",
    cell: ({ row }) => (
      <TextLink href={`/rgpd/conservation/${row.original.id}`}>
        {formatDateTime(row.original.startedAt)}
      </TextLink>
    ),
  },
  { id: "kind", header: "Type", cell: ({ row }) => (row.original.dryRun ? "Simulation" : "Exécution réelle") },
  { id: "status", header: "État", cell: ({ row }) => runStatusText(row.original) },
  { id: "archive", header: "Demandeurs archivés", cell: ({ row }) => row.original.counts["jobSeeker.archive"] },
  { id: "destroy", header: "Demandeurs détruits", cell: ({ row }) => row.original.counts["jobSeeker.destroy"] },
  { id: "contacts", header: "Contacts détruits", cell: ({ row }) => row.original.counts["companyContact.destroy"] },
  { id: "chefs", header: "Chefs de file détruits", cell: ({ row }) => row.original.counts["chefDeFile.destroy"] },
  { id: "ft", header: "Projets France Travail détruits", cell: ({ row }) => row.original.counts["franceTravail.destroy"] },
  { id: "intake", header: "Demandes en ligne effacées", cell: ({ row }) => row.original.counts["intakeRequest.expire"] },
  { id: "errors", header: "Erreurs", cell: ({ row }) => row.original.errors.length },
  { id: "by", header: "Lancée par", cell: ({ row }) => row.original.triggeredBy ?? "—" },
];

export function PurgeRunTable(props: { data: PurgeRunDto[]; total: number; page: number; pageSize: number }) {
  return <DataTable caption="Exécutions de la conservation" columns={columns} emptyMessage="Aucune exécution pour l'instant." {...props} />;
}
