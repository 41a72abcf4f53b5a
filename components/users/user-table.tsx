"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/nav";
import type { UserSummary } from "@/lib/users/user.schema";
import { TextLink } from "@/components/ui/text-link";

const yesNo = (v: boolean) => (v ? "Oui" : "Non");

const columns: ColumnDef<UserSummary, unknown>[] = [
  {
    id: "email",
    header: "Adresse e-mail",
    accessorKey: "email",
    enableSorting: true,
    cell: ({ row }) => (
      <TextLink href={`/administration/utilisateurs/${row.original.id}`}>
        {row.original.email}
      </TextLink>
    ),
  },
  { id: "name", header: "Nom", accessorKey: "name" },
  { id: "role", header: "Rôle", cell: ({ row }) => ROLE_LABELS[row.original.role as keyof typeof ROLE_LABELS] ?? row.original.role },
  { id: "platforms", header: "Plateformes", cell: ({ row }) => row.original.platforms.join(", ") || "—" },
  { id: "active", header: "Actif", cell: ({ row }) => yesNo(row.original.active) },
  { id: "lastLogin", header: "Dernière connexion", cell: ({ row }) => formatDateTime(row.original.lastLoginAt), enableSorting: true },
  { id: "totp", header: "Double authentification", cell: ({ row }) => yesNo(row.original.totpEnabled) },
  { id: "charter", header: "Charte acceptée", cell: ({ row }) => yesNo(row.original.charterAccepted) },
];

export function UserTable(props: { data: UserSummary[]; total: number; page: number; pageSize: number; sort: string }) {
  return <DataTable caption="Comptes utilisateurs" columns={columns} emptyMessage="Aucun compte." {...props} />;
}
